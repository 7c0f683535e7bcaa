using DriverNotebooks.Charts;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Formatting;

/// <summary>The facts a person reads off a KMDF result, shared by its HTML and text formatters.</summary>
public static class KmdfCards
{
    public static ResultCard Report(LifecycleReport report)
    {
        var card = Run(report.Run, $"KMDF lifecycle: {report.Scenario.Title}");
        if (string.IsNullOrWhiteSpace(report.Scenario.Description)) return card;
        if (RunsAsDescribed(report)) return card.Lead(report.Scenario.Description);
        // The description is fixed text about the scenario's own failures; with other failures it could contradict the verdict.
        var own = report.Scenario.Failures.Count == 0 ? "no injected failure" : string.Join(", ", report.Scenario.Failures.Select(f => f.StepId));
        return card.Note($"This run's failures differ from the scenario's own ({own}), so its description is not shown; the verdict and trace above are this run's.");
    }

    /// <summary>Whether the run injected exactly the failures the scenario scripts (so its fixed description applies).</summary>
    private static bool RunsAsDescribed(LifecycleReport report)
    {
        static string Key(InjectedFailure f) => $"{f.StepId}={f.Status.Code:x}";
        return report.Run.Failures.Select(Key).Order().SequenceEqual(report.Scenario.Failures.Select(Key).Order());
    }

    /// <summary>Whether the I/O manager called the driver's unload routine, and the chain of routines that ran from it.</summary>
    private static string DriverUnloadCalled(RunOutcome outcome) =>
        YesNo(outcome.DriverUnloadCalled) + (outcome.DriverUnloadChain.Count > 0 ? $" ({string.Join(" → ", outcome.DriverUnloadChain)})" : "");

    public static ResultCard Run(RunResult run) => Run(run, $"KMDF lifecycle: {run.Scenario}");

    private static ResultCard Run(RunResult run, string title)
    {
        var outcome = run.Outcome;
        var card = new ResultCard(title)
            .Verdict(Verdict(run))
            .Number("Scenario", run.Scenario)
            .Number("DriverEntry", outcome.DriverEntryStatus?.ToString() ?? "not called")
            .Number("WdfDriverCreate succeeded", YesNo(outcome.WdfDriverCreated))
            .Number("EvtDriverUnload ran", YesNo(outcome.EvtDriverUnloadRan))
            .Number("WDFDRIVER EvtCleanupCallback ran", YesNo(outcome.DriverCleanupRan))
            .Number("DriverUnload called", DriverUnloadCalled(outcome))
            .Number("Image unloaded", YesNo(outcome.ImageUnloaded))
            .Number("Devices started / present at end", $"{outcome.DevicesStarted} / {outcome.DevicesPresent}");
        if (run.Failures.Count > 0) card.Number("Injected failures", string.Join(", ", run.Failures.Select(f => $"{f.StepId} → {f.Status}")));
        if (run.UnreachedFailures.Count > 0) card.Note($"No step reached the requested failure {string.Join(", ", run.UnreachedFailures)}; steps this run reached: {string.Join(", ", run.FallibleSteps)}.");
        if (run.Outstanding.Count > 0) card.Note($"Still allocated while the image stays loaded (not leaks yet): {string.Join(", ", run.Outstanding)}.");

        if (run.Findings.Count > 0)
        {
            var findings = new ResultTable("Ledger findings", "Finding", "Resource", "Kind", "Where", "Detail");
            foreach (var f in run.Findings) findings.Row(FaultSweepChart.FindingName(f.Kind), f.Resource, f.ResourceKind.ToString(), f.Where, f.Detail);
            card.Table(findings);
        }
        if (run.Diagnostics.Count > 0)
        {
            var diagnostics = new ResultTable("Verifier diagnostics", "Code", "Where", "Message");
            foreach (var d in run.Diagnostics) diagnostics.Row(d.Code.ToString(), d.Where, d.Message);
            card.Table(diagnostics);
        }
        var trace = new ResultTable("Trace", "#", "Layer", "Event", "Object", "IRQL", "Status");
        foreach (var e in run.Trace)
            trace.Row(e.Sequence.ToString(), KmdfTraceChart.LaneName(e.Layer), new string(' ', e.Depth * 2) + e.Label, e.Object ?? "", e.Irql.ToWdkName(), e.Status?.ToString() ?? "");
        return card.Table(trace, collapsed: true);
    }

