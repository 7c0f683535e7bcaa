using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>kmdf-lifecycle.md §1.1, §1.3, §1.4: who calls DriverEntry and DriverUnload, and which driver-level callbacks run.</summary>
public sealed class DriverLoadAndUnloadRules
{
    [Fact]
    public void The_IO_manager_calls_the_stub_which_binds_before_calling_DriverEntry()
    {
        // Given a minimal driver
        var scenario = Scenario.Named("load").DriverEntry(e => e.WdfDriverCreate()).Build();

        // When it loads
        var result = LifecycleSimulator.Run(scenario);

        // Then the image entry point is the stub's, and binding precedes DriverEntry
        TraceAssert.InOrder(result.Labels, "LoadImage", "FxDriverEntry", "WdfVersionBind", "DriverEntry", "WdfDriverCreate");
        Assert.Equal(TraceLayer.KmdfStub, result.Event("FxDriverEntry").Layer);
        Assert.Equal(TraceLayer.Driver, result.Event("DriverEntry").Layer);
    }

    [Fact]
    public void Failing_DriverEntry_never_gets_EvtDriverUnload()
    {
        // Given a driver with EvtDriverUnload whose DriverEntry fails after WdfDriverCreate
        var scenario = Drivers.GlobalBufferDriver("fails", freeInUnload: true).Unload().Build();

        // When it runs
        var result = LifecycleSimulator.Run(scenario, "DriverEntry.Call(ReadRegistryParameters)");

        // Then neither DriverUnload nor EvtDriverUnload is called, and the image is gone
        Assert.False(result.Outcome.DriverEntryStatus!.Value.IsSuccess);
        Assert.False(result.Outcome.EvtDriverUnloadRan);
        Assert.False(result.Outcome.DriverUnloadCalled);
        Assert.DoesNotContain("EvtDriverUnload", result.CallbackLabels);
        Assert.True(result.Outcome.ImageUnloaded);
    }

    [Fact]
    public void Driver_cleanup_runs_on_both_paths_once_WdfDriverCreate_succeeded()
    {
        // Given a driver whose global cleanup is in the WDFDRIVER's EvtCleanupCallback
        var scenario = Drivers.GlobalBufferDriver("both-paths", freeInUnload: false).Unload().Build();

        // When DriverEntry succeeds (then unloads), and when it fails after WdfDriverCreate
        var success = LifecycleSimulator.Run(scenario);
        var failure = LifecycleSimulator.Run(scenario, "DriverEntry.Call(ReadRegistryParameters)");

        // Then the cleanup callback runs exactly once on each path, and nothing leaks
        Assert.Equal(1, success.Count("WDFDRIVER.EvtCleanupCallback"));
        Assert.Equal(1, failure.Count("WDFDRIVER.EvtCleanupCallback"));
        Assert.Empty(success.Leaked);
        Assert.Empty(failure.Leaked);
    }

    [Fact]
    public void A_failing_DriverEntry_is_undone_inside_the_stub_by_unbinding_which_deletes_the_WDFDRIVER()
    {
        var scenario = Drivers.GlobalBufferDriver("unbind", freeInUnload: false).Build();

        var result = LifecycleSimulator.Run(scenario, "DriverEntry.Call(ReadRegistryParameters)");

        // §4 (d): DriverEntry fails → FxStubDriverUnloadCommon → unregister client → WDFDRIVER cleanup → image unloaded
        TraceAssert.InOrder(result.Labels, "DriverEntry", "FxStubDriverUnloadCommon", "FxLibraryCommonUnregisterClient",
            "Delete(WDFDRIVER)", "WDFDRIVER.EvtCleanupCallback", "Destroy(WDFDRIVER)", "UnloadImage");
        Assert.True(result.Outcome.LibraryUnbound);
    }

