namespace DriverNotebooks.Kmdf;

/// <summary>How to sweep: semantics, the status injected failures return, and whether to fail every pair too.</summary>
public sealed record FaultSweepOptions
{
    public Semantics Semantics { get; init; } = Semantics.Source;

    /// <summary>The status each injected failure returns (default STATUS_INSUFFICIENT_RESOURCES, as low-resources simulation would).</summary>
    public NtStatus Status { get; init; } = NtStatus.InsufficientResources;

    /// <summary>Also fail every unordered pair of fallible steps (n·(n−1)/2 more runs).</summary>
    public bool IncludePairs { get; init; }

    /// <summary>Keep each run's trace (default true; turn off for big sweeps when only the findings matter).</summary>
    public bool RecordTrace { get; init; } = true;

    /// <summary>How many runs may execute at once (default: one per processor). Results are in the same order either way.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
}

/// <summary>One failure point of a sweep: which steps failed, and the run that resulted.</summary>
public sealed record FaultPoint(IReadOnlyList<string> FailedSteps, RunResult Result)
{
    /// <summary>What leaked at this failure point.</summary>
    public IReadOnlyList<string> Leaked => Result.Leaked;

    /// <summary>No ledger findings and no diagnostics.</summary>
    public bool IsClean => Result.IsClean;

    public override string ToString() =>
        $"{string.Join(" + ", FailedSteps)}: {(IsClean ? "clean" : string.Join("; ", Result.Findings.Select(f => $"{f.Kind} {f.Resource}").Concat(Result.Diagnostics.Select(d => d.Code.ToString()))))}";
}

/// <summary>The result of a sweep: the baseline run, the fallible steps it reached, and every failure point.</summary>
public sealed record FaultSweepResult(string Scenario, RunResult Baseline, IReadOnlyList<string> FallibleSteps, IReadOnlyList<FaultPoint> Points)
{
    /// <summary>The failure points with findings or diagnostics.</summary>
    public IReadOnlyList<FaultPoint> Problems => Points.Where(p => !p.IsClean).ToArray();

    /// <summary>Every resource that leaks at some failure point, in first-seen order.</summary>
    public IReadOnlyList<string> EverLeaked => Points.SelectMany(p => p.Leaked).Distinct().ToArray();
}

/// <summary>
/// Exhaustive fault injection: what Driver Verifier's low-resources simulation finds by chance, found for every
/// failure point. The baseline run is the scenario without its scripted failures (the driver as it behaves when
/// nothing goes wrong); it discovers the fallible steps, and each is then failed in turn, and optionally every pair.
/// A scripted failure is one of those points like any other.
/// </summary>
/// <remarks>Steps reachable only when something else fails (code in failure paths) are not discovered by the baseline, so they are not swept on their own.</remarks>
public static class FaultSweep
{
    /// <summary>
    /// The ids of the fallible steps <paramref name="scenario"/> reaches, with or without its own scripted failures,
    /// in first-reached order: the valid values for <c>--fail</c>.
    /// </summary>
    public static IReadOnlyList<string> Discover(Scenario scenario, Semantics semantics = Semantics.Source)
    {
        var options = new SimulationOptions { Semantics = semantics, RecordTrace = false };
        var scripted = LifecycleSimulator.Run(scenario, options).FallibleSteps;
        var unscripted = LifecycleSimulator.Run(scenario, options with { ApplyScenarioFailures = false }).FallibleSteps;
        return unscripted.Concat(scripted).Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; checked before each run.</exception>
    public static FaultSweepResult Run(Scenario scenario, FaultSweepOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        options ??= new FaultSweepOptions();
        var baseOptions = new SimulationOptions { Semantics = options.Semantics, RecordTrace = options.RecordTrace, ApplyScenarioFailures = false };
        var baseline = LifecycleSimulator.Run(scenario, baseOptions);
        var steps = baseline.FallibleSteps.ToArray();
        CheckLimits(scenario, baseline, steps.Length, options.IncludePairs);

        var plan = new List<string[]>(options.IncludePairs ? steps.Length * (steps.Length + 1) / 2 : steps.Length);
        foreach (var id in steps) plan.Add([id]);
        if (options.IncludePairs)
        {
            for (var i = 0; i < steps.Length; i++)
            {
                for (var j = i + 1; j < steps.Length; j++) plan.Add([steps[i], steps[j]]);
            }
        }

        // Runs share nothing mutable, so they can run side by side; each lands in its own slot, keeping the order deterministic.
        var points = new FaultPoint[plan.Count];
        try
        {
            Parallel.For(0, plan.Count, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
                i => points[i] = Point(scenario, baseOptions, options.Status, plan[i]));
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<ScenarioFormatException>().FirstOrDefault() is { } limit)
        {
            // A failure path ran past a per-run limit: report it as the one-line scenario error it is.
            throw limit;
        }
        return new FaultSweepResult(scenario.Name, baseline, steps, points);
    }

    /// <summary>
    /// The number of runs a sweep of <paramref name="fallibleSteps"/> steps needs: one per step, plus one per
    /// unordered pair with <paramref name="includePairs"/>.
    /// </summary>
    public static long RunCount(int fallibleSteps, bool includePairs) =>
        includePairs ? (long)fallibleSteps * (fallibleSteps + 1) / 2 : fallibleSteps;

    /// <summary>Refuses, before any failure point runs, a sweep past <see cref="FaultSweepLimits"/>.</summary>
    private static void CheckLimits(Scenario scenario, RunResult baseline, int fallibleSteps, bool includePairs)
    {
        var runs = RunCount(fallibleSteps, includePairs);
        if (runs > FaultSweepLimits.MaxRuns)
        {
            var pairs = includePairs ? $" with pairs ({ScenarioLimits.Format(fallibleSteps)} without)" : "";
            throw new ScenarioFormatException("$",
                $"{ScenarioLimits.Format(fallibleSteps)} fallible steps need {ScenarioLimits.Format(runs)} fault runs{pairs}; allowed: at most {ScenarioLimits.Format(FaultSweepLimits.MaxRuns)} runs in a sweep (FaultSweepLimits.MaxRuns)",
                scenarioName: scenario.Name);
        }
        var events = runs * Math.Max(1, baseline.TraceEventCount);
        if (events > FaultSweepLimits.MaxTotalTraceEvents)
        {
            throw new ScenarioFormatException("$",
                $"{ScenarioLimits.Format(runs)} fault runs of {ScenarioLimits.Format(baseline.TraceEventCount)} trace events each make {ScenarioLimits.Format(events)}; allowed: at most {ScenarioLimits.Format(FaultSweepLimits.MaxTotalTraceEvents)} trace events in a sweep (FaultSweepLimits.MaxTotalTraceEvents)",
                scenarioName: scenario.Name);
        }
    }

    private static FaultPoint Point(Scenario scenario, SimulationOptions baseOptions, NtStatus status, string[] ids)
    {
        var options = baseOptions with { Failures = ids.Select(id => new InjectedFailure(id, status)).ToArray() };
        return new FaultPoint(ids, LifecycleSimulator.Run(scenario, options));
    }
}
