namespace DriverNotebooks.Usb;

/// <summary>
/// Which ceiling a bulk or control analysis predicts with when no rate is given: the specification's bus budget
/// (the default) or the rate published measurements reached on real hosts (<see cref="PublishedBulkRates"/>).
/// </summary>
public enum BulkCeiling
{
    /// <summary>The spec's budget (HS: 13 × 512 B per microframe; SS: line rate less framing).</summary>
    Spec,

    /// <summary>The low end of the published host measurements for the endpoint's speed and direction.</summary>
    MeasuredHosts,
}

/// <summary>
/// The rule "a bulk endpoint on a real host gets the measured rate, not the spec's": what a user should expect beside
/// what the specification allows. Published measurements sit 17–38 % under the spec ceilings (HS bulk IN about
/// 40–41 MB/s [S22c][S10], OUT 33–39 MB/s [S22d][S10], SuperSpeed Gen 1 320–400 MB/s [S22g][S24c][S24d]); this
/// applies the low end of that range as the ceiling B of the same pipeline model, X = min(B, N·L / (L/B + T)).
/// </summary>
/// <remarks>
/// The low end is used because every cited host reached it; the range is always shown with it. Speeds without
/// a published figure (low, full, SuperSpeedPlus) and periodic endpoints get no expectation: their ceilings are
/// reservations the host honours, not best-effort shares. One place for this rule: the analysis, its verdict, the
/// card and the chart all read it from <see cref="ThroughputReport.HostRate"/>.
/// </remarks>
/// <param name="SpecCeilingBytesPerSecond">What the spec's budget allows the endpoint.</param>
/// <param name="Published">The measured range, its sources and their keys.</param>
/// <param name="CeilingBytesPerSecond">The host's ceiling used for the prediction: the low end of the range (never above the spec ceiling).</param>
/// <param name="PipelineLimitBytesPerSecond">The pipeline model with the host's ceiling as B; null without a pipeline.</param>
/// <param name="ExpectedBytesPerSecond">What to expect on a real host: min(host ceiling, pipeline limit).</param>
/// <param name="LimitedBy">Which binds against the host's figure (<see cref="LimitedBy.Bus"/> here means the host's rate); null without a pipeline.</param>
/// <param name="PendingReadsForCeiling">Smallest N that reaches the host's ceiling with this L and T; null without a pipeline.</param>
public sealed record HostRateExpectation(
    double SpecCeilingBytesPerSecond,
    PublishedBulkRate Published,
    double CeilingBytesPerSecond,
    double? PipelineLimitBytesPerSecond,
    double ExpectedBytesPerSecond,
    LimitedBy? LimitedBy,
    long? PendingReadsForCeiling)
{
    /// <summary>The label the card, chart and verdict use for the measured figure.</summary>
    public const string Label = "measured hosts";

    /// <summary>Both figures in one clause: <c>the spec allows 53.248 MB/s; measured hosts reach about 40–41 MB/s [S22c][S10]</c>.</summary>
    public string Summary =>
        $"the spec allows {Quantities.FormatRate(SpecCeilingBytesPerSecond)}; {Label} reach about {Published.Range} {Published.Keys}";

    /// <summary>The expectation for <paramref name="endpoint"/> read by <paramref name="pipeline"/>, or null where the rule does not apply.</summary>
    internal static HostRateExpectation? For(ValidatedEndpoint endpoint, double specCeiling, ValidatedPipeline? pipeline)
    {
        if (endpoint.Type != TransferType.Bulk) return null;
        if (PublishedBulkRates.For(endpoint.Speed, endpoint.Direction) is not { } published) return null;
        var ceiling = Math.Min(published.LowBytesPerSecond, specCeiling);
        if (pipeline is null) return new HostRateExpectation(specCeiling, published, ceiling, null, ceiling, null, null);
        var pipe = pipeline.Bulk(ceiling, endpoint.MaxPacketSize);
        var limit = pipe.BytesPerSecond < ceiling ? Usb.LimitedBy.Pipeline : Usb.LimitedBy.Bus;
        return new HostRateExpectation(specCeiling, published, ceiling, pipe.BytesPerSecond, Math.Min(ceiling, pipe.BytesPerSecond), limit,
            pipe.PendingReadsForCeiling);
    }
}
