namespace DriverNotebooks.Kmdf;

/// <summary>One statement of driver code in a scenario.</summary>
/// <remarks>
/// Every step knows where it is (<see cref="Path"/>) so that validation errors can name the spot. Steps that can fail
/// derive from <see cref="FallibleStep"/>; their stable id (e.g. <c>DriverEntry.Allocate(gBuffer)</c>) is
/// the routine's name, a dot and <see cref="Display"/>, with <c>[2]</c>, <c>[3]</c>… appended when the same
/// display repeats within one routine.
/// </remarks>
public abstract record Step
{
    /// <summary>Where the step is, as a JSON path such as <c>$.driverEntry[2]</c>.</summary>
    public required string Path { get; init; }

    /// <summary>How the step reads in ids and traces, e.g. <c>Allocate(gBuffer)</c> or <c>WdfDeviceCreate</c>.</summary>
    public abstract string Display { get; }

    /// <summary>The id relative to the routine, assigned when the scenario is validated (Display plus a repeat suffix).</summary>
    public string LocalId { get; internal set; } = "";
}

/// <summary>A step that returns an NTSTATUS and can therefore fail (or be made to fail by fault injection).</summary>
/// <remarks>When it fails, the code in <see cref="OnFailure"/> runs and the routine returns the failure status.</remarks>
public abstract record FallibleStep : Step
{
    /// <summary>What the driver does before returning when this step fails (<c>if (!NT_SUCCESS(status)) { …; return status; }</c>).</summary>
    public Body? OnFailure { get; init; }
}
