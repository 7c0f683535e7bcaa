namespace DriverNotebooks.Usb;

public sealed partial class ReaderSimulator
{
    /// <summary>Turns raw counters into the public result.</summary>
    private SimulationResult BuildResult(SimulationPlan plan, RunTotals t, TimelineRecorder? recorder)
    {
        var p = plan.Period.Seconds;
        var seconds = plan.TotalIntervals * p;
        var delivered = t.DeliveredPackets * plan.MaxPacket;
        var latency = Summarize(plan, t);
        SimulationTimeline? timeline = null;
        if (recorder is not null)
        {
            timeline = new SimulationTimeline(recorder.IntervalsPerBucket, recorder.IntervalsPerBucket * p,
                recorder.Build(p, plan.MaxPacket, FixedBits), LatencyBins(plan, t, plan.Settings.Timeline!.LatencyBins));
        }
        return new SimulationResult
        {
            Settings = plan.Settings,
            EffectivePendingReads = plan.PendingReads,
            ServicePeriodSeconds = p,
            BytesPerInterval = plan.BytesPerInterval,
            IntervalsPerRequest = plan.IntervalsPerRequest,
            SimulatedIntervals = plan.TotalIntervals,
            SimulatedSeconds = seconds,
            DeliveredBytes = delivered,
            ThroughputBytesPerSecond = delivered / seconds,
            CompletedRequests = t.Completed,
            BusyIntervals = t.Busy,
            IdleIntervals = t.Idle,
            LostOpportunities = t.Lost,
            StarvedIntervals = t.Starved,
            ProducedBytes = (long)(((Int128)plan.ProductionFixed * plan.TotalIntervals) >> FixedBits),
            DroppedBytes = t.DroppedFixed >> FixedBits,
            FinalFifoFillBytes = t.FinalFillFixed >> FixedBits,
            Latency = latency,
            BusLimitBytesPerSecond = plan.BusLimit,
            Ceiling = plan.Ceiling,
            MeanLostIntervalsPerRequest = plan.MeanLostIntervals,
            AnalyticBytesPerSecond = plan.Analytic,
            AnalyticLimitedBy = plan.AnalyticLimitedBy,
            Timeline = timeline,
            Warnings = plan.Warnings,
        };
    }

    /// <summary>Latency statistics in seconds from the histogram and the exact sum, minimum and maximum.</summary>
    internal LatencySummary Summarize(SimulationPlan plan, RunTotals t)
    {
        if (t.Completed == 0) return new LatencySummary(0, 0, 0, 0, 0, 0);
        var p = plan.Period.Seconds;
        Span<double> at = stackalloc double[3];
        _histogram.Percentiles([0.50, 0.90, 0.99], at, t.Completed, t.LatencyMin, t.LatencyMax);
        return new LatencySummary(t.Completed, at[0] * p, at[1] * p, at[2] * p, t.LatencyMax * p, t.LatencySum / t.Completed * p);
    }

    private IReadOnlyList<LatencyBin> LatencyBins(SimulationPlan plan, RunTotals t, int bins)
    {
        var p = plan.Period.Seconds;
        var counts = new long[bins];
        var width = t.LatencyMax > 0 ? t.LatencyMax / bins : 1;
        var hist = _histogram.Counts;
        for (var i = 0; i < hist.Length; i++)
        {
            if (hist[i] == 0) continue;
            var middle = Math.Clamp(LatencyHistogram.Middle(i), t.LatencyMin, t.LatencyMax);
            var b = Math.Min(bins - 1, (int)(middle / width));
            counts[b] += hist[i];
        }
        var result = new LatencyBin[bins];
        for (var b = 0; b < bins; b++) result[b] = new LatencyBin(b * width * p, (b + 1) * width * p, counts[b]);
        return result;
    }
}
