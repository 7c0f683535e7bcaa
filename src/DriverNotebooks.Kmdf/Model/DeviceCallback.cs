namespace DriverNotebooks.Kmdf;

/// <summary>The PnP/power callbacks a driver registers for a WDFDEVICE (WdfDeviceInitSetPnpPowerEventCallbacks). Names are the callback names.</summary>
public enum DeviceCallback
{
    EvtDevicePrepareHardware,
    EvtDeviceReleaseHardware,
    EvtDeviceD0Entry,
    EvtDeviceD0EntryPostInterruptsEnabled,
    EvtDeviceD0ExitPreInterruptsDisabled,
    EvtDeviceD0Exit,
    EvtDeviceSelfManagedIoInit,
    EvtDeviceSelfManagedIoSuspend,
    EvtDeviceSelfManagedIoRestart,
    EvtDeviceSelfManagedIoFlush,
    EvtDeviceSelfManagedIoCleanup,
    EvtDeviceQueryRemove,
    EvtDeviceSurpriseRemoval,
}

/// <summary>Facts about <see cref="DeviceCallback"/>.</summary>
public static class DeviceCallbackExtensions
{
    /// <summary>
    /// Callbacks whose returned status changes what happens next, so a fault can be injected into them:
    /// PrepareHardware and D0Entry (first start fails), QueryRemove (veto).
    /// </summary>
    public static bool IsFallible(this DeviceCallback c) =>
        c is DeviceCallback.EvtDevicePrepareHardware or DeviceCallback.EvtDeviceD0Entry or DeviceCallback.EvtDeviceQueryRemove;

    /// <summary>
    /// Whether the callback returns an NTSTATUS. EVT_WDF_DEVICE_SELF_MANAGED_IO_FLUSH, EVT_WDF_DEVICE_SELF_MANAGED_IO_CLEANUP
    /// and EVT_WDF_DEVICE_SURPRISE_REMOVAL return VOID, so their trace events carry no status.
    /// </summary>
    public static bool ReturnsStatus(this DeviceCallback c) =>
        c is not (DeviceCallback.EvtDeviceSelfManagedIoFlush or DeviceCallback.EvtDeviceSelfManagedIoCleanup or DeviceCallback.EvtDeviceSurpriseRemoval);
}
