using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// What limited one endpoint of a capture, in one line: the verdict every endpoint gets (<see cref="EndpointVerdicts"/>),
/// beside the one the charted endpoint gets in full.
/// </summary>
/// <param name="Endpoint">The measured endpoint.</param>
/// <param name="LimitedBy">The verdict; <see cref="MeasuredLimit.Undetermined"/> for fewer than <see cref="CaptureVerdict.MinTransfers"/>
/// transfers or numbers no rule fits; null when none could be decided (no descriptor for the endpoint, or one the model rejects).</param>
/// <param name="Evidence">One line: the rule's evidence with its numbers (<see cref="CaptureVerdict.Reason"/>), <c>too few transfers: …</c>
/// with the count, or why there is no verdict.</param>
/// <param name="Source">Where the endpoint's descriptor came from; null when it was not looked up (too few transfers).</param>
/// <param name="Verdict">The decision itself, with the model at the measured point: <see cref="VerdictDetail.Full"/> for the
/// charted endpoint, <see cref="VerdictDetail.Analytic"/> for the others; null when none was decided.</param>
public sealed record EndpointVerdict(EndpointMeasurement Endpoint, MeasuredLimit? LimitedBy, string Evidence, EndpointSource? Source, CaptureVerdict? Verdict)
{
    /// <summary>True when the endpoint had too few transfers for a verdict.</summary>
    public bool TooFewTransfers => Endpoint.Transfers < CaptureVerdict.MinTransfers;

    /// <summary>The verdict as a table cell shows it: <c>pipeline-limited</c>, <c>undetermined</c>, <c>too few transfers (8)</c>
    /// or <c>no verdict</c>.</summary>
    public string Label =>
        TooFewTransfers ? $"too few transfers ({Endpoint.Transfers.ToString("N0", CultureInfo.InvariantCulture)})"
        : LimitedBy is { } limit ? CaptureVerdict.Label(limit).ToLowerInvariant()
        : "no verdict";

    /// <summary>
    /// The one-line verdict of <paramref name="m"/> from what was found for it: too few transfers first (whatever the
    /// descriptor), then the decided <paramref name="verdict"/>, else why <paramref name="source"/> gave none.
    /// </summary>
    public static EndpointVerdict From(EndpointMeasurement m, EndpointSource? source, CaptureVerdict? verdict)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Transfers < CaptureVerdict.MinTransfers)
            return new EndpointVerdict(m, MeasuredLimit.Undetermined, TooFew(m.Transfers), source, verdict);
        if (verdict is not null) return new EndpointVerdict(m, verdict.LimitedBy, verdict.Reason, source, verdict);
        return new EndpointVerdict(m, null, $"no verdict: {source?.Missing ?? "no descriptor for the endpoint"}", source, null);
    }

    /// <summary><c>too few transfers: 8 paired; a verdict needs at least 20</c>.</summary>
    public static string TooFew(long transfers) =>
        $"too few transfers: {transfers:N0} paired; a verdict needs at least {CaptureVerdict.MinTransfers}";
}
