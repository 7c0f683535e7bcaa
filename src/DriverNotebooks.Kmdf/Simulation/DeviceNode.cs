namespace DriverNotebooks.Kmdf;

/// <summary>Where a PnP device is in its life.</summary>
internal enum DeviceState
{
    Adding,
    Started,
    Failed,
    Removed,
    Ignored,
}

/// <summary>A PnP device the simulated PnP manager enumerated for this driver, numbered from 1.</summary>
internal sealed class DeviceNode(int number)
{
    public int Number { get; } = number;
    public DeviceState State { get; set; } = DeviceState.Adding;
    public FxObject? Object { get; set; }
    public WdfDeviceCreateStep? Config { get; set; }
    public bool InD0 { get; set; }

    /// <summary>The self-managed I/O state machine left its Created state (Init was reached).</summary>
    public bool SelfManagedIoStarted { get; set; }
}
