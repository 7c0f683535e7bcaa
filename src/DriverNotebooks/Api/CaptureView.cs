using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks;

/// <summary>
/// A capture's measurements as a notebook shows them: a card per capture with a row per endpoint, the verdict for the
/// charted endpoint when its descriptor is known, and charts of that endpoint.
/// </summary>
/// <param name="Report">The measurements.</param>
/// <param name="Endpoint">Where the charted endpoint's descriptor came from (null when no endpoint was charted).</param>
/// <param name="Verdict">What limited the charted endpoint (null without a descriptor or a transfer).</param>
public sealed record CaptureView(CaptureReport Report, EndpointSource? Endpoint = null, CaptureVerdict? Verdict = null)
{
    /// <summary>The endpoint the charts show: the filtered one, else the one that moved the most bytes.</summary>
    public EndpointMeasurement? Charted => Report.Endpoints.Count == 1 ? Report.Endpoints[0] : Report.Busiest;
}
