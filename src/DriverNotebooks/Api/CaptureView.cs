using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks;

/// <summary>A capture's measurements as a notebook shows them: a card per capture with a row per endpoint, and charts of the busiest endpoint.</summary>
public sealed record CaptureView(CaptureReport Report)
{
    /// <summary>The endpoint the charts show: the filtered one, else the one that moved the most bytes.</summary>
    public EndpointMeasurement? Charted => Report.Endpoints.Count == 1 ? Report.Endpoints[0] : Report.Busiest;
}
