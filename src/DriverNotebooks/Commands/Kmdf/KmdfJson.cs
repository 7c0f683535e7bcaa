using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Commands.Kmdf;

/// <summary>
/// The <c>--json</c> contract of the KMDF commands. Kept as explicit records so the engine's types can
/// change without changing what scripts parse.
/// </summary>
public static class KmdfJson
{
    public sealed record RunJson(
        string Scenario,
        string Title,
        string Semantics,
        IReadOnlyList<FailureJson> Failures,
        IReadOnlyList<string> Trace,
        IReadOnlyList<string> Leaked,
        IReadOnlyList<string> FreedTwice,
        IReadOnlyList<string> FreedWhileInUse,
        IReadOnlyList<string> UsedAfterFree,
        IReadOnlyList<FindingJson> Findings,
        IReadOnlyList<DiagnosticJson> Diagnostics,
        OutcomeJson Outcome,
        IReadOnlyList<string> FallibleSteps,
        IReadOnlyList<EventJson> Events);

    public sealed record FailureJson(string Step, string Status);

    public sealed record FindingJson(string Kind, string Resource, string ResourceKind, string Where, string Detail);

    public sealed record DiagnosticJson(string Code, string Where, string Message);

    public sealed record OutcomeJson(
        string? DriverEntryStatus,
        bool WdfDriverCreated,
        bool EvtDriverUnloadRan,
        bool DriverCleanupRan,
        bool DriverUnloadCalled,
        bool ImageUnloaded,
        bool LibraryUnbound,
        int DevicesStarted,
        int DevicesPresent,
        IReadOnlyList<string> DriverUnloadChain);

    public sealed record EventJson(int Sequence, string Layer, string Kind, string Label, string Routine, string? Object, string Irql, string? Status, string? Detail, int Depth);

    public sealed record SweepJson(string Scenario, IReadOnlyList<string> FallibleSteps, int Runs, int RunsWithFindings, IReadOnlyList<string> EverLeaked, IReadOnlyList<PointJson> Points);

    public sealed record PointJson(IReadOnlyList<string> FailedSteps, string? DriverEntryStatus, IReadOnlyList<string> Leaked, IReadOnlyList<FindingJson> Findings);

    public sealed record MatrixJson(IReadOnlyList<CellJson> Cells);

    public sealed record CellJson(string Cleanup, string Failure, string Globals, string Guard, bool Clean, IReadOnlyList<string> Leaked, IReadOnlyList<FindingJson> Findings);

    public sealed record ScenarioJson(string Name, string Title, string Description);

    public static RunJson Run(Scenario scenario, RunResult run) => new(
        run.Scenario,
        scenario.Title,
        run.Options.Semantics.ToString().ToLowerInvariant(),
        run.Failures.Select(f => new FailureJson(f.StepId, f.Status.Name)).ToList(),
        run.Labels,
        run.Leaked,
        run.FreedTwice,
        run.FreedWhileInUse,
        run.UsedAfterFree,
        run.Findings.Select(Finding).ToList(),
        run.Diagnostics.Select(d => new DiagnosticJson(d.Code.ToString(), d.Where, d.Message)).ToList(),
        Outcome(run.Outcome),
        run.FallibleSteps,
        run.Trace.Select(e => new EventJson(e.Sequence, e.Layer.ToString(), e.Kind.ToString(), e.Label, e.Routine, e.Object, e.Irql.ToWdkName(), e.Status?.Name, e.Detail, e.Depth)).ToList());

    public static SweepJson Sweep(FaultSweepResult sweep) => new(
        sweep.Scenario,
        sweep.FallibleSteps,
        sweep.Points.Count,
        sweep.Problems.Count,
        sweep.EverLeaked,
        sweep.Points.Select(p => new PointJson(p.FailedSteps, p.Result.Outcome.DriverEntryStatus?.Name, p.Leaked, p.Result.Findings.Select(Finding).ToList())).ToList());

    public static MatrixJson Matrix(PatternMatrixResult matrix) => new(
        matrix.Cells.Select(c => new CellJson(c.Cleanup.ToString(), c.Failure.ToString(), c.Globals.ToString(), c.Guard.ToString(), c.IsClean, c.Leaked, c.Result.Findings.Select(Finding).ToList())).ToList());

    public static IReadOnlyList<ScenarioJson> Catalog(KmdfScenarioCatalog catalog) =>
        catalog.Scenarios.Select(s => new ScenarioJson(s.Name, s.Title, s.Description)).ToList();

    private static FindingJson Finding(LedgerFinding f) => new(f.Kind.ToString(), f.Resource, f.ResourceKind.ToString(), f.Where, f.Detail);

    private static OutcomeJson Outcome(RunOutcome o) => new(
        o.DriverEntryStatus?.Name, o.WdfDriverCreated, o.EvtDriverUnloadRan, o.DriverCleanupRan, o.DriverUnloadCalled,
        o.ImageUnloaded, o.LibraryUnbound, o.DevicesStarted, o.DevicesPresent, o.DriverUnloadChain);
}
