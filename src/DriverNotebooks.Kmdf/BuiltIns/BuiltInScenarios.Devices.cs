namespace DriverNotebooks.Kmdf;

/// <summary>Device lifecycle cases (kmdf-lifecycle.md §4 (a)–(f)).</summary>
public static partial class BuiltInScenarios
{
    /// <summary>A device with every PnP/power/self-managed-I/O callback registered, per-device context freed in its own callbacks.</summary>
    private static Action<DeviceConfigBuilder> FullDevice(Action<DeviceConfigBuilder>? extra = null) => dev =>
    {
        dev.OnPrepareHardware(p => p.Allocate("ctxRegisters", ResourceKind.Other))
            .OnReleaseHardware(r => r.FreeIfAllocated("ctxRegisters"))
            .OnD0Entry()
            .OnD0EntryPostInterruptsEnabled()
            .OnD0ExitPreInterruptsDisabled()
            .OnD0Exit()
            .OnSelfManagedIoInit()
            .OnSelfManagedIoSuspend()
            .OnSelfManagedIoRestart()
            .OnSelfManagedIoFlush()
            .OnSelfManagedIoCleanup()
            .OnQueryRemove()
            .OnSurpriseRemoval()
            .OnCleanup(c => c.FreeIfAllocated("ctxBuffer"))
            .OnDestroy();
        extra?.Invoke(dev);
    };

    private static Action<CodeBuilder> FullDeviceAdd(Action<DeviceConfigBuilder>? extra = null) => a => a
        .WdfDeviceCreate(FullDevice(extra))
        .Allocate("ctxBuffer")
        .WdfIoQueueCreate("Queue", q => q.AsDefaultQueue().OnCleanup().OnDestroy());

    private static Action<CodeBuilder> CorrectDriverEntry(Action<DeviceConfigBuilder>? extra = null) => e => e
        .Allocate("WppTracing", ResourceKind.Tracing)
        .WdfDriverCreate(
            d => d.OnDeviceAdd(FullDeviceAdd(extra)).OnUnload().OnCleanup(c => c.FreeIfAllocated("gBuffer").Free("WppTracing")).OnDestroy(),
            onFailure: f => f.Free("WppTracing"))
        .Allocate("gBuffer")
        .WdfLookasideListCreate("gLookaside", o => o.OnCleanup().OnDestroy());

