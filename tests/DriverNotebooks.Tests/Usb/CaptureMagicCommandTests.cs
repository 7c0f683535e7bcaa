using System.Text.Json;
using DriverNotebooks.Charts;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Tests.Usb;

/// <summary><c>#!usb-capture FILE</c> and <c>UsbCapture.Load</c>: the same measurements as the engine, shown as a card and three charts.</summary>
public sealed class CaptureMagicCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly string _capture;

    public CaptureMagicCommandTests()
    {
        _capture = _folder.File("reader.pcap");
        using var file = File.Create(_capture);
        new SyntheticReaderCapture(Pending: 2, TransferBytes: 4096, ServiceNs: 100_000, TurnaroundNs: 300_000).Write(file, 2_000);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void The_magic_command_reports_the_engines_numbers_for_the_endpoint_it_names()
    {
        var result = MagicCommands.Run($"#!usb-capture {_capture} --device 1:5 --endpoint 0x81 --json");
        Assert.True(result.Succeeded, result.Error);
        var json = JsonDocument.Parse((string)Assert.Single(result.Values)).RootElement;
        var engine = Assert.Single(CaptureAnalysis.Analyze(_capture).Endpoints);

        var endpoint = Assert.Single(json.GetProperty("endpoints").EnumerateArray().ToList());
        Assert.Equal("1:5", endpoint.GetProperty("device").GetString());
        Assert.Equal("0x81", endpoint.GetProperty("endpoint").GetString());
        Assert.Equal(engine.Transfers, endpoint.GetProperty("transfers").GetInt64());
        Assert.Equal(engine.SteadyThroughputBytesPerSecond, endpoint.GetProperty("steadyThroughputBytesPerSecond").GetDouble());
        Assert.Equal(2, endpoint.GetProperty("inFlight").GetProperty("max").GetInt32());
    }

    [Fact]
    public void The_csharp_api_displays_as_a_card_and_the_three_capture_charts()
    {
        var view = UsbCapture.Load(_capture, endpoint: "0x81");

        var outputs = NotebookFormatters.FormatOutputs(view);

        Assert.Equal(4, outputs.Count);
        Assert.Contains("1:5 endpoint 0x81 (bulk IN)", Assert.Single(outputs[0], o => o.MimeType == "text/plain").Text, StringComparison.Ordinal);
        Assert.All(outputs.Skip(1), chart => Assert.True(ChartHtml.ContainsChart(Assert.Single(chart, o => o.MimeType == "text/html").Text)));
    }

    [Fact]
    public void A_capture_that_is_not_one_fails_the_cell_with_one_line_naming_the_byte()
    {
        var path = _folder.Write("notes.txt", "not a capture\n");
        var result = MagicCommands.Run($"#!usb-capture {path}");

        Assert.False(result.Succeeded);
        Assert.Equal("#!usb-capture: notes.txt: byte 0: magic number 0x6E6F7420 is not a capture's; allowed: pcap (A1B2C3D4 or A1B23C4D, either byte order), pcapng (0A0D0D0A) or usbmon text lines", result.Error);
    }
}
