namespace DriverNotebooks.Usb.Tests.Analysis;

/// <summary>Published host measurements stay labelled beside the spec ceilings: below them, and usable as the bulk rate.</summary>
public class PublishedBulkRateTests
{
    public static TheoryData<UsbSpeed, TransferDirection, int> Endpoints => new()
    {
        { UsbSpeed.High, TransferDirection.In, 512 },
        { UsbSpeed.High, TransferDirection.Out, 512 },
        { UsbSpeed.Super, TransferDirection.In, 1024 },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void Published_bulk_rates_sit_between_15_and_40_percent_under_the_spec_ceiling_and_are_accepted_as_the_host_bulk_rate(
        UsbSpeed speed, TransferDirection direction, int maxPacket)
    {
        var published = PublishedBulkRates.For(speed, direction);
        Assert.NotNull(published);
        Assert.Contains("[S", published.Source, StringComparison.Ordinal);
        var endpoint = new EndpointDescriptor(speed, TransferType.Bulk, maxPacket) { Direction = direction };
        var ceiling = ThroughputAnalysis.Analyze(endpoint).BusLimitBytesPerSecond;

        Assert.InRange(1 - published.HighBytesPerSecond / ceiling, 0.15, 0.40);
        Assert.InRange(1 - published.LowBytesPerSecond / ceiling, 0.15, 0.40);
        var withHostRate = ThroughputAnalysis.Analyze(endpoint, null, AnalysisOptions.Default with { BulkRateBytesPerSecond = published.LowBytesPerSecond });
        Assert.Equal(published.LowBytesPerSecond, withHostRate.ThroughputBytesPerSecond, 3);
    }

    [Fact]
    public void No_published_rate_is_kept_for_full_speed_or_SuperSpeedPlus()
    {
        Assert.Null(PublishedBulkRates.For(UsbSpeed.Full, TransferDirection.In));
        Assert.Null(PublishedBulkRates.For(UsbSpeed.SuperPlus, TransferDirection.In));
    }
}
