namespace DriverNotebooks.Usb;

/// <summary>
/// The analytic entry point: validate, decode, compute the bus limit and the pipeline limit, take the minimum,
/// and write the verdict. Pure: the same inputs give the same report.
/// </summary>
public static class ThroughputAnalysis
{
    /// <summary>Analyses <paramref name="endpoint"/>, read by <paramref name="pipeline"/> (optional), under <paramref name="options"/>.</summary>
    /// <exception cref="UsbInputException">Any input the policy rejects; see <see cref="EndpointValidator"/>.</exception>
    public static ThroughputReport Analyze(EndpointDescriptor endpoint, PipelineSettings? pipeline = null, AnalysisOptions? options = null)
    {
        options ??= AnalysisOptions.Default;
        var input = EndpointValidator.Validate(endpoint, pipeline, options);
        var e = input.Endpoint;
        var warnings = input.Warnings.ToList();
        var bus = BusLimit.Compute(e, options);

        var chosen = EffectiveCeiling.Resolve(e, bus, options, input.Pipeline, warnings);
        var (ceiling, hostRateGiven, hostRateLabel, expectation) = chosen;

        PipelineLimit? pipe = null;
        LimitedBy? limit = null;
        var throughput = ceiling;
        var p = input.Pipeline;
        if (p is not null)
        {
            pipe = (e.IsPeriodic, p.Settings.DeviceTransferBytes) switch
            {
                (true, null) => PipelineModel.Periodic(p.EffectivePendingReads, p.TransferLength, e.BytesPerInterval, e.Interval.Period, p.Turnaround),
                (true, { } d) => PipelineModel.PeriodicShortTransfers(p.EffectivePendingReads, p.TransferLength, d, e.MaxPacketSize, e.BytesPerInterval, e.Interval.Period, p.Turnaround),
                // Bulk has no per-interval rule: a short packet only makes the request move D bytes.
                _ => p.Bulk(ceiling, e.MaxPacketSize),
            };
            limit = pipe.BytesPerSecond < ceiling ? LimitedBy.Pipeline : LimitedBy.Bus;
            throughput = Math.Min(ceiling, pipe.BytesPerSecond);
        }

        var alternatives = BusAlternatives.For(e, bus, ceiling, hostRateGiven, options);
        return new ThroughputReport
        {
            Endpoint = endpoint,
            Pipeline = pipeline,
            Options = options,
            Policy = options.Policy,
            Stuffing = options.Stuffing,
            BulkRateBytesPerSecond = options.BulkRateBytesPerSecond,
            EffectiveType = e.Type,
            EffectiveMaxPacketSize = e.MaxPacketSize,
            BusLimitBytesPerSecond = bus.BytesPerSecond,
            ServicePeriodSeconds = bus.ServicePeriod.Seconds,
            ServicePeriodNativeIntervals = e.IsPeriodic ? e.Interval.NativeIntervals : 1,
            IntervalRule = e.Interval.Rule,
            BytesPerInterval = bus.BytesPerInterval,
            TransactionsPerInterval = bus.TransactionsPerInterval,
            TransactionBusTimeNanoseconds = bus.TransactionBusTimeNanoseconds,
            SpecTransactionBusTimeNanoseconds = bus.SpecTransactionBusTimeNanoseconds,
            BusLimitDerivation = bus.Derivation,
            PipelineLimitBytesPerSecond = pipe?.BytesPerSecond,
            EffectivePendingReads = p?.EffectivePendingReads,
            IntervalsPerRequest = pipe?.IntervalsPerRequest,
            LostIntervalsPerRequest = pipe?.LostIntervalsPerRequest is { } s ? (long)s : null,
            TurnaroundBudgetSeconds = pipe?.TurnaroundBudget.Seconds,
            PendingReadsForCeiling = pipe?.PendingReadsForCeiling,
            TransferLengthForCeiling = pipe?.TransferLengthForCeiling,
            ThroughputBytesPerSecond = throughput,
            LimitedBy = limit,
            Warnings = warnings,
            BusAlternatives = alternatives,
            HostRate = expectation,
            Verdict = Verdict.For(e, bus, ceiling, p, pipe, limit, hostRateGiven, alternatives, hostRateLabel,
                options.BulkRateBytesPerSecond is null && options.BulkCeiling == BulkCeiling.Spec ? expectation : null),
        };
    }

    /// <summary>Convenience overload with the policy and stuffing given directly.</summary>
    public static ThroughputReport Analyze(EndpointDescriptor endpoint, PipelineSettings? pipeline, PollingPolicy policy, BitStuffing stuffing = BitStuffing.None) =>
        Analyze(endpoint, pipeline, new AnalysisOptions { Policy = policy, Stuffing = stuffing });
}
