namespace DriverNotebooks.Kmdf;

/// <summary>Miniport mode (WdfDriverInitNoDispatchOverride) and class drivers that take over DriverUnload.</summary>
public static partial class BuiltInScenarios
{
    private static Scenario NdisMiniportWithWdfDriverMiniportUnload() =>
        Scenario.Named("ndis-miniport-wdfdriverminiportunload")
            .Titled("NDIS-WDM miniport that calls WdfDriverMiniportUnload")
            .Described("A NoDispatchOverride driver registers with NDIS, which takes DriverUnload. Its MiniportDriverUnload calls WdfDriverMiniportUnload, then "
                + "NdisMDeregisterMiniportDriver, in the order of Microsoft's N6Sdio sample. In WdfDriverMiniportUnload, "
                + "which the stub redirected through FxStubDriverMiniportUnload, the WDFDRIVER (and its lookaside list) is deleted, its cleanup callback "
                + "frees the global buffer, and the stub unbinds. Nothing leaks.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .WdfLookasideListCreate("gRxLookaside")
                .NdisMRegisterMiniportDriver(u => u.WdfDriverMiniportUnload().Call("NdisMDeregisterMiniportDriver")))
            .DeviceArrives()
            .Unload()
            .Build();

    private static Scenario NdisMiniportForgetsWdfDriverMiniportUnload() =>
        Scenario.Named("ndis-miniport-forgets-wdfdriverminiportunload")
            .Titled("NDIS-WDM miniport that forgets WdfDriverMiniportUnload")
            .Described("The same miniport whose unload deregisters from NDIS but never calls WdfDriverMiniportUnload, and no EvtDriverUnload. Nothing calls FxDriver::Unload or the stub's unbind: "
                + "the WDFDRIVER and its children are never deleted, its cleanup callback never frees the buffer, and FX_DRIVER_GLOBALS and the library "
                + "reference leak with them when the image unloads.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .WdfLookasideListCreate("gRxLookaside")
                .NdisMRegisterMiniportDriver(u => u.Call("NdisMDeregisterMiniportDriver")))
            .Unload()
            .Build();

    private static Scenario NdisMiniportForgetsWithEvtDriverUnload() =>
        Scenario.Named("ndis-miniport-forgets-with-evtdriverunload")
            .Titled("NDIS-WDM miniport that forgets WdfDriverMiniportUnload but registered EvtDriverUnload")
            .Described("With an EvtDriverUnload registered, WdfDriverCreate sets DisplaceDriverUnload, so the stub wraps NDIS's DriverUnload in FxStubDriverUnload. "
                + "At unload NDIS's routine runs, then the stub unbinds and the library deletes the still-present WDFDRIVER: the cleanup callback runs, late. "
                + "EvtDriverUnload itself never runs, because miniport mode never stores it, so what it frees leaks.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NoDispatchOverride().OnUnload(u => u.Free("gStats")).OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .Allocate("gStats")
                .NdisMRegisterMiniportDriver(u => u.Call("NdisMDeregisterMiniportDriver")))
            .Unload()
            .Build();

    private static Scenario NdisMiniportEvtDriverUnloadDocsVsSource() =>
        Scenario.Named("ndis-miniport-evtdriverunload-docs-vs-source")
            .Titled("Miniport with EvtDriverUnload calling WdfDriverMiniportUnload: docs and source disagree")
            .Described("The reference page says WdfDriverMiniportUnload calls EvtDriverUnload; the source never stores EvtDriverUnload in NoDispatchOverride mode, "
                + "so it is not called. With source semantics (the default) the buffer EvtDriverUnload frees leaks; run with docs semantics and it is freed. "
                + "Either way the WDFDRIVER's cleanup callback runs.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NoDispatchOverride().OnUnload(u => u.Free("gStats")).OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .Allocate("gStats")
                .NdisMRegisterMiniportDriver(u => u.WdfDriverMiniportUnload()))
            .Unload()
            .Build();

    private static Scenario KsBdaUnloadChained() =>
        Scenario.Named("ks-bda-unload-chained")
            .Titled("KS/BDA driver that captures KS's DriverUnload and chains it (the thread's advice)")
            .Described("KsInitializeDriver sets dispatch, AddDevice and DriverUnload. The driver saves KS's DriverUnload, installs its own, and initializes KMDF "
                + "in miniport mode. Its unload calls the saved KS routine, then WdfDriverMiniportUnload: the WDFDRIVER's cleanup frees the tuner state "
                + "and the stub unbinds. Nothing leaks.")
            .DriverEntry(e => e
                .KsInitializeDriver()
                .SetDriverUnload("MyUnload", u => u.CallSavedDriverUnload().WdfDriverMiniportUnload())
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gTunerState")))
                .Allocate("gTunerState"))
            .Unload()
            .Build();

    private static Scenario KsBdaUnloadNotChained() =>
        Scenario.Named("ks-bda-unload-not-chained")
            .Titled("KS/BDA driver whose own unload does not chain KS's saved DriverUnload")
            .Described("The driver replaces KS's DriverUnload with its own and calls WdfDriverMiniportUnload there, but never calls the routine it saved. "
                + "KMDF is torn down cleanly, but KS's unload routine never runs: the unload chain shows only the driver's routine and the framework.")
            .DriverEntry(e => e
                .KsInitializeDriver()
                .SetDriverUnload("MyUnload", u => u.WdfDriverMiniportUnload())
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gTunerState")))
                .Allocate("gTunerState"))
            .Unload()
            .Build();

    private static Scenario KsBdaNoUnloadHook() =>
        Scenario.Named("ks-bda-no-unload-hook")
            .Titled("KS/BDA driver in miniport mode with no unload of its own")
            .Described("Without its own DriverUnload the driver has nowhere to call WdfDriverMiniportUnload: only KS's unload runs. "
                + "The WDFDRIVER is never deleted, its cleanup never frees the tuner state, and the framework's globals and library reference leak.")
            .DriverEntry(e => e
                .KsInitializeDriver()
                .WdfDriverCreate(d => d.NoDispatchOverride().OnCleanup(c => c.Free("gTunerState")))
                .Allocate("gTunerState"))
            .Unload()
            .Build();

    private static Scenario KsPnpModeEvtDriverUnloadNeverRuns() =>
        Scenario.Named("ks-pnp-mode-evtdriverunload-never-runs")
            .Titled("PnP-mode KMDF driver whose KsInitializeDriver overwrites DriverUnload after WdfDriverCreate")
            .Described("Not a supported combination, shown to make the overwrite visible. WdfDriverCreate installs FxDriver::AddDevice, its dispatch routines and "
                + "FxDriver::Unload, then KsInitializeDriver overwrites all three: the arriving device goes to KS, not to EvtDriverDeviceAdd. The stub samples DriverUnload after "
                + "DriverEntry returns and saves KS's routine, so FxDriver::Unload never runs and neither does EvtDriverUnload: what it frees leaks. "
                + "The unbind still deletes the WDFDRIVER, so its cleanup callback runs — one more reason to put global cleanup there.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnUnload(u => u.Free("gStats")).OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .Allocate("gStats")
                .KsInitializeDriver())
            .DeviceArrives()
            .Unload()
            .Build();
}
