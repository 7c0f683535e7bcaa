using DriverNotebooks.Kmdf.Scan.Extraction;

namespace DriverNotebooks.Kmdf.Scan.Findings;

/// <summary>What the engine made of one scanned DriverEntry: the baseline run, the fault sweep and the findings.</summary>
/// <param name="Checked">What was checked, one phrase each (for a clean driver's report).</param>
public sealed record DriverAnalysis(DriverEntryModel Model, SourceScenario Scenario, RunResult Baseline, FaultSweepResult Sweep, IReadOnlyList<ScanFinding> Findings, IReadOnlyList<string> Checked)
{
    public bool IsClean => Findings.Count == 0;
}

/// <summary>
/// Runs a scenario made from source through the KMDF lifecycle (load, then unload) and the fault sweep (each
/// failure point of DriverEntry in turn), and turns the engine's ledger findings into findings on source lines;
/// adds what the source shows directly: callbacks that never reach WdfDriverCreate and an ignored WdfDriverCreate failure.
/// </summary>
public static class FailurePathAnalysis
{
    public static DriverAnalysis Analyze(DriverEntryModel model, SourceScenario scenario, CancellationToken cancellationToken = default)
    {
        var findings = new List<ScanFinding>();
        var entry = model.Entry;
        var allocations = entry.Steps.Where(s => s.Action == SourceAction.Allocate).GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.First());
        var create = entry.Steps.FirstOrDefault(s => s.Action == SourceAction.WdfDriverCreate);

        var baseline = LifecycleSimulator.Run(scenario.Scenario, new SimulationOptions { ApplyScenarioFailures = false });
        var sweep = FaultSweep.Run(scenario.Scenario, new FaultSweepOptions { RecordTrace = true, MaxDegreeOfParallelism = 1 }, cancellationToken);

        (string File, int Line) Where(string resource) =>
            allocations.TryGetValue(resource, out var a) ? (a.SourceFile, a.Line) : (entry.SourceFile, entry.Line);

        foreach (var f in baseline.Findings)
        {
            if (f.Kind == FindingKind.Leaked && f.ResourceKind is ResourceKind.WdfObject or ResourceKind.FrameworkInternal && !allocations.ContainsKey(f.Resource))
            {
                var mode = create?.Driver?.Mode == DriverMode.NoDispatchOverride ? ": a miniport-mode driver must call WdfDriverMiniportUnload from the unload routine its port driver calls" : "";
                findings.Add(new ScanFinding(ScanFindingKind.LeakAtUnload, create?.SourceFile ?? entry.SourceFile, create?.Line ?? entry.Line, f.Resource,
                    $"the framework's '{f.Resource}' is never released after a successful load and unload{mode}"));
                continue;
            }
            findings.Add(FromLedger(f, "after a successful load and unload", Where, scenario));
        }

        foreach (var point in sweep.Points)
        {
            var failed = point.FailedSteps.Select(scenario.SourceOfStepId).ToArray();
            // Steps whose failure the source does not check (void routines, unchecked calls) are not failure points of DriverEntry.
            if (failed.Any(s => s is null || !s.IsFailurePoint || (s.Action != SourceAction.WdfDriverCreate && s.Ending != FailureEnding.ReturnsFailure))) continue;
            var what = string.Join(" and ", failed.Select(s => $"{Display(s!)} ({s!.SourceFile}:{s.Line}) fails"));
            foreach (var f in point.Result.Findings) findings.Add(FromLedger(f, "when " + what, Where, scenario));
        }

        if (create is not null && create.Ending != FailureEnding.ReturnsFailure)
        {
            var how = create.Ending == FailureEnding.ReturnsSuccess
                ? $"its failure path returns success (status overwritten at line {create.EndingLine})"
                : $"its failure path goes on with the next step (line {create.EndingLine})";
            findings.Add(new ScanFinding(ScanFindingKind.IgnoredWdfDriverCreateFailure, create.SourceFile, create.Line, "WdfDriverCreate",
                $"WdfDriverCreate can fail and {how}: DriverEntry reports success without a WDFDRIVER, so nothing frees the driver's globals and the framework's cleanup never runs"));
        }
        foreach (var dead in model.DeadCallbacks)
        {
            findings.Add(new ScanFinding(ScanFindingKind.DeadCleanupCallback, dead.SourceFile, dead.Line, dead.Routine,
                $"{dead.Attributes}.{dead.Callback} = {dead.Routine}, but {dead.Attributes} is never passed to WdfDriverCreate or any create call afterwards: {dead.Routine} never runs"));
        }

