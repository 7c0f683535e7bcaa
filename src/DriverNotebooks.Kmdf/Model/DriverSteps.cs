namespace DriverNotebooks.Kmdf;

/// <summary>WdfDriverCreate with its WDF_DRIVER_CONFIG and the WDFDRIVER's object attributes.</summary>
/// <remarks>A callback is registered when its body is not null (an empty body registers a callback that does nothing).</remarks>
public sealed record WdfDriverCreateStep : FallibleStep
{
    /// <summary>The name the WDFDRIVER has in traces, default <c>WDFDRIVER</c>.</summary>
    public string ObjectName { get; init; } = "WDFDRIVER";
    public DriverMode Mode { get; init; } = DriverMode.Pnp;

    /// <summary>WDF_OBJECT_ATTRIBUTES.ParentObject. Not allowed for the WDFDRIVER: WdfDriverCreate fails with STATUS_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED.</summary>
    public string? Parent { get; init; }
    public Body? EvtDriverDeviceAdd { get; init; }
    public Body? EvtDriverUnload { get; init; }
    public Body? EvtCleanupCallback { get; init; }
    public Body? EvtDestroyCallback { get; init; }
    public override string Display => "WdfDriverCreate";
}

/// <summary>A class or port driver's init routine (KsInitializeDriver, PcInitializeAdapterDriver, NdisMRegisterMiniportDriver), which overwrites DriverObject->DriverUnload.</summary>
public sealed record ClassInitStep : FallibleStep
{
    public required ClassDriver Class { get; init; }

    /// <summary>NDIS only: the miniport's MiniportDriverUnload, which NDIS's DriverUnload calls.</summary>
    public Body? MiniportDriverUnload { get; init; }
    public override string Display => Class.InitRoutine();
}

/// <summary>
/// <c>saved = DriverObject->DriverUnload; DriverObject->DriverUnload = Routine;</c> — the driver hooks the unload
/// routine (the pattern of sysvad and of the thread's KS/BDA advice). <see cref="Body"/> is the routine's code;
/// it may call the saved routine with <see cref="CallSavedDriverUnloadStep"/>.
/// </summary>
public sealed record SetDriverUnloadStep : Step
{
    public required string Routine { get; init; }
    public required Body Body { get; init; }
    public override string Display => $"SetDriverUnload({Routine})";
}

/// <summary>Inside a routine installed with <see cref="SetDriverUnloadStep"/>: call the DriverUnload routine that was there before (if not NULL).</summary>
public sealed record CallSavedDriverUnloadStep : Step
{
    public override string Display => "CallSavedDriverUnload";
}

/// <summary>WdfDriverMiniportUnload(WdfGetDriver()): what a NoDispatchOverride (miniport) driver must call when its port driver unloads it.</summary>
public sealed record WdfDriverMiniportUnloadStep : Step
{
    public override string Display => "WdfDriverMiniportUnload";
}
