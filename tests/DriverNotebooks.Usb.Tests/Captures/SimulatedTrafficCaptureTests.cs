using DriverNotebooks.TestSupport;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// <c>usb simulate --pcapng</c>: the simulated reader's traffic written as a usbmon pcapng. Read back by the capture
/// analysis it gives the simulation's own numbers; Wireshark reads it without a warning.
/// </summary>
public sealed class SimulatedTrafficCaptureTests
{
    private static readonly EndpointDescriptor HighSpeedInterrupt = new(UsbSpeed.High, TransferType.Interrupt, 1024, 1);

    /// <summary>A pipeline-limited reader: 4 reads of three packets, a lognormal turnaround that often outlasts a read.</summary>
    private static SimulationSettings Reader(SimulationSettings? with = null) => with ?? new SimulationSettings(HighSpeedInterrupt, 4, 3072,
        TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(300), Duration.FromMicroseconds(900)))
    {
        SimulatedTime = Duration.FromMilliseconds(500),
        Seed = 7,
    };

    private static (SimulationResult Result, CaptureReport Report, EndpointMeasurement Reader, byte[] Bytes) ExportAndRead(SimulationSettings settings)
    {
        using var stream = new MemoryStream();
        var result = SimulatedTrafficCapture.Write(settings, stream);
        var bytes = stream.ToArray();
        var report = CaptureAnalysis.Analyze(new MemoryStream(bytes), "simulated.pcapng");
        var reader = Assert.Single(report.Endpoints, e => e.EndpointAddress == SingleEndpointDevice.Address(settings.Endpoint));
        return (result, report, reader, bytes);
    }

    public static TheoryData<string> Readers() => ["always-ready device", "device FIFO"];

    private static SimulationSettings Named(string name) => name == "device FIFO"
        ? Reader() with { Device = new DeviceSource(6_000_000, 4096) }
        : Reader();

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_back_the_capture_has_every_completed_read_of_the_simulation_and_at_most_N_in_flight(string reader)
    {
        var (result, _, m, _) = ExportAndRead(Named(reader));

        Assert.True(result.CompletedRequests > 100, $"the run completes enough reads ({result.CompletedRequests})");
        Assert.Equal(result.CompletedRequests, m.Transfers);
        Assert.Equal(result.CompletedRequests * 3072, m.Bytes);
        Assert.Equal(4, m.InFlight.Max);
        Assert.Equal(0, m.UnmatchedCompletions);
        Assert.Equal(0, m.ShortTransfers);
    }

    [Theory]
    [MemberData(nameof(Readers))]
    public void Read_back_the_capture_gives_the_simulations_latency_and_throughput(string reader)
    {
        var (result, _, m, _) = ExportAndRead(Named(reader));

        // Submit → complete: the mean is exact up to the nanosecond rounding of each time.
        Assert.Equal(result.Latency.MeanSeconds, m.Latency.MeanSeconds, 1e-9);
        Assert.Equal(result.Latency.MaxSeconds, m.Latency.MaxSeconds, 1e-9);
        // Both sides take percentiles from histograms, at about 1 % resolution.
        Assert.InRange(m.Latency.P50Seconds / result.Latency.P50Seconds, 0.98, 1.02);
        Assert.InRange(m.Latency.P99Seconds / result.Latency.P99Seconds, 0.98, 1.02);
        // The simulation divides by the whole simulated time, the capture by first submit to last completion.
        Assert.InRange(m.ThroughputBytesPerSecond / result.ThroughputBytesPerSecond, 0.99, 1.01);
    }

    [Fact]
    public void Read_back_the_capture_gives_the_turnarounds_the_simulation_drew()
    {
        var settings = Reader();
        var (_, _, m, _) = ExportAndRead(settings);

        // Each read comes back under its own URB id, so each resubmit is paired with its own completion.
        Assert.True(m.Turnaround.Count >= m.Transfers - 4, $"{m.Turnaround.Count} turnarounds for {m.Transfers} transfers");
        Assert.InRange(m.Turnaround.P50Seconds, 300e-6 * 0.95, 300e-6 * 1.05);
        Assert.InRange(m.Turnaround.P99Seconds, 900e-6 * 0.85, 900e-6 * 1.15);
    }

    public static TheoryData<string, EndpointDescriptor> Endpoints() => new()
    {
        { "full-speed isochronous 1023 B", new EndpointDescriptor(UsbSpeed.Full, TransferType.Isochronous, 1023, 1) },
        { "high-speed interrupt 1024 B × 3", new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, 1) { Mult = 3 } },
        { "high-speed bulk 512 B", new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0) },
        { "SuperSpeed bulk, bursts of 16", new EndpointDescriptor(UsbSpeed.Super, TransferType.Bulk, 1024, 0) { Burst = 16 } },
        { "SuperSpeed isochronous 1024 B × 4 × 2", new EndpointDescriptor(UsbSpeed.Super, TransferType.Isochronous, 1024, 1) { Burst = 4, Mult = 2 } },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public void The_capture_carries_the_simulated_endpoint_in_its_own_GET_DESCRIPTOR_responses(string name, EndpointDescriptor endpoint)
    {
        var settings = new SimulationSettings(endpoint, 2, endpoint.MaxPacketSize * 4, TurnaroundDistribution.Fixed(Duration.FromMicroseconds(50)))
        {
            SimulatedTime = Duration.FromMilliseconds(20),
            Options = AnalysisOptions.Default with { BulkRateBytesPerSecond = 30_000_000 },
            Queue = RequestQueue.Generic,
        };
        var (_, report, m, _) = ExportAndRead(settings);

        var found = CaptureDescriptors.EndpointFor(report, m);
        var read = Assert.IsType<EndpointDescriptor>(found.Descriptor);
        Assert.True((read.Speed, read.Type, read.MaxPacketSize, read.Interval, read.Mult, read.Burst, read.Direction)
                    == (endpoint.Speed, endpoint.Type, endpoint.MaxPacketSize, endpoint.Interval, endpoint.Mult, endpoint.Burst, endpoint.Direction),
            $"{name}: read back {read}, simulated {endpoint}");
    }

    [Fact]
    public void A_simulated_bulk_reader_read_back_is_pipeline_limited_and_its_model_is_within_10_percent_of_the_measurement()
    {
        // The bar for the verdict: at the measured N and turnaround the model predicts the measured throughput within 10 %.
        var settings = new SimulationSettings(new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0), 2, 4096,
            TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(150), Duration.FromMicroseconds(600)))
        {
            SimulatedTime = Duration.FromSeconds(1),
            Options = AnalysisOptions.Default with { BulkRateBytesPerSecond = 40_000_000 },
        };
        var (result, report, m, _) = ExportAndRead(settings);

        var verdict = CaptureVerdict.Decide(m, CaptureDescriptors.EndpointFor(report, m).Descriptor!);

        Assert.Equal(MeasuredLimit.Pipeline, verdict.LimitedBy);
        Assert.Equal(2, verdict.PendingReads);
        Assert.Equal(4096, verdict.TransferLength);
        Assert.InRange(verdict.ModelDeviation!.Value, -0.10, 0.10);
        Assert.InRange(m.ThroughputBytesPerSecond / result.ThroughputBytesPerSecond, 0.99, 1.01);
    }

    public static TheoryData<string, MeasuredLimit> Limits() => new()
    {
        { "four reads hiding a 100 µs turnaround at the descriptor's ceiling", MeasuredLimit.Bus },
        { "two bulk reads whose turnaround outlasts their transfers", MeasuredLimit.Pipeline },
        { "four reads waiting on a device that produces 2 MB/s", MeasuredLimit.Device },
        { "one read every 2 ms, like a polling loop", MeasuredLimit.Application },
    };

    [Theory]
    [MemberData(nameof(Limits))]
    public void A_simulated_reader_written_as_a_capture_reads_back_with_the_verdict_of_what_limited_it(string reader, MeasuredLimit expected)
    {
        var interrupt = new EndpointDescriptor(UsbSpeed.High, TransferType.Interrupt, 1024, 1);
        var fixedTurnaround = (double us) => TurnaroundDistribution.Fixed(Duration.FromMicroseconds(us));
        var settings = expected switch
        {
            MeasuredLimit.Bus => new SimulationSettings(interrupt, 4, 1024, fixedTurnaround(100)),
            MeasuredLimit.Pipeline => new SimulationSettings(new EndpointDescriptor(UsbSpeed.High, TransferType.Bulk, 512, 0), 2, 4096,
                TurnaroundDistribution.LognormalFromPercentiles(Duration.FromMicroseconds(150), Duration.FromMicroseconds(600)))
            {
                Options = AnalysisOptions.Default with { BulkRateBytesPerSecond = 40_000_000 },
            },
            MeasuredLimit.Device => new SimulationSettings(interrupt, 4, 1024, fixedTurnaround(50)) { Device = new DeviceSource(2_000_000, 4096) },
            _ => new SimulationSettings(interrupt, 1, 1024, fixedTurnaround(2000)),
        };
        var (_, report, m, _) = ExportAndRead(settings with { SimulatedTime = Duration.FromMilliseconds(500) });

        var verdict = CaptureVerdict.Decide(m, CaptureDescriptors.EndpointFor(report, m).Descriptor!);

        Assert.True(expected == verdict.LimitedBy, $"{reader}: read back as {verdict.LimitedBy}: {verdict.Summary}");
    }

    [Fact]
    public void The_same_settings_and_seed_give_a_byte_identical_capture()
    {
        var first = ExportAndRead(Reader()).Bytes;
        var second = ExportAndRead(Reader()).Bytes;
        var otherSeed = ExportAndRead(Reader() with { Seed = 8 }).Bytes;

        Assert.Equal(first, second);
        Assert.NotEqual(first, otherSeed);
    }

    [Fact]
    public void An_export_that_would_pass_the_record_limit_stops_with_one_line_naming_the_limit()
    {
        using var stream = new MemoryStream();

        var error = Assert.Throws<UsbInputException>(() => SimulatedTrafficCapture.Write(Reader(), stream, null, maxRecords: 1000, CancellationToken.None));

        Assert.Equal(UsbInputField.Export, error.Field);
        Assert.Equal("the simulated traffic needs more than 1,000 records (about 0.9 GB of pcapng), the most one export writes; simulate less time or longer transfers", error.Message);
    }

    public static TheoryData<string> WiresharkCases() => ["high-speed interrupt", "full-speed isochronous", "SuperSpeed bulk"];

    [SkippableTheory]
    [MemberData(nameof(WiresharkCases))]
    public void Wireshark_reads_the_export_without_a_warning_and_agrees_on_every_record(string name)
    {
        var settings = name switch
        {
            "high-speed interrupt" => Reader(),
            // Isochronous URBs carry one ISO descriptor per packet, which Wireshark dissects.
            "full-speed isochronous" => new SimulationSettings(new EndpointDescriptor(UsbSpeed.Full, TransferType.Isochronous, 1023, 1), 2, 8184,
                TurnaroundDistribution.Fixed(Duration.FromMicroseconds(300))) { Queue = RequestQueue.Generic },
            _ => new SimulationSettings(new EndpointDescriptor(UsbSpeed.Super, TransferType.Bulk, 1024, 0) { Burst = 16 }, 2, 65536,
                TurnaroundDistribution.Fixed(Duration.FromMicroseconds(300))) { Options = AnalysisOptions.Default with { BulkRateBytesPerSecond = 400_000_000 } },
        };
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "simulated.pcapng");
        File.WriteAllBytes(path, ExportAndRead(settings with { SimulatedTime = Duration.FromMilliseconds(50) }).Bytes);

        TsharkAgreementTests.AssertAgrees(path);
        var expert = ExternalProcess.Run(Tshark.Find(), ["-r", path, "-q", "-z", "expert"], TimeSpan.FromMinutes(1));
        Assert.True(expert.ExitCode == 0, expert.ToString());
        Assert.True(expert.Output.Trim().Length == 0, "tshark's expert information is empty:\n" + expert.Output);
        Assert.DoesNotContain(expert.Error.Split('\n'), line => line.Length > 0 && !line.StartsWith("Running as user", StringComparison.Ordinal));
    }
}
