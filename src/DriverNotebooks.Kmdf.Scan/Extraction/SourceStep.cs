namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>What a statement of driver source does, as far as the lifecycle cares.</summary>
public enum SourceAction
{
    /// <summary>Allocates a resource the driver frees itself (pool, WDM lookaside list, tracing, handle).</summary>
    Allocate,

    /// <summary>Frees one (ExFreePool, ExDelete…LookasideList…, WPP_CLEANUP, ZwClose).</summary>
    Free,

    /// <summary>Some routine whose NTSTATUS the driver checks.</summary>
    Call,

    /// <summary>WdfDriverCreate.</summary>
    WdfDriverCreate,

    /// <summary>Another framework object (WdfLookasideListCreate, WdfMemoryCreate, a control device…).</summary>
    CreateObject,

    /// <summary>A class or port driver's registration (NdisMRegisterMiniportDriver, KsInitializeDriver, PcInitializeAdapterDriver).</summary>
    ClassInit,

    /// <summary>WdfDriverMiniportUnload.</summary>
    MiniportUnload,

    /// <summary>WdfObjectDelete.</summary>
    ObjectDelete,

    /// <summary><c>DriverObject->DriverUnload = Routine</c>.</summary>
    SetDriverUnload,
}

/// <summary>How a failure path of a step ends, read from the source.</summary>
public enum FailureEnding
{
    /// <summary>The routine returns the failure (or another error).</summary>
    ReturnsFailure,

    /// <summary>The routine returns success anyway (the status was overwritten or a literal success returned).</summary>
    ReturnsSuccess,

    /// <summary>The code goes on as if the step had succeeded (no check, or a check that only logs).</summary>
    Continues,
}

/// <summary>One step read from driver source, with where it is.</summary>
/// <param name="Action">What it does.</param>
/// <param name="Name">The resource, object or routine name (sanitized for the scenario: letters, digits, '_' and '-').</param>
/// <param name="SourceFile">The file, as the scan names it.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Code">The statement as written (first line).</param>
public sealed record SourceStep(SourceAction Action, string Name, string SourceFile, int Line, string Code)
{
    public ResourceKind Kind { get; init; } = ResourceKind.Pool;
    public WdfObjectType ObjectType { get; init; }
    public ClassDriver Class { get; init; }

    /// <summary>Free only: inside a NULL check or flag test.</summary>
    public bool Guarded { get; init; }

    /// <summary>Fallible steps: what the failure path frees before it ends.</summary>
    public IReadOnlyList<SourceStep> OnFailure { get; init; } = [];

    /// <summary>Fallible steps: how the failure path ends.</summary>
    public FailureEnding Ending { get; init; } = FailureEnding.ReturnsFailure;

    /// <summary>Where the failure path stops being a failure path (the overwriting assignment or the return of success), when it does.</summary>
    public int? EndingLine { get; init; }

    /// <summary>WdfDriverCreate only: the WDF_DRIVER_CONFIG and attributes as passed.</summary>
    public DriverCreateFacts? Driver { get; init; }

    /// <summary>ClassInit (NDIS) and SetDriverUnload: the routine's body.</summary>
    public RoutineBody? Routine { get; init; }

    /// <summary>Whether a failure of this step is a failure point of DriverEntry (it returns a status that is checked).</summary>
    public bool IsFailurePoint => Action is SourceAction.Call or SourceAction.WdfDriverCreate or SourceAction.CreateObject or SourceAction.ClassInit
        || (Action == SourceAction.Allocate && Kind.CanFail() && Kind != ResourceKind.Tracing);

    public override string ToString() => $"{Action}({Name}) {SourceFile}:{Line}";
}

/// <summary>A routine the driver registers (EvtDriverUnload, a cleanup callback…): its name, where it is, what it does.</summary>
public sealed record RoutineBody(string Name, string SourceFile, int Line, IReadOnlyList<SourceStep> Steps, bool Found = true);

/// <summary>What WdfDriverCreate was given.</summary>
/// <param name="AttributesArgument">The attributes argument as written (<c>&amp;attributes</c>, <c>WDF_NO_OBJECT_ATTRIBUTES</c>).</param>
/// <param name="Mode">From WDF_DRIVER_CONFIG.DriverInitFlags.</param>
/// <param name="DeviceAdd">EvtDriverDeviceAdd's routine name, if any.</param>
/// <param name="Unload">EvtDriverUnload, if set.</param>
/// <param name="Cleanup">The WDFDRIVER's EvtCleanupCallback, if the attributes passed carry one.</param>
/// <param name="Destroy">The WDFDRIVER's EvtDestroyCallback, if the attributes passed carry one.</param>
public sealed record DriverCreateFacts(string AttributesArgument, DriverMode Mode, string? DeviceAdd, RoutineBody? Unload, RoutineBody? Cleanup, RoutineBody? Destroy);

/// <summary>An attributes variable with EvtCleanupCallback or EvtDestroyCallback set that never reached a create call.</summary>
public sealed record DeadCallback(string Callback, string Routine, string Attributes, string SourceFile, int Line);

/// <summary>Everything read from one function that calls WdfDriverCreate (through DriverEntry when a helper does).</summary>
/// <param name="Entry">The routine the scenario's DriverEntry is made of (DriverEntry, or the helper when no DriverEntry calls it).</param>
/// <param name="CreatingFunction">The function that calls WdfDriverCreate.</param>
public sealed record DriverEntryModel(
    RoutineBody Entry,
    string CreatingFunction,
    IReadOnlyList<DeadCallback> DeadCallbacks,
    IReadOnlyList<string> Notes);
