using DriverNotebooks.Usb.Captures;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>The chart of a capture's bus view (USB 2.0 packets): each endpoint's transactions stacked by how they ended.</summary>
public static class CaptureBusCharts
{
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
