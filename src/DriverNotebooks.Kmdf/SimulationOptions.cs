namespace DriverNotebooks.Kmdf;

/// <summary>How to run a scenario: which semantics, and which steps to make fail.</summary>
public sealed record SimulationOptions
{
    /// <summary>The defaults: source semantics, no injected failures, the scenario's own failures applied.</summary>
    public static SimulationOptions Default { get; } = new();

    /// <summary>Follow the framework source (default) or the documentation where they disagree.</summary>
    public Semantics Semantics { get; init; } = Semantics.Source;

    /// <summary>Steps to fail, by id (e.g. <c>DriverEntry.Allocate(gBuffer)</c>, <c>WdfDriverCreate</c>, <c>EvtDevicePrepareHardware#1</c>).</summary>
    public IReadOnlyList<InjectedFailure> Failures { get; init; } = [];

    /// <summary>Whether the failures the scenario scripts itself apply too (default true).</summary>
    public bool ApplyScenarioFailures { get; init; } = true;

    /// <summary>Whether to record the trace; the fault sweep keeps it (default true).</summary>
    public bool RecordTrace { get; init; } = true;

    /// <summary>Returns a copy that also fails <paramref name="stepId"/> with <paramref name="status"/> (default STATUS_INSUFFICIENT_RESOURCES).</summary>
    public SimulationOptions Failing(string stepId, NtStatus? status = null) =>
        this with { Failures = [.. Failures, new InjectedFailure(stepId, status ?? NtStatus.InsufficientResources)] };

    /// <summary>Returns a copy with <paramref name="semantics"/>.</summary>
    public SimulationOptions With(Semantics semantics) => this with { Semantics = semantics };
}
