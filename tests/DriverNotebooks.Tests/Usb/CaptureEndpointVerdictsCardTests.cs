using DriverNotebooks.Formatting;
using DriverNotebooks.Usb.Captures;
using DriverNotebooks.Usb.Tests.Captures;

namespace DriverNotebooks.Tests.Usb;

/// <summary>
/// <c>UsbCapture.Load</c> and its card give every endpoint its verdict: a high-speed device whose three bulk IN endpoints
/// are read three ways (<see cref="SyntheticDeviceCapture"/>) shows three verdicts, one line each, in a table narrow enough
/// for the handout's page; the charted endpoint keeps its verdict in full.
/// </summary>
public sealed class CaptureEndpointVerdictsCardTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _capture;

    public CaptureEndpointVerdictsCardTests()
    {
        static long AtSpecRate(long bytes) => (long)Math.Round(bytes / 53_248_000.0 * 1e9);
        _capture = _folder.File("device.pcap");
        using var file = File.Create(_capture);
        SyntheticDeviceCapture.Write(file,
        [
            (new SyntheticReaderCapture(2, 16384, AtSpecRate(16384), 1_000_000, Endpoint: 0x81), 4000),
            (new SyntheticReaderCapture(4, 16384, 2_000_000, 50_000, Endpoint: 0x82), 3000),
            (new SyntheticReaderCapture(1, 512, AtSpecRate(512), 10_000_000, Endpoint: 0x83), 400),
        ]);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_csharp_api_gives_each_endpoint_its_verdict_and_the_charted_one_keeps_its_levers()
    {
        var view = UsbCapture.Load(_capture);

        Assert.Equal(0x81, view.Charted!.EndpointAddress);
        Assert.Equal(MeasuredLimit.Pipeline, view.VerdictOf("0x81").LimitedBy);
        Assert.Same(view.Verdict, view.VerdictOf("0x81").Verdict);
        Assert.NotEmpty(view.Verdict!.WhatIfs);
        Assert.Equal(MeasuredLimit.Device, view.VerdictOf("0x82").LimitedBy);
        Assert.Equal(MeasuredLimit.Device, view.VerdictOf("130", device: "1:5").LimitedBy);
        Assert.Equal(MeasuredLimit.Application, view.VerdictOf("0x83").LimitedBy);
        Assert.Empty(view.VerdictOf("0x83").Verdict!.WhatIfs);
        Assert.Equal(view.Report.Endpoints, view.Verdicts.Select(v => v.Endpoint));
        var e = Assert.Throws<ArgumentException>(() => view.VerdictOf("0x84"));
        Assert.StartsWith("no endpoint 0x84 in the capture; endpoints: 1:5 0x80, 1:5 0x81, 1:5 0x82, 1:5 0x83", e.Message);
        Assert.StartsWith("endpoint '0x31': not an endpoint address; allowed: 0x00–0x0f (OUT) or 0x80–0x8f (IN)", Assert.Throws<ArgumentException>(() => view.VerdictOf("0x31")).Message);
    }

    [Fact]
    public void The_csharp_api_takes_the_descriptors_from_a_dump_as_from_does()
    {
        var capture = _folder.File("no-enumeration.pcap");
        using (var file = File.Create(capture))
        {
            SyntheticDeviceCapture.Write(file, [(new SyntheticReaderCapture(4, 16384, 2_000_000, 50_000, Endpoint: 0x82), 3000)], enumerate: false);
        }
        var (device, configuration) = SyntheticDeviceCapture.Descriptors(0x82);
        var dump = _folder.File("descriptors");
        File.WriteAllBytes(dump, [.. device, .. configuration]);

        Assert.Null(UsbCapture.Load(capture).VerdictOf("0x82").LimitedBy);
        var view = UsbCapture.Load(capture, from: dump, speed: "high");
        Assert.Equal(MeasuredLimit.Device, view.VerdictOf("0x82").LimitedBy);
        Assert.EndsWith("high-speed, as given", view.Endpoint!.Source);
    }

    [Fact]
    public void The_card_lists_each_endpoints_verdict_one_line_each_in_a_printed_three_column_table()
    {
        var card = CaptureCards.Capture(UsbCapture.Load(_capture));

        var text = card.ToText();
        Assert.Contains("What limited each endpoint", text);
        Assert.Matches(@"1:5 0x81 bulk IN +pipeline-limited +2 request\(s\) in flight", text);
        Assert.Matches(@"1:5 0x82 bulk IN +device-limited +requests stayed in flight .* the device had no data", text);
        Assert.Matches(@"1:5 0x83 bulk IN +application-limited +one request at a time", text);
        Assert.Contains($"Too few transfers for a verdict (it needs at least {CaptureVerdict.MinTransfers}): 1:5 0x80 (2).", text);

        var html = card.ToHtml();
        var table = html[html.IndexOf("<caption>What limited each endpoint</caption>", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Equal(3, CountOf(table[..table.IndexOf("</thead>", StringComparison.Ordinal)], "</th>"));
        // Printed: not inside a collapsed details element, which a handout leaves out.
        var before = html[..html.IndexOf("<caption>What limited each endpoint</caption>", StringComparison.Ordinal)];
        Assert.Equal(CountOf(before, "</details>"), CountOf(before, "<details"));
    }

    [Fact]
    public void A_verdict_table_whose_one_row_repeats_the_charted_verdict_stays_out_of_print()
    {
        var html = CaptureCards.Capture(UsbCapture.Load(_capture, endpoint: "0x82")).ToHtml();

        Assert.Contains("<details class=\"dn-details\"><summary>What limited each endpoint</summary>", html);
        Assert.DoesNotContain("Too few transfers", html);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