    private static Scenario FullLifecycle() =>
        Scenario.Named("full-lifecycle")
            .Titled("A correct driver: load, two devices start, orderly removal, unload")
            .Described("Tracing starts before WdfDriverCreate and is cleaned up both in its failure path and in the WDFDRIVER's cleanup callback; globals are "
                + "allocated after WdfDriverCreate and freed in that callback behind a NULL check (DriverEntry may fail before allocating them); each device frees in ReleaseHardware what PrepareHardware allocated and in its "
                + "cleanup what EvtDriverDeviceAdd allocated, both guarded (ReleaseHardware runs even when PrepareHardware failed). Shows the full §4 (a) start and (b) removal orders, then EvtDriverUnload before the WDFDRIVER's "
                + "children and the WDFDRIVER are cleaned up and destroyed. Run the fault sweep on it: every failure point is clean.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives(2)
            .RemoveDevice(1)
            .RemoveDevice(2)
            .Unload()
            .Build();

    private static Scenario SurpriseRemovalInD0() =>
        Scenario.Named("surprise-removal-in-d0")
            .Titled("Surprise removal while the device is in D0")
            .Described("The device is unplugged while working: EvtDeviceSurpriseRemoval, then the same power-down as an orderly removal "
                + "(self-managed I/O suspend, D0Exit to WdfPowerDeviceD3Final), ReleaseHardware and self-managed I/O flush; after IRP_MN_REMOVE_DEVICE, "
                + "self-managed I/O cleanup and the WDFDEVICE's cleanup and destroy.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives()
            .SurpriseRemoveDevice(1)
            .Unload()
            .Build();

    private static Scenario SurpriseRemovalInDx() =>
        Scenario.Named("surprise-removal-in-dx")
            .Titled("Surprise removal while the device is idle in Dx")
            .Described("The device idles out of D0 first (self-managed I/O suspend, D0Exit to WdfPowerDeviceD3). When it is unplugged, no power-down "
                + "callbacks run again: EvtDeviceReleaseHardware follows EvtDeviceSurpriseRemoval immediately.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives()
            .IdleDevice(1)
            .SurpriseRemoveDevice(1)
            .Unload()
            .Build();

    private static Scenario DeviceAddFailsBeforeWdfDeviceCreate() =>
        Scenario.Named("device-add-fails-before-wdfdevicecreate")
            .Titled("EvtDriverDeviceAdd fails before WdfDeviceCreate")
            .Described("A call on the WDFDEVICE_INIT fails before WdfDeviceCreate: no WDFDEVICE exists, nothing else runs, and the PnP manager fails the "
                + "device node. With no device left, the driver can unload normally.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.Call("WdfDeviceInitAssignName").WdfDeviceCreate(FullDevice()).Allocate("ctxBuffer"))
                    .OnUnload()
                    .OnCleanup()))
            .DeviceArrives()
            .Unload()
            .Failing("EvtDriverDeviceAdd#1.Call(WdfDeviceInitAssignName)")
            .Build();

    private static Scenario DeviceAddFailsAfterWdfDeviceCreate() =>
        Scenario.Named("device-add-fails-after-wdfdevicecreate")
            .Titled("EvtDriverDeviceAdd fails after WdfDeviceCreate")
            .Described("Creating the device interface fails after WdfDeviceCreate and the queue: the framework deletes the device as if removed — the queue's "
                + "cleanup, the WDFDEVICE's cleanup (which frees the context buffer), then the destroys — with no hardware, power or self-managed I/O callbacks.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a
                        .WdfDeviceCreate(FullDevice())
                        .Allocate("ctxBuffer")
                        .WdfIoQueueCreate("Queue", q => q.AsDefaultQueue().OnCleanup().OnDestroy())
                        .Call("WdfDeviceCreateDeviceInterface"))
                    .OnUnload()
                    .OnCleanup()))
            .DeviceArrives()
            .Unload()
            .Failing("EvtDriverDeviceAdd#1.Call(WdfDeviceCreateDeviceInterface)")
            .Build();

