using DriverNotebooks.Charts;
using DriverNotebooks.Usb;
using Plotly.NET;

namespace DriverNotebooks.Tests.Charts;

/// <summary>The chart of what would lift the bus limit draws the analysis's own alternatives, the ones the verdict names.</summary>
public sealed class ThroughputChartTests
{
    [Theory]
    [InlineData(UsbSpeed.High, TransferType.Interrupt, 512, 4)]
    [InlineData(UsbSpeed.Full, TransferType.Interrupt, 32, 8)]
    [InlineData(UsbSpeed.Super, TransferType.Interrupt, 1024, 1)]
    public void The_bars_are_this_descriptor_and_each_alternative_with_a_bus_limit(UsbSpeed speed, TransferType type, int maxPacket, int interval)
    {
        var report = ThroughputAnalysis.Analyze(new EndpointDescriptor(speed, type, maxPacket, interval));

        var html = GenericChart.toChartHTML(ThroughputChart.Create(new ThroughputView(report)));

        var expected = report.BusAlternatives.Where(a => a.BusLimitBytesPerSecond is not null).Select(a => a.Label).Prepend("this descriptor").ToList();
        Assert.True(expected.Count > 1, "the endpoint has no alternative to draw");
        Assert.Contains("[" + string.Join(",", expected.Select(l => $"\"{l}\"")) + "]", html, StringComparison.Ordinal);
        foreach (var outside in report.BusAlternatives.Where(a => a.BusLimitBytesPerSecond is null)) Assert.DoesNotContain($"\"{outside.Label}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_chart_draws_the_measured_host_range_labelled_measured_hosts_with_its_citation()
    {
        var endpoint = Throughput.HighSpeed.Bulk(512);
        var withPipeline = GenericChart.toChartHTML(ThroughputChart.Create(endpoint.ContinuousReader(16384, 4, "100us").Analyze()));
        var ceilings = GenericChart.toChartHTML(ThroughputChart.Create(endpoint.Analyze()));

        Assert.Contains("measured hosts: 40–41 MB/s [S22c][S10]", withPipeline, StringComparison.Ordinal);
        Assert.Contains("pipeline model on measured hosts", withPipeline, StringComparison.Ordinal);
        Assert.Contains("\"measured hosts [S22c][S10]\"", ceilings, StringComparison.Ordinal);
        Assert.Contains("\"40–41 MB/s\"", ceilings, StringComparison.Ordinal);
    }
}
