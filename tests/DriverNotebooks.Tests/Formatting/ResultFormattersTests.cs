using DriverNotebooks.Charts;
using DriverNotebooks.Commands.Kmdf;
using DriverNotebooks.Formatting;
using DriverNotebooks.Kmdf;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Tests.Formatting;

/// <summary>Every result type a notebook can display has an HTML and a text formatter that tell the same facts.</summary>
public class ResultFormattersTests
{
    private static readonly UsbReader Reader = Throughput.HighSpeed.Interrupt(1024).ContinuousReader(transfer: 1024, pending: 4, turnaround: "100us");
    private static readonly Scenario Driver = Lifecycle.BuiltIn("cleanup-in-evtdriverunload");

    public static TheoryData<string, object, string> Results() => new()
    {
        { "ThroughputView", Reader.Analyze(), "Device-limited at 8.192 MB/s" },
        { "ThroughputReport", Reader.Analyze().Report, "Device-limited at 8.192 MB/s" },
        { "UsbReader", Reader, "Device-limited at 8.192 MB/s" },
        { "UsbEndpoint", Throughput.ThreadEndpoint, "The bus allows 8.192 MB/s" },
        { "SimulationView", Reader.Simulate(duration: "100ms"), "Delivered 8.192 MB/s" },
        { "SimulationResult", Reader.Simulate(duration: "100ms").Result, "Delivered 8.192 MB/s" },
        { "SweepView", Reader.Sweep(pending: "1..3", seeds: 1, duration: "50ms"), "Best point: 8.192 MB/s" },
        { "SweepResult", Reader.Sweep(pending: "1..3", seeds: 1, duration: "50ms").Result, "Best point: 8.192 MB/s" },
        { "AdmissionResult", PeriodicAdmission.Check(UsbSpeed.High, Enumerable.Repeat(new EndpointDescriptor(UsbSpeed.High, TransferType.Isochronous, 1024), 5).ToArray()), "Endpoint 5 (high-speed isochronous IN, 1024 B × 1, bInterval 1) does not fit" },
        { "LifecycleReport", Lifecycle.Run(Driver), "The driver leaks gBuffer and leaves the WDM lookaside list gLookaside on the system-wide list" },
        { "RunResult", Lifecycle.Run(Driver).Run, "The driver leaks gBuffer and leaves the WDM lookaside list gLookaside on the system-wide list" },
        { "FaultSweepResult", Lifecycle.Faults(Driver), "what leaks at some point: gBuffer, gLookaside" },
        { "PatternMatrixResult", Lifecycle.Patterns(), "combinations have findings" },
        { "KmdfScenarioCatalog", new KmdfScenarioCatalog(BuiltInScenarios.All), "built-in KMDF scenarios" },
        { "ScanReport", DriverNotebooks.Kmdf.Scan.KmdfSourceScanner.Scan([Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", "cleanup-in-unload")]), "2 findings in 1 of 1 drivers" },
    };

    [Theory]
    [MemberData(nameof(Results))]
    public void The_html_shows_the_verdict_and_a_chart_and_the_text_shows_the_same_verdict(string type, object value, string verdict)
    {
        var outputs = NotebookFormatters.Format(value);

        var html = Assert.Single(outputs, o => o.MimeType == "text/html").Text;
        var text = Assert.Single(outputs, o => o.MimeType == "text/plain").Text;
        Assert.Contains("class=\"dn-result\"", html);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(verdict), html);
        Assert.Contains(verdict, text);
        Assert.DoesNotContain("<div", text);
        if (type != "KmdfScenarioCatalog") Assert.True(ChartHtml.ContainsChart(html), $"{type} has no chart");
    }

    [Fact]
    public void A_bulk_card_shows_the_measured_host_range_with_its_citation_and_what_to_expect_there()
    {
        var text = Assert.Single(NotebookFormatters.Format(Throughput.HighSpeed.Bulk(512).ContinuousReader(4096, 2, "100us").Analyze()),
            o => o.MimeType == "text/plain").Text;

        Assert.Contains("Bulk rate on measured hosts", text, StringComparison.Ordinal);
        Assert.Contains("40–41 MB/s [S22c][S10] against the spec's 53.248 MB/s", text, StringComparison.Ordinal);
        Assert.Contains("Expected on measured hosts", text, StringComparison.Ordinal);
        Assert.Contains("40 MB/s, limited by the host", text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_simulation_cards_busy_idle_and_no_packet_intervals_add_up_to_every_simulated_interval()
    {
        var view = Reader with { Pipeline = Reader.Pipeline with { PendingReads = 2 } };
        var text = Assert.Single(NotebookFormatters.Format(view.Simulate("p50=80us,p99=600us", "100ms", 1, "8MB/s", 4096)), o => o.MimeType == "text/plain").Text;

        var line = text.Split('\n').Single(l => l.Contains("Intervals busy / idle / device had no packet", StringComparison.Ordinal));
        var numbers = System.Text.RegularExpressions.Regex.Matches(line.Split("packet", 2)[1], @"[0-9][0-9,]*(?=\s|$)")
            .Take(4).Select(m => long.Parse(m.Value.Replace(",", ""), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(4, numbers.Length);
        Assert.Equal(numbers[3], numbers[0] + numbers[1] + numbers[2]);
        Assert.Contains("busy,", line, StringComparison.Ordinal);
    }
}
