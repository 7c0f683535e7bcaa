namespace DriverNotebooks.Kmdf;

/// <summary>The thread's core cases: where global cleanup lives and where globals are allocated.</summary>
public static partial class BuiltInScenarios
{
    private static Scenario CleanupInEvtDriverUnload() =>
        Scenario.Named("cleanup-in-evtdriverunload")
            .Titled("Global cleanup in EvtDriverUnload; DriverEntry fails after WdfDriverCreate")
            .Described("DriverEntry creates the WDFDRIVER, allocates a pool buffer and a WDM lookaside list, then fails reading the registry. "
                + "The global cleanup lives in EvtDriverUnload, which the system never calls after a failing DriverEntry, so both globals leak. "
                + "The stub still deletes the WDFDRIVER while unbinding, but it has no cleanup callback to run.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate())
                    .OnUnload(u => u.Free("gBuffer").Free("gLookaside")))
                .Allocate("gBuffer", ResourceKind.Pool)
                .Allocate("gLookaside", ResourceKind.WdmLookaside)
                .Call("ReadRegistryParameters"))
            .Unload()
            .Failing(ReadRegistry, NtStatus.ObjectNameNotFound)
            .Build();

    private static Scenario CleanupInDriverCleanupCallback() =>
        Scenario.Named("cleanup-in-driver-cleanup-callback")
            .Titled("Global cleanup in the WDFDRIVER's EvtCleanupCallback; DriverEntry fails after WdfDriverCreate")
            .Described("The same driver with its global cleanup moved into the WDFDRIVER's EvtCleanupCallback, as the blog advises. "
                + "DriverEntry fails after WdfDriverCreate succeeded; the stub unbinds, the library deletes the WDFDRIVER, and its cleanup callback "
                + "frees both globals. Nothing leaks, and EvtDriverUnload still never runs.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate())
                    .OnCleanup(c => c.Free("gBuffer").Free("gLookaside")))
                .Allocate("gBuffer", ResourceKind.Pool)
                .Allocate("gLookaside", ResourceKind.WdmLookaside)
                .Call("ReadRegistryParameters"))
            .Unload()
            .Failing(ReadRegistry, NtStatus.ObjectNameNotFound)
            .Build();

    private static Scenario GlobalsBeforeWdfDriverCreate() =>
        Scenario.Named("globals-before-wdfdrivercreate")
            .Titled("Globals allocated before WdfDriverCreate, which fails")
            .Described("Cleanup is in the WDFDRIVER's EvtCleanupCallback, but the globals are allocated before WdfDriverCreate, and WdfDriverCreate fails. "
                + "DeleteFromFailedCreate clears the callbacks before deleting the half-made driver object, so the cleanup callback never runs "
                + "and the globals leak: the pattern only works once WdfDriverCreate has succeeded.")
            .DriverEntry(e => e
                .Allocate("gBuffer", ResourceKind.Pool)
                .Allocate("gLookaside", ResourceKind.WdmLookaside)
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate())
                    .OnCleanup(c => c.Free("gBuffer").Free("gLookaside"))))
            .Unload()
            .Failing("WdfDriverCreate")
            .Build();

    private static Scenario GlobalsAfterWdfDriverCreate() =>
        Scenario.Named("globals-after-wdfdrivercreate")
            .Titled("Globals allocated after WdfDriverCreate, which fails")
            .Described("The blog's pattern: create the WDFDRIVER first, then allocate the globals, and free them in its EvtCleanupCallback. "
                + "When WdfDriverCreate fails, DriverEntry returns before allocating anything, so nothing leaks; when a later step fails, "
                + "the cleanup callback frees what was allocated.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate())
                    .OnCleanup(c => c.Free("gBuffer").Free("gLookaside")))
                .Allocate("gBuffer", ResourceKind.Pool)
                .Allocate("gLookaside", ResourceKind.WdmLookaside))
            .Unload()
            .Failing("WdfDriverCreate")
            .Build();

    private static Scenario WdfDriverCreateFails() =>
        Scenario.Named("wdfdrivercreate-fails")
            .Titled("WdfDriverCreate fails: the driver cleans up tracing itself (the kmdf_fx2 pattern)")
            .Described("WPP tracing must start before WdfDriverCreate, so it cannot rely on the WDFDRIVER's cleanup callback when WdfDriverCreate fails: "
                + "the callbacks are cleared by DeleteFromFailedCreate and Driver stays NULL, so the unbind deletes nothing. "
                + "Like usb/kmdf_fx2, the driver calls WPP_CLEANUP in WdfDriverCreate's failure path; nothing leaks and no driver callback runs.")
            .DriverEntry(e => e
                .Allocate("WppTracing", ResourceKind.Tracing)
                .WdfDriverCreate(
                    d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnCleanup(c => c.Free("WppTracing")),
                    onFailure: f => f.Free("WppTracing")))
            .Unload()
            .Failing("WdfDriverCreate")
            .Build();
}