    /// <summary>
    /// A run's column name in a comparison: its scenario's name, plus the failures it injected when they are
    /// not the scenario's own (two runs of one scenario, one failing, must not share a name).
    /// </summary>
    public static string RunLabel(LifecycleReport report)
    {
        if (RunsAsDescribed(report)) return report.Scenario.Name;
        return report.Run.Failures.Count == 0
            ? $"{report.Scenario.Name}, no failure"
            : $"{report.Scenario.Name}, failing {string.Join(" + ", report.Run.Failures.Select(f => f.StepId))}";
    }

    public static ResultCard Comparison(LifecycleComparison comparison)
    {
        var names = comparison.Runs.Select(RunLabel).ToArray();
        var card = new ResultCard($"Side by side: {string.Join(" vs ", names)}")
            .Verdict(string.Join(" ", comparison.Runs.Select((r, i) => $"{names[i]}: {(r.Run.IsClean ? CleanAsFarAsModelled(r.Run) : "leaks " + string.Join(", ", r.Run.Leaked.DefaultIfEmpty("nothing")) + ".")}".TrimEnd('.') + ".")));
        // Run names are long and would break inside a narrow column: the columns get letters, keyed in the numbers above.
        var columns = names.Select((_, i) => ((char)('A' + i)).ToString()).ToArray();
        for (var i = 0; i < names.Length; i++) card.Number(columns[i], $"{names[i]}: {comparison.Runs[i].Scenario.Title}");
        var table = new ResultTable("Callbacks into the driver, and in which run each ran", ["Callback", .. columns]);
        foreach (var (callback, ranIn) in comparison.Callbacks) table.Row([callback, .. ranIn.Select(ran => ran ? "ran" : "—")]);
        var leaks = new ResultTable("How each run ended", ["", .. columns]);
        leaks.Row(["leaked", .. comparison.Runs.Select(r => string.Join(", ", r.Run.Leaked.DefaultIfEmpty("nothing")))]);
        leaks.Row(["DriverEntry", .. comparison.Runs.Select(r => r.Run.Outcome.DriverEntryStatus?.ToString() ?? "not called")]);
        leaks.Row(["DriverUnload called", .. comparison.Runs.Select(r => DriverUnloadCalled(r.Run.Outcome))]);
        return card.Table(table).Table(leaks);
    }

    public static ResultCard FaultSweep(FaultSweepResult sweep)
    {
        var singles = sweep.Points.Where(p => p.FailedSteps.Count == 1).ToList();
        var pairs = sweep.Points.Where(p => p.FailedSteps.Count == 2).ToList();
        var problems = sweep.Problems;
        var verdict = problems.Count == 0
            ? $"Clean at every failure point: none of the {sweep.Points.Count} runs leaks or misuses a resource."
            : $"{problems.Count} of {sweep.Points.Count} runs find a problem; what leaks at some point: {string.Join(", ", sweep.EverLeaked.DefaultIfEmpty("nothing"))}"
              + (OtherFindings(sweep) is { Length: > 0 } other ? $"; other findings: {other}." : ".");
        var card = new ResultCard($"Fault injection: {sweep.Scenario}")
            .Verdict(verdict)
            .Number("Fallible steps", sweep.FallibleSteps.Count.ToString())
            .Number("Runs with one failure", singles.Count.ToString())
            .Number("Runs with two failures", pairs.Count.ToString())
            .Number("Runs with findings", problems.Count.ToString())
            .Number("Baseline (no injected failure)", sweep.Baseline.IsClean ? "clean" : "finds " + string.Join(", ", sweep.Baseline.Findings.Select(f => $"{f.Kind} {f.Resource}")));

        var table = new ResultTable("Each step failing in turn", "Failing step", "DriverEntry", "Leaked", "Other findings");
        foreach (var point in singles)
        {
            table.Row(point.FailedSteps[0],
                point.Result.Outcome.DriverEntryStatus?.ToString() ?? "",
                point.Leaked.Count == 0 ? "—" : string.Join(", ", point.Leaked),
                string.Join(", ", point.Result.Findings.Where(f => f.Kind != FindingKind.Leaked).Select(f => $"{FaultSweepChart.FindingName(f.Kind)} {f.Resource}").DefaultIfEmpty("—")));
        }
        // A clean sweep's per-step table repeats "—" under the verdict that already says so: it stays one click away (and out of print).
        card.Table(table, collapsed: problems.Count == 0);
        if (pairs.Count > 0)
        {
            var pairTable = new ResultTable("Pairs of failures with findings", "Failing steps", "Findings");
            foreach (var point in pairs.Where(p => !p.IsClean))
                pairTable.Row(string.Join(" + ", point.FailedSteps), string.Join(", ", point.Result.Findings.Select(f => $"{FaultSweepChart.FindingName(f.Kind)} {f.Resource}")));
            if (pairTable.RowCount > 0) card.Table(pairTable, collapsed: true);
        }
        return card;
    }

