namespace DriverNotebooks.Usb;

/// <summary>
/// Runs a grid of simulations on every core. Jobs (grid point × seed) are dealt to workers by a fixed stride
/// (worker w runs jobs w, w + W, …), each worker owns its simulator, and every result lands in its own slot:
/// the table does not depend on scheduling or on the number of workers.
/// </summary>
public static class Sweep
{
    /// <summary>Runs <paramref name="settings"/>.</summary>
    /// <exception cref="UsbInputException">Empty lists, a bad seed count, or settings a run rejects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; every worker stops within a few milliseconds.</exception>
    public static SweepResult Run(SweepSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.PendingReads is not { Count: > 0 })
            throw new UsbInputException(UsbInputField.Pending, "(none)", "one or more values", "the sweep needs at least one pending-reads value; allowed: one or more values");
        if (settings.Turnarounds is not { Count: > 0 })
            throw new UsbInputException(UsbInputField.Turnaround, "(none)", "one or more distributions", "the sweep needs at least one turnaround; allowed: one or more distributions");
        if (settings.TransferLengths is { Count: 0 })
            throw new UsbInputException(UsbInputField.Transfer, "(none)", "one or more lengths", "the sweep needs at least one transfer length; allowed: one or more lengths");
        if (settings.Seeds is < 1 or > 100_000)
            throw UsbInputException.NotAllowed(UsbInputField.Seeds, "seeds", settings.Seeds.ToString(), "for a sweep", "1–100000");

        var endpoint = EndpointValidator.Validate(settings.Endpoint, null, settings.Options).Endpoint;
        var lengths = settings.TransferLengths ?? [endpoint.BytesPerInterval];
        var warnings = new List<string>();
        var points = new List<Point>();
        foreach (var turnaround in settings.Turnarounds)
        foreach (var length in lengths)
        foreach (var pending in settings.PendingReads)
            points.Add(Prepare(settings, endpoint, pending, length, turnaround, warnings));

        var seeds = SimulationPlan.Simulates(endpoint.Type) ? settings.Seeds : 0;
        var jobs = points.Count * seeds;
        var throughput = new double[jobs];
        var idleFraction = new double[jobs];
        var p99 = new double[jobs];
        var workers = Math.Max(1, Math.Min(settings.MaxDegreeOfParallelism ?? Environment.ProcessorCount, jobs));
        try
        {
            Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken }, w =>
            {
                var simulator = new ReaderSimulator();
                for (var job = w; job < jobs; job += workers)
                {
                    var plan = points[job / seeds].Plan!;
                    var totals = simulator.Execute(plan, settings.FirstSeed + (ulong)(job % seeds), null, cancellationToken);
                var seconds = plan.TotalIntervals * plan.Period.Seconds;
                    throughput[job] = totals.DeliveredPackets * (double)plan.MaxPacket / seconds;
                    idleFraction[job] = totals.Idle / (double)plan.TotalIntervals;
                    p99[job] = simulator.Summarize(plan, totals).P99Seconds;
                }
            });
        }
        catch (AggregateException e) when (cancellationToken.IsCancellationRequested && e.InnerExceptions.All(i => i is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellationToken);
        }

        var rows = new SweepRow[points.Count];
        long intervals = 0;
        for (var i = 0; i < points.Count; i++)
        {
            var pt = points[i];
            double? mean = null, min = null, max = null, idle = null, latency = null;
            if (seeds > 0)
            {
                var slice = new ArraySegment<double>(throughput, i * seeds, seeds);
                mean = slice.Average();
                min = slice.Min();
                max = slice.Max();
                idle = new ArraySegment<double>(idleFraction, i * seeds, seeds).Average();
                latency = new ArraySegment<double>(p99, i * seeds, seeds).Average();
                intervals += pt.Plan!.TotalIntervals * seeds;
            }
            rows[i] = new SweepRow(pt.Pending, pt.EffectivePending, pt.Length, pt.Turnaround.Describe(), pt.Turnaround.Median.Seconds,
                pt.Turnaround.MeanSeconds, pt.Bus, pt.Analytic, pt.Limit, mean, min, max, idle, latency, seeds);
        }
        return new SweepResult(settings, rows, intervals, warnings.Distinct().ToArray());
    }

    private sealed record Point(int Pending, int EffectivePending, long Length, TurnaroundDistribution Turnaround,
        double Bus, double Analytic, LimitedBy Limit, SimulationPlan? Plan);

    private static Point Prepare(SweepSettings s, ValidatedEndpoint endpoint, int pending, long length, TurnaroundDistribution turnaround, List<string> warnings)
    {
        if (SimulationPlan.Simulates(endpoint.Type))
        {
            var plan = SimulationPlan.Create(new SimulationSettings(s.Endpoint, pending, length, turnaround)
            {
                SimulatedTime = s.SimulatedTime,
                Device = s.Device,
                Options = s.Options,
                Queue = s.Queue,
                AllowPendingReadsBeyondFrameworkMax = s.AllowPendingReadsBeyondFrameworkMax,
            });
            warnings.AddRange(plan.Warnings);
            return new Point(pending, plan.PendingReads, length, turnaround, plan.BusLimit, plan.Analytic, plan.AnalyticLimitedBy, plan);
        }
        var report = ThroughputAnalysis.Analyze(s.Endpoint,
            new PipelineSettings(pending, length, Duration.FromSeconds(turnaround.MeanSeconds))
            {
                Queue = s.Queue,
                AllowPendingReadsBeyondFrameworkMax = s.AllowPendingReadsBeyondFrameworkMax,
            }, s.Options);
        warnings.AddRange(report.Warnings);
        warnings.Add("control endpoints are not simulated; their rows carry the analytic value with the mean turnaround");
        return new Point(pending, report.EffectivePendingReads!.Value, length, turnaround, report.BusLimitBytesPerSecond,
            report.ThroughputBytesPerSecond, report.LimitedBy!.Value, null);
    }
}
