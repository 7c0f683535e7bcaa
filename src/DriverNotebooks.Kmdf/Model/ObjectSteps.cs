namespace DriverNotebooks.Kmdf;

/// <summary>WdfDeviceCreate in EvtDriverDeviceAdd, with the PnP/power callbacks registered on the WDFDEVICE_INIT beforehand.</summary>
public sealed record WdfDeviceCreateStep : FallibleStep
{
    /// <summary>The object's name; each device instance gets a suffix (<c>WDFDEVICE#1</c>).</summary>
    public string ObjectName { get; init; } = "WDFDEVICE";
    public IReadOnlyDictionary<DeviceCallback, Body> Callbacks { get; init; } = new Dictionary<DeviceCallback, Body>();
    public Body? EvtCleanupCallback { get; init; }
    public Body? EvtDestroyCallback { get; init; }
    public override string Display => "WdfDeviceCreate";
}

/// <summary>Creation of any other framework object (WdfLookasideListCreate, WdfIoQueueCreate, WdfTimerCreate…).</summary>
public sealed record CreateObjectStep : FallibleStep
{
    public required WdfObjectType Type { get; init; }
    public required string Name { get; init; }

    /// <summary>WDF_OBJECT_ATTRIBUTES.ParentObject; null for the type's default parent.</summary>
    public string? Parent { get; init; }
    public Body? EvtCleanupCallback { get; init; }
    public Body? EvtDestroyCallback { get; init; }

    /// <summary>Queues only: the default queue, which the driver may not delete.</summary>
    public bool IsDefaultQueue { get; init; }
    public override string Display => $"{Type.CreateDdi()}({Name})";
}

/// <summary>WdfUsbTargetDeviceSelectConfig on a USB target device: creates an interface and the named pipe under it.</summary>
public sealed record SelectConfigStep : FallibleStep
{
    public required string UsbDevice { get; init; }
    public required string Pipe { get; init; }
    public override string Display => $"WdfUsbTargetDeviceSelectConfig({Pipe})";
}

/// <summary>WdfUsbTargetPipeConfigContinuousReader: configures (does not start) a continuous reader on a pipe.</summary>
public sealed record ConfigContinuousReaderStep : FallibleStep
{
    /// <summary>The framework's default when NumPendingReads is 0 (NUM_PENDING_READS_DEFAULT).</summary>
    public const int DefaultPendingReads = 2;

    /// <summary>The most the framework sends at once; larger values are clamped silently (NUM_PENDING_READS_MAX).</summary>
    public const int MaxPendingReads = 10;

    public required string Pipe { get; init; }
    public required Body EvtUsbTargetPipeReadComplete { get; init; }

    /// <summary>WDF_USB_CONTINUOUS_READER_CONFIG.NumPendingReads as the driver sets it (a UCHAR; 0 means the default).</summary>
    public int NumPendingReads { get; init; }

    /// <summary>EvtUsbTargetPipeReadersFailed, if registered: runs at PASSIVE_LEVEL once every reader is idle after a failed read.</summary>
    public Body? EvtUsbTargetPipeReadersFailed { get; init; }

    /// <summary>What EvtUsbTargetPipeReadersFailed returns: TRUE asks the framework to reset the pipe and send the reads again.</summary>
    public bool RestartReaders { get; init; } = true;

    /// <summary>How many reads the framework keeps outstanding: 0 → 2, above 10 → 10.</summary>
    public int EffectivePendingReads => NumPendingReads == 0 ? DefaultPendingReads : Math.Min(NumPendingReads, MaxPendingReads);
    public override string Display => $"WdfUsbTargetPipeConfigContinuousReader({Pipe})";
}

/// <summary>WdfIoTargetStart: starts an I/O target; for a pipe with a continuous reader, posts the reads.</summary>
public sealed record IoTargetStartStep : FallibleStep
{
    public required string Target { get; init; }
    public override string Display => $"WdfIoTargetStart({Target})";
}

/// <summary>WdfIoTargetStop: stops an I/O target (cancelling a continuous reader's reads).</summary>
public sealed record IoTargetStopStep : Step
{
    public required string Target { get; init; }
    public override string Display => $"WdfIoTargetStop({Target})";
}

/// <summary>WdfObjectDelete.</summary>
public sealed record ObjectDeleteStep : Step
{
    public required string Name { get; init; }
    public override string Display => $"WdfObjectDelete({Name})";
}

/// <summary>WdfObjectReference: an extra reference that delays EvtDestroyCallback (not EvtCleanupCallback).</summary>
public sealed record ObjectReferenceStep : Step
{
    public required string Name { get; init; }
    public override string Display => $"WdfObjectReference({Name})";
}

/// <summary>WdfObjectDereference.</summary>
public sealed record ObjectDereferenceStep : Step
{
    public required string Name { get; init; }
    public override string Display => $"WdfObjectDereference({Name})";
}