    private static Scenario PrepareHardwareFails() =>
        Scenario.Named("prepare-hardware-fails")
            .Titled("EvtDevicePrepareHardware fails: EvtDeviceReleaseHardware still runs")
            .Described("PrepareHardware maps the registers and then fails. The framework calls EvtDeviceReleaseHardware anyway (it always does once "
                + "PrepareHardware was called), which unmaps them; D0Entry, D0Exit and every self-managed I/O callback are skipped. The start fails and "
                + "the device is removed.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives()
            .Unload()
            .Failing("EvtDevicePrepareHardware#1")
            .Build();

    private static Scenario D0EntryFails() =>
        Scenario.Named("d0-entry-fails")
            .Titled("EvtDeviceD0Entry fails on the first start: no EvtDeviceD0Exit")
            .Described("D0Entry fails on the first start: the framework does not call EvtDeviceD0Exit, releases the hardware, and the device is removed. "
                + "Self-managed I/O never started, so none of its callbacks run.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives()
            .Unload()
            .Failing("EvtDeviceD0Entry#1")
            .Build();

    private static Scenario QueryRemoveVetoed() =>
        Scenario.Named("query-remove-vetoed")
            .Titled("EvtDeviceQueryRemove vetoes an orderly removal")
            .Described("EvtDeviceQueryRemove fails, so the PnP manager cancels the removal and the device stays started; the first unload attempt does "
                + "not happen because a device is still present. The device is then surprise-removed and the driver unloads.")
            .DriverEntry(CorrectDriverEntry())
            .DeviceArrives()
            .RemoveDevice(1)
            .Unload()
            .SurpriseRemoveDevice(1)
            .Unload()
            .Failing("EvtDeviceQueryRemove#1", NtStatus.DeviceBusy)
            .Build();

    private static Action<CodeBuilder> UsbDeviceAdd(bool stopInD0Exit) => a => a
        .WdfDeviceCreate(dev => dev
            .OnPrepareHardware(p => p
                .WdfUsbTargetDeviceCreate("UsbDevice")
                .WdfUsbTargetDeviceSelectConfig("UsbDevice", "InterruptPipe")
                .WdfUsbTargetPipeConfigContinuousReader("InterruptPipe", r => r.Use("gLookaside")))
            .OnReleaseHardware()
            .OnD0Entry(d0 => d0.WdfIoTargetStart("InterruptPipe"))
            .OnD0Exit(dx => { if (stopInD0Exit) dx.WdfIoTargetStop("InterruptPipe"); })
            .OnCleanup());

    private static Scenario UsbContinuousReader() =>
        Scenario.Named("usb-continuous-reader")
            .Titled("USB continuous reader started in D0Entry and stopped in D0Exit")
            .Described("The reader is configured in PrepareHardware, which reads nothing. D0Entry starts the pipe's target (posting the reads) and D0Exit stops it: "
                + "reads complete at DISPATCH_LEVEL while the device is in D0, none while it idles in Dx, and again after it wakes. On removal the USB "
                + "objects are deleted with the device.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(UsbDeviceAdd(stopInD0Exit: true)).OnUnload())
                .WdfLookasideListCreate("gLookaside"))
            .DeviceArrives()
            .ReadsComplete(1, 2)
            .IdleDevice(1)
            .ReadsComplete(1)
            .WakeDevice(1)
            .ReadsComplete(1)
            .RemoveDevice(1)
            .Unload()
            .Build();

    private static Scenario UsbContinuousReaderReadsFail() =>
        Scenario.Named("usb-continuous-reader-reads-fail")
            .Titled("USB continuous reader whose reads fail: restarted, then not restarted once the device is gone")
            .Described("Four reads are kept outstanding (NumPendingReads 4). A read fails with STATUS_UNSUCCESSFUL: the framework lets every reader go idle, "
                + "calls EvtUsbTargetPipeReadersFailed, which returns TRUE, resets the pipe and sends all four reads again. Later a read fails because the "
                + "device left the bus: the callback still returns TRUE, but the device is not connected, so nothing is sent again; the surprise removal follows.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a
                        .WdfDeviceCreate(dev => dev
                            .OnPrepareHardware(p => p
                                .WdfUsbTargetDeviceCreate("UsbDevice")
                                .WdfUsbTargetDeviceSelectConfig("UsbDevice", "InterruptPipe")
                                .WdfUsbTargetPipeConfigContinuousReader("InterruptPipe", r => r.Use("gLookaside"), numPendingReads: 4,
                                    onReadersFailed: f => f.Call("LogReadFailure"), restartReaders: true))
                            .OnD0Entry(d0 => d0.WdfIoTargetStart("InterruptPipe"))
                            .OnD0Exit(dx => dx.WdfIoTargetStop("InterruptPipe"))))
                    .OnUnload())
                .WdfLookasideListCreate("gLookaside"))
            .DeviceArrives()
            .ReadsComplete(1, 2)
            .ReadsFail(1)
            .ReadsComplete(1)
            .ReadsFail(1, disconnected: true)
            .SurpriseRemoveDevice(1)
            .Unload()
            .Build();

    private static Scenario UsbContinuousReaderNotStopped() =>
        Scenario.Named("usb-continuous-reader-not-stopped")
            .Titled("USB continuous reader that D0Exit forgets to stop")
            .Described("The continuous reader is not power-managed by the framework: when D0Exit does not call WdfIoTargetStop the reads stay posted while the "
                + "device is in Dx, and completions keep arriving. The verifier-style diagnostic names the pipe.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(UsbDeviceAdd(stopInD0Exit: false)).OnUnload())
                .WdfLookasideListCreate("gLookaside"))
            .DeviceArrives()
            .IdleDevice(1)
            .ReadsComplete(1)
            .RemoveDevice(1)
            .Unload()
            .Build();
}
