using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// Every endpoint of a capture gets its own verdict (<see cref="EndpointVerdicts"/>), from the same rules as the charted
/// endpoint's but with the analytic model only. A synthetic high-speed device (<see cref="SyntheticDeviceCapture"/>) has
/// three bulk IN endpoints read three ways, so each verdict is known by construction; the real captures keep the verdicts
/// notebook 5 quotes.
/// </summary>
public sealed class EndpointVerdictsTests
{
    /// <summary>Bus time of <paramref name="bytes"/> at the HS bulk spec budget, 13 × 512 B per 125 µs = 53.248 MB/s.</summary>
    private static long AtSpecRate(long bytes) => (long)Math.Round(bytes / 53_248_000.0 * 1e9);

    /// <summary>0x81: two 16 KiB reads resubmitted 1 ms after completing (pipeline). 0x82: four reads the device fills every
    /// 2 ms (device). 0x83: one 512 B read every 10 ms (a polling loop).</summary>
    private static readonly (SyntheticReaderCapture Reader, long Records)[] ThreeReaders =
    [
        (new SyntheticReaderCapture(2, 16384, AtSpecRate(16384), 1_000_000, Endpoint: 0x81), 4000),
        (new SyntheticReaderCapture(4, 16384, 2_000_000, 50_000, Endpoint: 0x82), 3000),
        (new SyntheticReaderCapture(1, 512, AtSpecRate(512), 10_000_000, Endpoint: 0x83), 400),
    ];

    private static EndpointVerdict Of(IReadOnlyList<EndpointVerdict> verdicts, byte endpoint) =>
        verdicts.Single(v => v.Endpoint.EndpointAddress == endpoint);

