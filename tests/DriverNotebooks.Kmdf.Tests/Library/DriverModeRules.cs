using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>kmdf-lifecycle.md §1.5 and §2: non-PnP and miniport modes, WdfDriverMiniportUnload, class drivers overwriting DriverUnload.</summary>
public sealed class DriverModeRules
{
    [Fact]
    public void A_non_PnP_driver_without_EvtDriverUnload_cannot_be_unloaded()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("non-pnp-driver-without-evtdriverunload"));

        Assert.False(result.Outcome.DriverUnloadCalled);
        Assert.False(result.Outcome.ImageUnloaded);
        Assert.Empty(result.Leaked);
        Assert.Contains("gBuffer", result.Outstanding);
        Assert.Contains("WDFDRIVER", result.Outstanding);
    }

    [Fact]
    public void A_non_PnP_driver_with_EvtDriverUnload_unloads_through_FxDriver_Unload_and_deletes_its_control_device_after_EvtDriverUnload()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("non-pnp-driver"));

        Assert.Equal(
            ["DriverEntry", "EvtDriverUnload", "ControlDevice.EvtCleanupCallback", "WDFDRIVER.EvtCleanupCallback", "ControlDevice.EvtDestroyCallback"],
            result.CallbackLabels);
        Assert.True(result.IsClean);
    }

    [Fact]
    public void A_non_PnP_driver_gets_no_devices_from_the_PnP_manager()
    {
        var scenario = Scenario.Named("nonpnp-device").DriverEntry(e => e.WdfDriverCreate(d => d.NonPnp().OnUnload())).DeviceArrives().Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.DoesNotContain("EvtDriverDeviceAdd", result.Labels);
    }

    [Fact]
    public void WdfDriverMiniportUnload_deletes_the_WDFDRIVER_and_unbinds_through_the_stubs_redirect()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ndis-miniport-wdfdriverminiportunload"));

        TraceAssert.InOrder(result.Labels, "NDIS DriverUnload", "MiniportDriverUnload", "WdfDriverMiniportUnload",
            "FxStubDriverMiniportUnload", "FxDriver::Unload", "WDFDRIVER.EvtCleanupCallback", "FxStubDriverUnloadCommon", "UnloadImage");
        Assert.True(result.Outcome.LibraryUnbound);
        Assert.True(result.IsClean);
    }

    [Fact]
    public void A_miniport_that_forgets_WdfDriverMiniportUnload_leaks_the_WDFDRIVER_tree_its_cleanup_frees_and_the_framework_globals()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ndis-miniport-forgets-wdfdriverminiportunload"));

        Assert.False(result.Outcome.DriverCleanupRan);
        Assert.False(result.Outcome.LibraryUnbound);
        Assert.Equal(["FX_DRIVER_GLOBALS", "KmdfLibraryReference", "WDFDRIVER", "gBuffer", "gRxLookaside"], result.Leaked);
    }

    [Fact]
    public void A_miniport_that_forgets_it_but_registered_EvtDriverUnload_still_gets_its_cleanup_late_at_unbind()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ndis-miniport-forgets-with-evtdriverunload"));

        TraceAssert.InOrder(result.Labels, "FxStubDriverUnload", "NDIS DriverUnload", "FxStubDriverUnloadCommon", "WDFDRIVER.EvtCleanupCallback");
        Assert.False(result.Outcome.EvtDriverUnloadRan);
        Assert.Equal(["gStats"], result.Leaked);
    }

    [Fact]
    public void In_miniport_mode_the_source_never_calls_EvtDriverUnload_while_the_docs_say_WdfDriverMiniportUnload_does()
    {
        var scenario = BuiltInScenarios.Get("ndis-miniport-evtdriverunload-docs-vs-source");

        var source = LifecycleSimulator.Run(scenario);
        var docs = LifecycleSimulator.Run(scenario, new SimulationOptions { Semantics = Semantics.Docs });

        Assert.False(source.Outcome.EvtDriverUnloadRan);
        Assert.Equal(["gStats"], source.Leaked);
        Assert.True(docs.Outcome.EvtDriverUnloadRan);
        Assert.Empty(docs.Leaked);
        Assert.True(source.Outcome.DriverCleanupRan && docs.Outcome.DriverCleanupRan);
    }

    [Fact]
    public void The_stub_saves_the_DriverUnload_a_class_driver_installed_so_EvtDriverUnload_never_runs_but_driver_cleanup_does()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-pnp-mode-evtdriverunload-never-runs"));

        Assert.Equal(["FxStubDriverUnload", "KS DriverUnload", "FxStubDriverUnloadCommon"], result.Outcome.DriverUnloadChain);
        Assert.False(result.Outcome.EvtDriverUnloadRan);
        Assert.True(result.Outcome.DriverCleanupRan);
        Assert.Equal(["gStats"], result.Leaked);
    }

    [Theory]
    [InlineData(ClassDriver.Ks)]
    [InlineData(ClassDriver.PortCls)]
    [InlineData(ClassDriver.Ndis)]
    public void A_class_driver_init_before_WdfDriverCreate_in_PnP_mode_is_overwritten_by_WdfDriverCreate(ClassDriver c)
    {
        // WdfDriverCreate (PnP) installs FxDriver::Unload over whatever was there; the stub then displaces it
        var scenario = Scenario.Named("order")
            .DriverEntry(e =>
            {
                if (c == ClassDriver.Ks) e.KsInitializeDriver();
                else if (c == ClassDriver.PortCls) e.PcInitializeAdapterDriver();
                else e.NdisMRegisterMiniportDriver();
                e.WdfDriverCreate(d => d.OnUnload());
            })
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["FxStubDriverUnload", "FxDriver::Unload", "FxStubDriverUnloadCommon"], result.Outcome.DriverUnloadChain);
        Assert.True(result.Outcome.EvtDriverUnloadRan);
    }

    [Fact]
    public void A_KS_driver_that_chains_the_saved_unload_runs_KS_unload_then_tears_KMDF_down()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-bda-unload-chained"));

        Assert.Equal(["MyUnload", "KS DriverUnload", "FxStubDriverMiniportUnload", "FxDriver::Unload", "FxStubDriverUnloadCommon"],
            result.Outcome.DriverUnloadChain);
        Assert.True(result.IsClean);
    }

    [Fact]
    public void A_KS_driver_whose_hook_does_not_chain_skips_KS_unload()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-bda-unload-not-chained"));

        Assert.DoesNotContain("KS DriverUnload", result.Outcome.DriverUnloadChain);
        Assert.True(result.Outcome.DriverCleanupRan);
    }

    [Fact]
    public void A_KS_miniport_without_its_own_unload_never_tears_KMDF_down()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-bda-no-unload-hook"));

        Assert.Equal(["KS DriverUnload"], result.Outcome.DriverUnloadChain);
        Assert.Equal(["FX_DRIVER_GLOBALS", "KmdfLibraryReference", "WDFDRIVER", "gTunerState"], result.Leaked);
    }

    [Fact]
    public void WdfDriverMiniportUnload_in_a_miniports_DriverEntry_failure_path_deletes_the_WDFDRIVER_before_the_stub_unbinds()
    {
        // sysvad's pattern (§1.5): the redirect is not installed yet, so the library's FxDriver::Unload runs directly
        var scenario = Scenario.Named("sysvad")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .PcInitializeAdapterDriver(onFailure: f => f.WdfDriverMiniportUnload()))
            .Failing("DriverEntry.PcInitializeAdapterDriver")
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.DoesNotContain("FxStubDriverMiniportUnload", result.Labels);
        TraceAssert.InOrder(result.Labels, "WdfDriverMiniportUnload", "FxDriver::Unload", "WDFDRIVER.EvtCleanupCallback", "FxStubDriverUnloadCommon");
        Assert.Contains(result.Trace, e => e.Label == "FxLibraryCommonUnregisterClient" && e.Detail!.StartsWith("Driver == NULL", StringComparison.Ordinal));
        Assert.True(result.IsClean);
    }

    [Fact]
    public void WdfDriverMiniportUnload_in_a_PnP_driver_is_flagged()
    {
        var scenario = Scenario.Named("misuse").DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload(u => u.WdfDriverMiniportUnload()))).Unload().Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.MisusedMiniportUnload);
    }
}