        var distinct = findings.GroupBy(f => (f.Kind, f.SourceFile, f.Line, f.Resource)).Select(g => g.First())
            .OrderBy(f => f.SourceFile, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Kind).ToArray();
        var checkedItems = Checked(model, sweep);
        return new DriverAnalysis(model, scenario, baseline, sweep, distinct, checkedItems);
    }

    private static string Display(SourceStep s) => s.Action switch
    {
        SourceAction.Allocate => s.Code.Length > 0 ? s.Code.Split('(')[0].Split('=').Last().Trim() + $"({s.Name})" : s.Name,
        _ => s.Name == "WDFDRIVER" ? "WdfDriverCreate" : s.Name,
    };

    private static ScanFinding FromLedger(LedgerFinding f, string path, Func<string, (string File, int Line)> where, SourceScenario scenario)
    {
        var (file, line) = where(f.Resource);
        var allocated = $"'{f.Resource}' (allocated at line {line})";
        return f.Kind switch
        {
            FindingKind.Leaked when path.StartsWith("after", StringComparison.Ordinal) => new(ScanFindingKind.LeakAtUnload, file, line, f.Resource, $"{allocated} is never freed {path}"),
            FindingKind.Leaked => new(ScanFindingKind.LeakOnFailurePath, file, line, f.Resource, $"{allocated} leaks {path}: nothing on that path frees it"),
            FindingKind.LookasideLeftOnSystemList => new(ScanFindingKind.LookasideLeftAtUnload, file, line, f.Resource, $"WDM lookaside list {allocated} is still initialized when the image unloads {path}: it stays on the system-wide list in freed memory"),
            FindingKind.FreedUnallocated => FreeFinding(f, path, scenario),
            FindingKind.FreedTwice => new(ScanFindingKind.FrameworkDiagnostic, file, line, f.Resource, $"{allocated} is freed twice {path}: {f.Detail}"),
            _ => new(ScanFindingKind.FrameworkDiagnostic, file, line, f.Resource, $"{f.Kind} {f.Resource} {path}: {f.Detail}"),
        };
    }

    private static ScanFinding FreeFinding(LedgerFinding f, string path, SourceScenario scenario)
    {
        var free = scenario.StepSources.Values.FirstOrDefault(s => s.Action == SourceAction.Free && s.Name == f.Resource && !s.Guarded);
        var (file, line) = free is null ? ("", 0) : (free.SourceFile, free.Line);
        return new(ScanFindingKind.UnguardedFree, file, line, f.Resource,
            $"{f.Where} frees '{f.Resource}' without checking it {path}, when it was never allocated: check for NULL (or a flag) first and clear it after");
    }

    private static IReadOnlyList<string> Checked(DriverEntryModel model, FaultSweepResult sweep)
    {
        var d = model.Entry.Steps.FirstOrDefault(s => s.Action == SourceAction.WdfDriverCreate)?.Driver;
        var list = new List<string>
        {
            $"{model.Entry.Steps.Count(s => s.IsFailurePoint)} failure points of {model.Entry.Name} swept ({sweep.Points.Count} runs)",
            $"{model.Entry.Steps.Count(s => s.Action == SourceAction.Allocate)} allocations followed to their frees",
        };
        if (d is not null)
        {
            list.Add("WdfDriverCreate's failure path");
            list.Add(d.Unload is null ? "no EvtDriverUnload" : $"EvtDriverUnload {d.Unload.Name}");
            list.Add(d.Cleanup is null ? "no WDFDRIVER EvtCleanupCallback" : $"EvtCleanupCallback {d.Cleanup.Name} reaches WdfDriverCreate");
            list.Add($"mode {d.Mode}");
        }
        return list;
    }
}