    [Fact]
    public void DriverEntry_failing_after_WdfDriverCreate_runs_child_cleanups_then_driver_cleanup_then_destroys()
    {
        // Given §4 (d) with a child object of the WDFDRIVER
        var scenario = Scenario.Named("d")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnUnload().OnCleanup().OnDestroy())
                .WdfCollectionCreate("gList", o => o.OnCleanup().OnDestroy())
                .Call("Fails"))
            .DeviceArrives()
            .Failing("DriverEntry.Call(Fails)")
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        // Then exactly: DriverEntry, child cleanup, WDFDRIVER cleanup, child destroy, WDFDRIVER destroy; never EvtDriverUnload or EvtDriverDeviceAdd
        Assert.Equal(
            ["DriverEntry", "gList.EvtCleanupCallback", "WDFDRIVER.EvtCleanupCallback", "gList.EvtDestroyCallback", "WDFDRIVER.EvtDestroyCallback"],
            result.CallbackLabels);
    }

    [Fact]
    public void Normal_unload_runs_EvtDriverUnload_then_child_cleanups_then_driver_cleanup_then_destroys()
    {
        // §1.3: EvtDriverUnload → (children cleanup) → WDFDRIVER EvtCleanupCallback → (children destroy) → WDFDRIVER EvtDestroyCallback
        var scenario = Scenario.Named("unload-order")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnUnload().OnCleanup().OnDestroy())
                .WdfLookasideListCreate("gLookaside", o => o.OnCleanup().OnDestroy()))
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(
            ["DriverEntry", "EvtDriverUnload", "gLookaside.EvtCleanupCallback", "WDFDRIVER.EvtCleanupCallback", "gLookaside.EvtDestroyCallback", "WDFDRIVER.EvtDestroyCallback"],
            result.CallbackLabels);
        TraceAssert.InOrder(result.Labels, "DriverUnload", "FxStubDriverUnload", "FxDriver::Unload", "EvtDriverUnload", "FxStubDriverUnloadCommon", "UnloadImage");
    }

    [Fact]
    public void The_stub_displaces_DriverUnload_only_after_a_successful_DriverEntry()
    {
        var scenario = Drivers.GlobalBufferDriver("displace", freeInUnload: false).Build();

        var success = LifecycleSimulator.Run(scenario);
        var failure = LifecycleSimulator.Run(scenario, "DriverEntry.Call(ReadRegistryParameters)");

        Assert.Contains("DisplaceDriverUnload", success.Labels);
        Assert.DoesNotContain("DisplaceDriverUnload", failure.Labels);
    }

    [Fact]
    public void DriverUnload_is_called_only_once_all_PnP_devices_are_removed()
    {
        // Given a started device and an unload request before and after its removal
        var scenario = Drivers.PnpDriver("unload-after-remove").DeviceArrives().Unload().RemoveDevice(1).Unload().Build();

        var result = LifecycleSimulator.Run(scenario);

        // Then the first request does nothing, and EvtDriverUnload runs after the device's cleanup
        Assert.Equal(1, result.Count("EvtDriverUnload"));
        TraceAssert.InOrder(result.CallbackLabels, "WDFDEVICE#1.EvtCleanupCallback", "EvtDriverUnload");
        Assert.Contains("DriverUnloadDeferred", result.Labels);
    }

    [Fact]
    public void DriverEntry_returning_success_without_a_WDFDRIVER_is_flagged_as_a_bug()
    {
        // §1.4 last row: WdfDriverCreate failed (or was never called) but DriverEntry returns success
        var scenario = Scenario.Named("no-driver").DriverEntry(e => e.Call("Nothing")).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.SuccessWithoutDriver);
    }

    [Theory]
    [InlineData(null, true, true)]
    [InlineData("DriverEntry.Call(ReadRegistryParameters)", false, true)]
    [InlineData("WdfDriverCreate", false, false)]
    [InlineData("DriverEntry.Call(EarlyInit)", false, false)]
    public void Decision_table_of_driver_level_callbacks(string? failing, bool evtDriverUnload, bool driverCleanup)
    {
        // §1.4: success+unload → both; fail after create → cleanup only; create fails → neither; fail before create → neither
        var scenario = Scenario.Named("table")
            .DriverEntry(e => e
                .Call("EarlyInit")
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnUnload().OnCleanup().OnDestroy())
                .Call("ReadRegistryParameters"))
            .Unload()
            .Build();

        var result = failing is null ? LifecycleSimulator.Run(scenario) : LifecycleSimulator.Run(scenario, failing);

        Assert.Equal(evtDriverUnload, result.Outcome.EvtDriverUnloadRan);
        Assert.Equal(driverCleanup, result.Outcome.DriverCleanupRan);
        Assert.Equal(driverCleanup, result.CallbackLabels.Contains("WDFDRIVER.EvtDestroyCallback"));
    }

    [Fact]
    public void The_stubs_message_for_a_failed_DriverEntry_prints_the_status_in_hex()
    {
        var scenario = Scenario.Named("fails").DriverEntry(e => e.WdfDriverCreate().Call("Init")).Build();

        var result = LifecycleSimulator.Run(scenario, "DriverEntry.Call(Init)");

        Assert.Contains("DriverEntry failed 0xc000009a for driver", result.Event("DriverEntryFailed").Detail);
    }
}