    /// <summary>The non-leak findings a sweep makes somewhere, by kind, e.g. "freed unallocated gBuffer".</summary>
    private static string OtherFindings(FaultSweepResult sweep) => string.Join(", ", sweep.Points
        .SelectMany(p => p.Result.Findings)
        .Where(f => f.Kind is not (FindingKind.Leaked or FindingKind.LookasideLeftOnSystemList))
        .Select(f => $"{FaultSweepChart.FindingName(f.Kind)} {f.Resource}")
        .Distinct());

    public static ResultCard PatternMatrix(PatternMatrixResult matrix)
    {
        var problems = matrix.Cells.Where(c => !c.IsClean).ToList();
        var card = new ResultCard("Pattern matrix: where cleanup lives × where DriverEntry fails × where globals are allocated × guarded frees")
            .Verdict(PatternVerdict(matrix, problems.Count));
        var table = new ResultTable("Combinations with findings (every other combination is clean)", "Row", "DriverEntry fails", "Findings");
        // Guarded and unguarded frees often find the same: such pairs share one row.
        foreach (var same in problems.GroupBy(c => (c.Cleanup, c.Globals, c.Failure, Text: PatternMatrixChart.CellText(c))))
        {
            var cell = same.First();
            var row = same.Count() == 2
                ? PatternMatrixChart.RowName(cell.Cleanup, cell.Globals, cell.Guard)[..^(cell.Guard == FreeGuard.Guarded ? "guarded" : "unguarded").Length] + "guarded or not"
                : PatternMatrixChart.RowName(cell.Cleanup, cell.Globals, cell.Guard);
            table.Row(row, PatternMatrixChart.FailureName(cell.Failure), same.Key.Text);
        }
        return problems.Count == 0 ? card : card.Table(table);
    }

    private static string PatternVerdict(PatternMatrixResult matrix, int problems)
    {
        if (problems == 0) return "Every combination is clean.";
        var summary = $"{problems} of {matrix.Cells.Count} combinations have findings";
        return OnlyRecommendedRowIsAlwaysClean(matrix)
            ? summary + "; only cleanup in the WDFDRIVER's EvtCleanupCallback, with globals allocated after WdfDriverCreate and freed behind a guard, is clean wherever DriverEntry fails."
            : summary + ".";
    }

    private static bool IsRecommended(PatternCell c) =>
        c is { Cleanup: CleanupLocation.DriverCleanupCallback, Globals: GlobalsPlacement.AfterWdfDriverCreate, Guard: FreeGuard.Guarded };

    /// <summary>The blog's claim, with the guard it needs, checked on the computed matrix rather than assumed.</summary>
    private static bool OnlyRecommendedRowIsAlwaysClean(PatternMatrixResult matrix) =>
        matrix.Cells.Where(IsRecommended).All(c => c.IsClean)
        && matrix.Cells.Where(c => !IsRecommended(c)).GroupBy(c => (c.Cleanup, c.Globals, c.Guard)).All(row => row.Any(c => !c.IsClean));

