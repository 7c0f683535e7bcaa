using System.Text.Json;
using DriverNotebooks.Charts;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Tests.Usb;

/// <summary>
/// <c>#!usb-capture</c> and <c>UsbCapture.Load</c> on a hardware analyser's capture (link type 288): the engine's bus
/// view in the JSON and on the card, which says why there is no pipeline verdict and what it shows instead.
/// </summary>
public sealed class CaptureBusViewTests
{
    private static readonly string Capture = Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "Captures", "TestData", "packetry_split-nyet.pcap");

    [Fact]
    public void The_magic_command_reports_the_engines_transactions_and_NAK_share_per_endpoint()
    {
        var result = MagicCommands.Run($"#!usb-capture {Capture} --device 0:3 --endpoint 0x80 --json");
        Assert.True(result.Succeeded, result.Error);
        var json = JsonDocument.Parse((string)Assert.Single(result.Values)).RootElement;
        var engine = Assert.Single(CaptureAnalysis.Analyze(Capture, new CaptureFilter(0, 3, 0x80)).Bus!.Endpoints);

        Assert.Empty(json.GetProperty("endpoints").EnumerateArray());
        var bus = json.GetProperty("bus");
        Assert.Equal("high", bus.GetProperty("speed").GetString());
        var endpoint = Assert.Single(bus.GetProperty("endpoints").EnumerateArray().ToList());
        Assert.Equal(("0:3", "0x80", "control"), (endpoint.GetProperty("device").GetString(), endpoint.GetProperty("endpoint").GetString(), endpoint.GetProperty("splitType").GetString()));
        Assert.Equal((engine.Transactions, engine.Naks, engine.Nyets, engine.Bytes),
            (endpoint.GetProperty("transactions").GetInt64(), endpoint.GetProperty("naks").GetInt64(), endpoint.GetProperty("nyets").GetInt64(), endpoint.GetProperty("bytes").GetInt64()));
        Assert.Equal(engine.NakShare, endpoint.GetProperty("nakShare").GetDouble());
    }

    [Fact]
    public void The_card_leads_with_the_NAK_evidence_and_says_why_there_is_no_pipeline_verdict()
    {
        var view = UsbCapture.Load(Capture);
        var outputs = NotebookFormatters.FormatOutputs(view);
        var text = Assert.Single(outputs[0], o => o.MimeType == "text/plain").Text;
        var busiest = view.Report.Bus!.Busiest!;

        Assert.Null(view.Verdict);
        Assert.Contains($"{busiest.DeviceName} endpoint {busiest.EndpointName} (control IN) had the most traffic: {busiest.Transactions:N0} transactions", text, StringComparison.Ordinal);
        Assert.Contains(CaptureBusCards.Evidence(busiest), text, StringComparison.Ordinal);
        Assert.Contains("so the pipeline verdict is not available", text, StringComparison.Ordinal);
        Assert.Contains(view.Report.Bus.TimingNote, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_charts_stack_each_endpoints_transactions_by_how_they_ended_and_follow_them_over_time()
    {
        var view = UsbCapture.Load(Capture);
        var outputs = NotebookFormatters.FormatOutputs(view);
        Assert.True(view.Report.Bus!.TimingConfirmed);
        Assert.Equal(3, outputs.Count);
        Assert.Contains("Transactions and NAKs over time", Assert.Single(outputs[2], o => o.MimeType == "text/html").Text, StringComparison.Ordinal);
        var html = Assert.Single(outputs[1], o => o.MimeType == "text/html").Text;
        Assert.True(ChartHtml.ContainsChart(html));
        Assert.Contains("Transactions per endpoint, by how they ended", html, StringComparison.Ordinal);
        var busiest = view.Report.Bus!.Busiest!;
        Assert.Contains($"{busiest.DeviceName} {busiest.EndpointName}", html, StringComparison.Ordinal);
    }
}
