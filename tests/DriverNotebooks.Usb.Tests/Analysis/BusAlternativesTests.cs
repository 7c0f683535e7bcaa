namespace DriverNotebooks.Usb.Tests.Analysis;

/// <summary>"What would lift it" is computed once: the report's alternatives are the verdict's remedies and carry the model's own bus limits.</summary>
public sealed class BusAlternativesTests
{
    public static TheoryData<EndpointDescriptor> Endpoints => new()
    {
        new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, 1),
        new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 512, 4),
        new EndpointDescriptor(UsbSpeed.High, TransferType.Isochronous, 1024, 1) { Mult = 2 },
        new EndpointDescriptor(UsbSpeed.Full, TransferType.Interrupt, 32, 8),
        new EndpointDescriptor(UsbSpeed.Full, TransferType.Bulk, 64),
        new EndpointDescriptor(UsbSpeed.Super, TransferType.Interrupt, 1024, 1) { Burst = 2 },
        new EndpointDescriptor(UsbSpeed.Super, TransferType.Isochronous, 1024, 1) { Burst = 16, Mult = 1 },
        new EndpointDescriptor(UsbSpeed.High, TransferType.Control, 64),
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void The_verdict_suggests_exactly_the_reports_alternatives_in_their_order(EndpointDescriptor endpoint)
    {
        var report = ThroughputAnalysis.Analyze(endpoint);

        Assert.Equal(report.BusAlternatives.Select(a => a.Remedy), report.Verdict.Remedies);
        var position = 0;
        foreach (var alternative in report.BusAlternatives)
        {
            var found = report.Verdict.Text.IndexOf(alternative.Suggestion, position, StringComparison.Ordinal);
            Assert.True(found >= 0, $"the verdict lacks \"{alternative.Suggestion}\" after position {position}: {report.Verdict.Text}");
            position = found + alternative.Suggestion.Length;
        }
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Each_alternative_descriptor_has_the_bus_limit_the_analysis_gives_it_and_that_limit_is_higher(EndpointDescriptor endpoint)
    {
        var report = ThroughputAnalysis.Analyze(endpoint);

        foreach (var alternative in report.BusAlternatives.Where(a => a.Endpoint is not null))
        {
            var changed = ThroughputAnalysis.Analyze(alternative.Endpoint!, null, alternative.Options! with { BulkRateBytesPerSecond = null });
            Assert.Equal(changed.BusLimitBytesPerSecond, alternative.BusLimitBytesPerSecond);
            Assert.True(alternative.BusLimitBytesPerSecond > report.BusLimitBytesPerSecond, $"{alternative.Label} does not lift {report.Endpoint}");
        }
    }

    [Fact]
    public void The_threads_endpoint_is_lifted_by_mult_3_to_24_576_MB_per_second_and_by_a_bulk_endpoint()
    {
        var report = ThroughputAnalysis.Analyze(ThreadScenario.Endpoint);

        Assert.Equal(["mult 3", "bulk, 512 B packets"], report.BusAlternatives.Select(a => a.Label));
        Assert.Equal(24_576_000, report.BusAlternatives[0].BusLimitBytesPerSecond);
    }
}
