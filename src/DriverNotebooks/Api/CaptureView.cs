using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks;

/// <summary>
/// A capture's measurements as a notebook shows them: a card per capture with a row per endpoint, the verdict in full for
/// the charted endpoint when its descriptor is known, a one-line verdict for every endpoint, and charts of the charted one.
/// </summary>
/// <param name="Report">The measurements.</param>
/// <param name="Endpoint">Where the charted endpoint's descriptor came from (null when no endpoint was charted).</param>
/// <param name="Verdict">What limited the charted endpoint, with the simulation and the what-if levers (null without a descriptor or a transfer).</param>
public sealed record CaptureView(CaptureReport Report, EndpointSource? Endpoint = null, CaptureVerdict? Verdict = null)
{
    /// <summary>The endpoint the charts show: the filtered one, else the one that moved the most bytes.</summary>
    public EndpointMeasurement? Charted => Report.Endpoints.Count == 1 ? Report.Endpoints[0] : Report.Busiest;

    /// <summary>
    /// What limited each endpoint, in the order of <see cref="CaptureReport.Endpoints"/>: <see cref="EndpointVerdict.LimitedBy"/>
    /// and its one-line <see cref="EndpointVerdict.Evidence"/>. The charted endpoint's entry holds <see cref="Verdict"/>; the
    /// others are decided from their measurements and the analytic model only (<see cref="VerdictDetail.Analytic"/>), and an
    /// endpoint with fewer than <see cref="CaptureVerdict.MinTransfers"/> transfers says so with its count.
    /// </summary>
    public IReadOnlyList<EndpointVerdict> Verdicts { get; init; } = [];

    /// <summary>The verdict of the endpoint at <paramref name="endpoint"/> (<c>"0x81"</c> or <c>"129"</c>), on <paramref name="device"/>
    /// (<c>"1:5"</c>) when the capture holds it on several devices.</summary>
    /// <exception cref="ArgumentException">Not an endpoint address, no such endpoint, or one on several devices and no device named.</exception>
    public EndpointVerdict VerdictOf(string endpoint, string? device = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        int address;
        try
        {
            address = DriverNotebooks.Usb.EndpointSelection.ParseAddress(endpoint);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"endpoint '{endpoint}': {e.Message}", nameof(endpoint));
        }
        var matches = Verdicts.Where(v => v.Endpoint.EndpointAddress == address && (device is null || v.Endpoint.DeviceName == device)).ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw new ArgumentException($"no endpoint {endpoint}{(device is null ? "" : $" on device {device}")} in the capture; endpoints: {string.Join(", ", Verdicts.Select(v => $"{v.Endpoint.DeviceName} {v.Endpoint.EndpointName}"))}", nameof(endpoint)),
            _ => throw new ArgumentException($"endpoint {endpoint} is on {matches.Count} devices ({string.Join(", ", matches.Select(v => v.Endpoint.DeviceName))}); name the device", nameof(device)),
        };
    }
}