    [Fact]
    public void Two_endpoints_limited_by_different_causes_each_get_their_own_verdict_from_the_descriptors_the_capture_carries()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders);
        var verdicts = EndpointVerdicts.Decide(report);

        Assert.Equal(report.Endpoints.Select(e => e.EndpointAddress), verdicts.Select(v => v.Endpoint.EndpointAddress));
        var pipeline = Of(verdicts, 0x81);
        Assert.Equal(MeasuredLimit.Pipeline, pipeline.LimitedBy);
        Assert.Equal("pipeline-limited", pipeline.Label);
        Assert.StartsWith("2 request(s) in flight", pipeline.Evidence);
        Assert.InRange(Math.Abs(pipeline.Verdict!.ModelDeviation!.Value), 0, 0.10);
        var device = Of(verdicts, 0x82);
        Assert.Equal(MeasuredLimit.Device, device.LimitedBy);
        Assert.EndsWith("the device had no data", device.Evidence);
        var polling = Of(verdicts, 0x83);
        Assert.Equal(MeasuredLimit.Application, polling.LimitedBy);
        Assert.EndsWith("a polling loop, not a reader", polling.Evidence);
        // Each from the device's own enumeration: 1234:5678, bcdUSB 2.00 with 512-byte bulk packets, so high speed.
        Assert.All([pipeline, device, polling], v => Assert.StartsWith("the capture's GET_DESCRIPTOR responses (1234:5678); high-speed", v.Source!.Source));
    }

    [Fact]
    public void An_endpoint_with_too_few_transfers_says_so_with_its_count_and_no_descriptor_is_looked_up()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders);
        var control = Of(EndpointVerdicts.Decide(report), 0x80);

        Assert.Equal(2, control.Endpoint.Transfers);
        Assert.True(control.TooFewTransfers);
        Assert.Equal(MeasuredLimit.Undetermined, control.LimitedBy);
        Assert.Equal($"too few transfers: 2 paired; a verdict needs at least {CaptureVerdict.MinTransfers}", control.Evidence);
        Assert.Null(control.Source);
        Assert.Null(control.Verdict);
        Assert.Equal("too few transfers (2)", control.Label);
    }

    [Fact]
    public void The_endpoints_that_are_not_charted_are_decided_without_the_simulation_or_the_levers_and_say_so()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders);
        foreach (var v in EndpointVerdicts.Decide(report).Where(v => v.Verdict is not null))
        {
            Assert.Null(v.Verdict!.SimulatedBytesPerSecond);
            Assert.Empty(v.Verdict.WhatIfs);
            Assert.NotNull(v.Verdict.ModelBytesPerSecond);
            Assert.Contains(v.Verdict.Notes, n => n.StartsWith("decided from the measurements and the analytic model only", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_verdict_decided_in_full_for_the_charted_endpoint_is_kept_with_its_simulation_and_levers()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders);
        var charted = report.Endpoints.Single(e => e.EndpointAddress == 0x81);
        var source = CaptureDescriptors.EndpointFor(report, charted);
        var full = EndpointVerdict.From(charted, source, CaptureVerdict.Decide(charted, source.Descriptor!));

        var verdicts = EndpointVerdicts.Decide(report, decided: full);

        Assert.Same(full, Of(verdicts, 0x81));
        Assert.NotNull(full.Verdict!.SimulatedBytesPerSecond);
        Assert.Equal("3 requests in flight", full.Verdict.WhatIfs[0].Lever);
        Assert.Equal(MeasuredLimit.Device, Of(verdicts, 0x82).LimitedBy);
    }

    public static TheoryData<string> Captures => new() { "synthetic", CaptureFiles.UsbmonBulkOut, CaptureFiles.UsbPcapInterrupt };

    [Theory]
    [MemberData(nameof(Captures))]
    public void The_analytic_decision_gives_the_same_verdict_evidence_and_model_as_the_full_one(string capture)
    {
        var report = capture == "synthetic" ? SyntheticDeviceCapture.Analyze(ThreeReaders) : CaptureAnalysis.Analyze(CaptureFiles.PathOf(capture));
        var decided = 0;
        foreach (var m in report.Endpoints.Where(e => e.Transfers >= CaptureVerdict.MinTransfers))
        {
            var descriptor = CaptureDescriptors.EndpointFor(report, m).Descriptor!;
            var full = CaptureVerdict.Decide(m, descriptor);
            var analytic = CaptureVerdict.Decide(m, descriptor, detail: VerdictDetail.Analytic);
            Assert.Equal((full.LimitedBy, full.Reason, full.ModelBytesPerSecond, full.ModelLimitedBy), (analytic.LimitedBy, analytic.Reason, analytic.ModelBytesPerSecond, analytic.ModelLimitedBy));
            Assert.StartsWith($"{CaptureVerdict.Label(full.LimitedBy)} ({m.DeviceName} {m.EndpointName}): {full.Reason}", full.Summary);
            decided++;
        }
        Assert.True(decided > 0);
    }

    [Fact]
    public void Without_descriptors_each_endpoint_says_why_it_has_no_verdict()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders, enumerate: false);
        var pipeline = Of(EndpointVerdicts.Decide(report), 0x81);

        Assert.Null(pipeline.LimitedBy);
        Assert.Null(pipeline.Verdict);
        Assert.Equal("no verdict", pipeline.Label);
        Assert.StartsWith("no verdict: the capture holds no complete GET_DESCRIPTOR(CONFIGURATION) response for device 1:5", pipeline.Evidence);
    }

    [Fact]
    public void A_dump_that_names_no_device_describes_the_busiest_endpoints_device_and_an_endpoint_it_lacks_gets_no_verdict()
    {
        var report = SyntheticDeviceCapture.Analyze(ThreeReaders, enumerate: false);
        var (device, configuration) = SyntheticDeviceCapture.Descriptors(0x81, 0x83);
        var dump = DescriptorBlobReader.Read([.. device, .. configuration], "descriptors");

        var verdicts = EndpointVerdicts.Decide(report, dump);

        Assert.Equal(MeasuredLimit.Pipeline, Of(verdicts, 0x81).LimitedBy);
        Assert.StartsWith("descriptors (1234:5678); high-speed", Of(verdicts, 0x81).Source!.Source);
        Assert.Equal(MeasuredLimit.Application, Of(verdicts, 0x83).LimitedBy);
        var missing = Of(verdicts, 0x82);
        Assert.Null(missing.LimitedBy);
        Assert.Equal("no verdict: descriptors: endpoint 0x82 is not in the file; endpoints: 0x81, 0x83", missing.Evidence);
    }

    [Fact]
    public void The_display_adapters_bulk_out_pipe_is_pipeline_limited_and_its_other_endpoints_had_too_few_transfers()
    {
        var verdicts = EndpointVerdicts.Decide(CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbmonBulkOut)));

        Assert.Equal(MeasuredLimit.Pipeline, Of(verdicts, 0x02).LimitedBy);
        Assert.Equal([("0x00", 8L), ("0x80", 8L), ("0x83", 0L)],
            verdicts.Where(v => v.TooFewTransfers).Select(v => (v.Endpoint.EndpointName, v.Endpoint.Transfers)));
    }

    [Fact]
    public void The_windows_tablets_interrupt_endpoint_is_device_limited_and_its_control_pipe_had_too_few_transfers()
    {
        var verdicts = EndpointVerdicts.Decide(CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbPcapInterrupt)));

        Assert.Equal(MeasuredLimit.Device, verdicts.Single(v => v.Endpoint.EndpointAddress == 0x81 && v.Endpoint.Transfers > 0).LimitedBy);
        Assert.All(verdicts.Where(v => v.Endpoint.EndpointAddress != 0x81), v => Assert.True(v.TooFewTransfers));
    }
}
