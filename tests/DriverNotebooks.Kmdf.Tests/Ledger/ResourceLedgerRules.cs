using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The resource ledger: leaks are judged when the image is gone; double frees, frees while in use, use after free.</summary>
public sealed class ResourceLedgerRules
{
    [Fact]
    public void A_resource_is_leaked_only_once_the_driver_image_is_gone()
    {
        var loaded = Scenario.Named("loaded").DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload()).Allocate("gBuffer")).Build();
        var unloaded = Scenario.Named("unloaded").DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload()).Allocate("gBuffer")).Unload().Build();

        var stillLoaded = LifecycleSimulator.Run(loaded);
        var gone = LifecycleSimulator.Run(unloaded);

        Assert.Empty(stillLoaded.Leaked);
        Assert.Contains("gBuffer", stillLoaded.Outstanding);
        Assert.Equal(["gBuffer"], gone.Leaked);
        Assert.Empty(gone.Outstanding);
    }

    [Fact]
    public void Freeing_twice_is_reported()
    {
        var scenario = Scenario.Named("twice").DriverEntry(e => e.WdfDriverCreate().Allocate("gBuffer").Free("gBuffer").Free("gBuffer")).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["gBuffer"], result.FreedTwice);
    }

    [Fact]
    public void An_unguarded_free_of_something_never_allocated_is_a_FreedUnallocated_finding()
    {
        // Given a cleanup callback that frees gBuffer as written (ExFreePool(gBuffer);), and the allocation fails
        var scenario = Scenario.Named("unguarded")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBuffer"))).Allocate("gBuffer"))
            .Build();

        var result = LifecycleSimulator.Run(scenario, "DriverEntry.Allocate(gBuffer)");

        var finding = Assert.Single(result.Findings);
        Assert.Equal((FindingKind.FreedUnallocated, "gBuffer", "WDFDRIVER.EvtCleanupCallback"), (finding.Kind, finding.Resource, finding.Where));
        Assert.Equal(["gBuffer"], result.FreedUnallocated);
        Assert.Equal(TraceEventKind.Call, result.Event("Free(gBuffer)").Kind);
    }

    [Fact]
    public void A_guarded_free_skips_what_was_never_allocated_and_what_it_already_freed()
    {
        var scenario = Scenario.Named("guarded")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnCleanup(c => c.FreeIfAllocated("gBuffer")))
                .Allocate("gBuffer")
                .Call("Init", onFailure: f => f.FreeIfAllocated("gBuffer")))
            .Build();

        var allocationFails = LifecycleSimulator.Run(scenario, "DriverEntry.Allocate(gBuffer)");
        var initFails = LifecycleSimulator.Run(scenario, "DriverEntry.Call(Init)");

        Assert.True(allocationFails.IsClean);
        Assert.Equal(TraceEventKind.Note, allocationFails.Event("Free(gBuffer)").Kind);
        Assert.True(initFails.IsClean); // freed in the failure path, skipped by the cleanup callback
        Assert.Equal([TraceEventKind.Call, TraceEventKind.Note], initFails.Trace.Where(e => e.Label == "Free(gBuffer)").Select(e => e.Kind));
    }

    [Fact]
    public void A_WDM_lookaside_list_still_initialized_at_unload_is_reported_as_left_on_the_system_list_and_counts_as_leaked()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("lookaside-wdm-freed-in-unload"));

        var finding = Assert.Single(result.Findings, f => f.Resource == "gLookaside");
        Assert.Equal(FindingKind.LookasideLeftOnSystemList, finding.Kind);
        Assert.Contains("system-wide lookaside list", finding.Detail);
        Assert.Contains("gLookaside", result.Leaked);
    }

    [Fact]
    public void A_shared_lookaside_list_torn_down_while_another_device_uses_it_is_reported_with_the_use_after_free_and_double_free_that_follow()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("lookaside-torn-down-while-in-use"));

        Assert.Equal([FindingKind.FreedWhileInUse, FindingKind.UsedAfterFree, FindingKind.FreedTwice], result.Findings.Select(f => f.Kind));
        Assert.All(result.Findings, f => Assert.Equal("gLookaside", f.Resource));
        Assert.Equal("WDFDEVICE#1.EvtCleanupCallback", result.Findings[0].Where);
        Assert.Contains("device 2", result.Findings[0].Detail);
    }

    [Fact]
    public void A_devices_use_of_a_resource_ends_when_the_device_is_deleted()
    {
        // Given devices that use a WDM list and never say they stopped, and an unload that frees it after the devices are gone
        var scenario = Scenario.Named("use-ends")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnD0Entry(p => p.Use("gLookaside"))))
                    .OnUnload(u => u.Free("gLookaside")))
                .Allocate("gLookaside", ResourceKind.WdmLookaside))
            .DeviceArrives(2)
            .RemoveDevice(1)
            .RemoveDevice(2)
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.True(result.IsClean);
    }

    [Fact]
    public void A_lookaside_list_parented_to_one_device_dies_with_that_device_which_breaks_sharing()
    {
        // §1.6: each device creates a list parented to itself, but both allocate from device 1's (named explicitly as gLookaside#1)
        var scenario = Scenario.Named("device-parented")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a
                .WdfDeviceCreate(dev => dev.OnD0Entry(p => p.Use("gLookaside#1")))
                .WdfLookasideListCreate("gLookaside", o => o.WithParent("WDFDEVICE")))))
            .DeviceArrives(2)
            .RemoveDevice(1)
            .IdleDevice(2)
            .WakeDevice(2)
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal([FindingKind.FreedWhileInUse, FindingKind.UsedAfterFree], result.Findings.Select(f => f.Kind));
        Assert.All(result.Findings, f => Assert.Equal("gLookaside#1", f.Resource));
        Assert.Equal("children first: gLookaside#1", result.Event("Delete(WDFDEVICE#1)").Detail);
    }

    [Fact]
    public void Using_a_framework_object_after_it_was_deleted_is_a_use_after_free()
    {
        var scenario = Scenario.Named("uaf-object")
            .DriverEntry(e => e.WdfDriverCreate().WdfLookasideListCreate("L").WdfObjectDelete("L").Use("L"))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["L"], result.UsedAfterFree);
    }

    [Fact]
    public void Names_allocated_in_a_devices_callbacks_belong_to_that_device()
    {
        var scenario = Scenario.Named("per-device")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev
                .OnPrepareHardware(p => p.Allocate("ctx"))
                .OnReleaseHardware(r => r.Free("ctx"))))))
            .DeviceArrives(2)
            .RemoveDevice(2)
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Contains("Allocate(ctx#1)", result.Labels);
        Assert.Contains("Free(ctx#2)", result.Labels);
        Assert.Contains("ctx#1", result.Outstanding);
        Assert.DoesNotContain("ctx#2", result.Outstanding);
    }

    [Fact]
    public void Allocating_again_over_a_live_allocation_loses_the_first()
    {
        var scenario = Scenario.Named("overwrite").DriverEntry(e => e.WdfDriverCreate().Allocate("gBuffer").Allocate("gBuffer")).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["gBuffer"], result.Leaked);
    }

    [Fact]
    public void A_WDM_lookaside_list_freed_only_in_EvtDriverUnload_leaks_when_DriverEntry_fails_but_a_WDF_one_does_not()
    {
        var wdm = LifecycleSimulator.Run(BuiltInScenarios.Get("lookaside-wdm-freed-in-unload"));
        var wdf = LifecycleSimulator.Run(BuiltInScenarios.Get("lookaside-wdf-driver-parented"));

        Assert.Equal(["gLookaside"], wdm.Leaked);
        Assert.Empty(wdf.Leaked);
        Assert.Contains("Destroy(gLookaside)", wdf.Labels);
    }
}