    /// <summary>
    /// The class or port driver whose own DriverUnload this run skipped (installed by its init routine, never called):
    /// the simulator has no model of what that routine does, so "clean" cannot speak for it.
    /// </summary>
    public static ClassDriver? SkippedClassDriverUnload(RunResult run) =>
        run.Outcome.DriverUnloadCalled
            ? Enum.GetValues<ClassDriver>().Where(c => run.Trace.Any(e => e.Label == c.InitRoutine()) && !run.Outcome.DriverUnloadChain.Contains(c.UnloadRoutine()))
                .Select(c => (ClassDriver?)c).FirstOrDefault()
            : null;

    /// <summary>"clean", or, when a class driver's own unload was skipped, clean only as far as the model can see.</summary>
    private static string CleanAsFarAsModelled(RunResult run) =>
        SkippedClassDriverUnload(run) is { } skipped
            ? $"clean as far as the model can see ({skipped.UnloadRoutine()} never ran, and the model has no state for it)"
            : "clean";

    public static string Verdict(RunResult run)
    {
        var o = run.Outcome;
        var problems = new List<string>();
        var leftOnList = run.Findings.Where(f => f.Kind == FindingKind.LookasideLeftOnSystemList).Select(f => f.Resource).Distinct().ToList();
        var leaked = run.Leaked.Except(leftOnList).ToList();
        if (leaked.Count > 0) problems.Add("leaks " + string.Join(", ", leaked));
        if (run.FreedTwice.Count > 0) problems.Add("frees " + string.Join(", ", run.FreedTwice) + " twice");
        if (run.FreedWhileInUse.Count > 0) problems.Add("frees " + string.Join(", ", run.FreedWhileInUse) + " while a device still uses it");
        if (run.UsedAfterFree.Count > 0) problems.Add("uses " + string.Join(", ", run.UsedAfterFree) + " after it was freed");
        if (run.FreedUnallocated.Count > 0) problems.Add("frees " + string.Join(", ", run.FreedUnallocated) + " without a guard although it was never allocated (an invalid pointer)");
        if (leftOnList.Count > 0) problems.Add("leaves the WDM lookaside list " + string.Join(", ", leftOnList) + " on the system-wide list inside the unloaded image (a later crash, not only a leak)");
        var headline = problems.Count == 0
            ? run.Diagnostics.Count == 0 ? "Clean: nothing leaks and nothing is freed twice or while in use." : $"No ledger findings, but {run.Diagnostics.Count} verifier diagnostic(s)."
            : "The driver " + Phrases(problems) + ".";
        if (problems.Count == 0 && run.Diagnostics.Count == 0 && SkippedClassDriverUnload(run) is { } skipped)
            headline = $"Clean as far as the model can see: nothing it models leaks, but {skipped.UnloadRoutine()} never ran, and what that routine would have done is not modelled.";
        if (problems.Count == 0 && run.Trace.Any(e => e.Label == "DriverUnloadIsNull"))
            headline = "Not unloadable: DriverObject->DriverUnload is NULL, so the unload request did nothing and everything the driver holds stays allocated.";

        string why;
        if (o.DriverEntryStatus is { IsSuccess: false } failed)
        {
            why = $" DriverEntry returned {failed}, so EvtDriverUnload never ran; "
                + (o.DriverCleanupRan ? "the WDFDRIVER's EvtCleanupCallback still ran when the stub unbound the library."
                   : o.WdfDriverCreated ? "the WDFDRIVER had no EvtCleanupCallback to run." : "WdfDriverCreate had not succeeded, so no WDFDRIVER cleanup callback could run.");
        }
        else if (o.ImageUnloaded)
        {
            why = $" The driver unloaded; EvtDriverUnload {(o.EvtDriverUnloadRan ? "ran" : "did not run")} and the WDFDRIVER's EvtCleanupCallback {(o.DriverCleanupRan ? "ran" : "did not run")}.";
        }
        else
        {
            why = " The driver is still loaded at the end of the scenario.";
        }
        return headline + why;
    }

    private static string Phrases(List<string> parts) => parts.Count == 1 ? parts[0] : string.Join(", ", parts.Take(parts.Count - 1)) + " and " + parts[^1];

    private static string YesNo(bool value) => value ? "yes" : "no";
}
