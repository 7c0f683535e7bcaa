namespace DriverNotebooks.Kmdf;

/// <summary>What happens to the driver from outside after it loaded.</summary>
public enum ScenarioEventKind
{
    /// <summary>A device is enumerated: AddDevice, then IRP_MN_START_DEVICE. Devices are numbered 1, 2, … in arrival order.</summary>
    DeviceArrives,

    /// <summary>Orderly removal: IRP_MN_QUERY_REMOVE_DEVICE (EvtDeviceQueryRemove may veto) then IRP_MN_REMOVE_DEVICE.</summary>
    Remove,

    /// <summary>The device is unplugged: IRP_MN_SURPRISE_REMOVAL then IRP_MN_REMOVE_DEVICE.</summary>
    SurpriseRemove,

    /// <summary>The device idles out of D0 into Dx (WdfPowerDeviceD3).</summary>
    Idle,

    /// <summary>The device returns to D0 from Dx.</summary>
    Wake,

    /// <summary>Data arrives for the device's continuous readers: each started reader completes <c>Count</c> reads.</summary>
    ReadsComplete,

    /// <summary>
    /// A read of each started continuous reader of the device completes with an error (<c>Status</c>); the framework
    /// drains the readers, calls EvtUsbTargetPipeReadersFailed and restarts them or not. <c>Disconnected</c>: the device
    /// is gone from the bus, so they are not restarted whatever the callback says.
    /// </summary>
    ReadsFail,

    /// <summary>The system unloads the driver: DriverObject->DriverUnload, if every PnP device is gone and there is a routine.</summary>
    Unload,
}

/// <summary>One event of a scenario.</summary>
/// <param name="Kind">What happens.</param>
/// <param name="Device">The device number (1-based) for device events; 0 otherwise.</param>
/// <param name="Count">How many devices arrive, or how many reads complete; 1 otherwise.</param>
/// <param name="Path">Where it is in the scenario, e.g. <c>$.events[3]</c>.</param>
/// <param name="Status">For <see cref="ScenarioEventKind.ReadsFail"/>: the status the read completes with (default STATUS_UNSUCCESSFUL, or STATUS_DEVICE_NOT_CONNECTED when disconnected).</param>
/// <param name="Disconnected">For <see cref="ScenarioEventKind.ReadsFail"/>: the device no longer answers on the bus.</param>
public sealed record ScenarioEvent(ScenarioEventKind Kind, int Device, int Count, string Path, NtStatus? Status = null, bool Disconnected = false)
{
    /// <summary>The status a failing read completes with.</summary>
    public NtStatus ReadStatus => Status ?? (Disconnected ? NtStatus.DeviceNotConnected : NtStatus.Unsuccessful);
}
