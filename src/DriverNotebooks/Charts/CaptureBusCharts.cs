using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// The charts of a capture's bus view (USB 2.0 packets): each endpoint's transactions stacked by how they ended, and
/// transactions and NAKs over time (when the SOFs confirm the timestamps).
/// </summary>
public static class CaptureBusCharts
{
    public static IEnumerable<GenericChart> Create(BusReport bus)
    {
        if (bus.Endpoints.Count == 0) yield break;
        yield return Transactions(bus);
        if (bus.TimingConfirmed && bus.Series.Count > 1) yield return OverTime(bus);
    }

    public static GenericChart OverTime(BusReport bus)
    {
        var width = bus.Series[0].WidthSeconds;
        var x = bus.Series.Select(b => b.StartSeconds + b.WidthSeconds / 2).ToArray();
        var layout = Figure.Layout($"Transactions and NAKs over time ({Quantities.FormatSeconds(width)} bins)", "time from the capture's start (s)", "per bin");
        return Figure.Chart(layout,
            Figure.Line("transactions", x, bus.Series.Select(b => (double)b.Transactions), Figure.Palette[0], markers: false),
            Figure.Line("NAKed", x, bus.Series.Select(b => (double)b.Naks), Figure.Palette[3], markers: false),
            Figure.Line("payload delivered (kB)", x, bus.Series.Select(b => b.DeliveredBytes / 1e3), Figure.Palette[2], "dot", markers: false));
    }

    public static GenericChart Transactions(BusReport bus)
    {
        var endpoints = bus.Endpoints.OrderByDescending(e => e.Transactions).Take(12).ToList();
        object[] labels = [.. endpoints.Select(e => $"{e.DeviceName} {e.EndpointName}")];
        var layout = Figure.Layout("Transactions per endpoint, by how they ended (NAK: the device had no data or no room)", "device and endpoint", "transactions");
        layout.SetProperty("barmode", "stack");
        (string Name, Func<EndpointTraffic, long> Count)[] outcomes =
        [
            ("ACK", e => e.Acks),
            ("NAK", e => e.Naks),
            ("NYET", e => e.Nyets),
            ("STALL", e => e.Stalls),
            ("data, no handshake", e => e.NoHandshake),
            ("no response, ERR or broken", e => e.NoResponse + e.Errs + e.Broken),
        ];
        var traces = outcomes.Select((o, i) => (Trace)Figure.Bars(o.Name, labels, endpoints.Select(e => (double)o.Count(e)), Figure.Palette[i % Figure.Palette.Length]))
            .ToArray();
        return Figure.Chart(layout, traces);
    }
}
