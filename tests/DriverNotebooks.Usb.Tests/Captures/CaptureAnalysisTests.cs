using DriverNotebooks.TestSupport;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// Per-endpoint measurements: on synthetic readers whose numbers follow from their parameters, and on the real
/// captures against what tshark counts in the same file.
/// </summary>
public sealed class CaptureAnalysisTests
{
    private static CaptureReport AnalyzeSynthetic(SyntheticReaderCapture reader, long records, CaptureFilter? filter = null)
    {
        using var memory = new MemoryStream();
        reader.Write(memory, records);
        memory.Position = 0;
        return CaptureAnalysis.Analyze(memory, "synthetic.pcap", filter);
    }

    [Fact]
    public void A_pipeline_limited_reader_delivers_N_transfers_per_service_plus_turnaround()
    {
        // 4 reads of 16 KiB, 100 µs on the bus each, resubmitted 500 µs after completing: 500 > (4 - 1) × 100, so the bus waits.
        var reader = new SyntheticReaderCapture(Pending: 4, TransferBytes: 16384, ServiceNs: 100_000, TurnaroundNs: 500_000);
        var e = Assert.Single(AnalyzeSynthetic(reader, 20_000).Endpoints);

        var expected = 4 * 16384 / 600e-6;
        Assert.Equal(expected, e.SteadyThroughputBytesPerSecond, expected * 1e-3);
        Assert.Equal(16384 / 100e-6, e.BusyThroughputBytesPerSecond, 16384 / 100e-6 * 1e-3);
        Assert.Equal(4, e.InFlight.Max);
        Assert.Equal(500e-6, e.Turnaround.P50Seconds, 500e-6 * 0.004);
        Assert.Equal(100e-6, e.Latency.P50Seconds, 100e-6 * 0.004);
        Assert.Equal(0, e.ShortTransfers);
        Assert.Equal(0x81, e.EndpointAddress);
        Assert.Equal(TransferType.Bulk, e.TransferType);
    }

    [Fact]
    public void A_bus_limited_reader_delivers_one_transfer_per_service_time_and_keeps_its_reads_queued()
    {
        // 4 reads, 100 µs each, resubmitted after 50 µs: the bus never waits, 16 KiB per 100 µs.
        var reader = new SyntheticReaderCapture(Pending: 4, TransferBytes: 16384, ServiceNs: 100_000, TurnaroundNs: 50_000);
        var e = Assert.Single(AnalyzeSynthetic(reader, 20_000).Endpoints);

        Assert.Equal(16384 / 100e-6, e.SteadyThroughputBytesPerSecond, 16384 / 100e-6 * 1e-3);
        Assert.Equal(1.0, e.BusyFraction, 3);
        Assert.Equal(4, e.InFlight.Max);
        Assert.True(e.InFlight.Median >= 3, $"median in flight {e.InFlight.Median}");
        Assert.Equal(100e-6, e.CompletionInterval.P50Seconds, 100e-6 * 0.004);
        Assert.Equal(0, e.IdleGaps.Count);
    }

    [Fact]
    public void One_read_at_a_time_leaves_an_idle_gap_of_one_turnaround_after_every_completion()
    {
        var reader = new SyntheticReaderCapture(Pending: 1, TransferBytes: 64, ServiceNs: 125_000, TurnaroundNs: 875_000);
        var e = Assert.Single(AnalyzeSynthetic(reader, 2_001).Endpoints);

        Assert.Equal(1000, e.Transfers);
        Assert.Equal(1, e.InFlight.Max);
        Assert.Equal(e.Transfers - 1 + (e.StillInFlight > 0 ? 1 : 0), e.IdleGaps.Count);
        Assert.Equal(875e-6, e.IdleGaps.LongestSeconds, 1e-9);
        Assert.Equal(64 / 1e-3, e.SteadyThroughputBytesPerSecond, 64 / 1e-3 * 1e-3);
        Assert.Equal(64 / 125e-6, e.BusyThroughputBytesPerSecond, 64 / 125e-6 * 1e-3);
    }

    [Fact]
    public void A_time_window_and_an_endpoint_filter_keep_only_what_they_name()
    {
        var reader = new SyntheticReaderCapture(Pending: 2, TransferBytes: 512, ServiceNs: 100_000, TurnaroundNs: 10_000);
        var all = Assert.Single(AnalyzeSynthetic(reader, 4_000).Endpoints);
        var half = Assert.Single(AnalyzeSynthetic(reader, 4_000, new CaptureFilter(ToSeconds: all.LastCompletionSeconds / 2)).Endpoints);
        Assert.Empty(AnalyzeSynthetic(reader, 4_000, new CaptureFilter(EndpointAddress: 0x82)).Endpoints);
        Assert.Empty(AnalyzeSynthetic(reader, 4_000, new CaptureFilter(Bus: 1, Device: 6)).Endpoints);

        Assert.InRange(half.Transfers, all.Transfers / 2 - 2, all.Transfers / 2 + 2);
    }

    [SkippableFact]
    public void The_usbpcap_interrupt_endpoint_counts_what_tshark_counts()
    {
        var path = CaptureFiles.PathOf(CaptureFiles.UsbPcapInterrupt);
        var rows = Tshark.Fields(path, "usb.irp_info.direction", "usb.endpoint_address", "usb.data_len");
        var completions = rows.Where(r => r[0] == "0x01" && r[1] == "0x81").ToList();
        var submits = rows.Count(r => r[0] == "0x00" && r[1] == "0x81");

        var e = CaptureAnalysis.Analyze(path).Endpoints.Single(x => x.EndpointAddress == 0x81);

        Assert.Equal(completions.Count, e.Transfers + e.UnmatchedCompletions);
        Assert.Equal(submits, e.Transfers + e.StillInFlight);
        // Completions whose IRP was submitted before the capture began carry bytes the transfers do not count.
        Assert.Equal(completions.Skip((int)e.UnmatchedCompletions).Sum(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)), e.Bytes);
        Assert.Equal(TransferType.Interrupt, e.TransferType);
    }

    [Fact]
    public void The_usbmon_capture_keeps_each_get_descriptor_response_byte_for_byte()
    {
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbmonHid));

        Assert.Equal(2, report.Descriptors.Count);
        var hid = report.Descriptors.Single(d => d.Device == 2);
        Assert.Equal(1, hid.DescriptorType);
        Assert.Equal(18, hid.Bytes.Length);
        Assert.Equal(18, hid.Bytes[0]);
        Assert.Equal(0x056E, hid.Bytes[8] | hid.Bytes[9] << 8);
        Assert.Equal(0x00FF, hid.Bytes[10] | hid.Bytes[11] << 8);
    }

    [Fact]
    public void A_big_endian_nanosecond_capture_measures_the_same_as_its_little_endian_microsecond_twin()
    {
        var reader = new SyntheticReaderCapture(Pending: 3, TransferBytes: 4096, ServiceNs: 200_000, TurnaroundNs: 700_000);
        using var little = new MemoryStream();
        using var big = new MemoryStream();
        reader.Write(little, 3_000, linkType: LinkTypes.UsbLinux);
        reader.Write(big, 3_000, linkType: LinkTypes.UsbLinuxMmapped, bigEndian: true, nanoseconds: true);
        little.Position = 0;
        big.Position = 0;

        var a = Assert.Single(CaptureAnalysis.Analyze(little, "le.pcap").Endpoints);
        var b = Assert.Single(CaptureAnalysis.Analyze(big, "be.pcap").Endpoints);

        Assert.Equal(a with { Series = [], Errors = [], RequestedLengths = [] }, b with { Series = [], Errors = [], RequestedLengths = [] });
        Assert.Equal(a.RequestedLengths, b.RequestedLengths);
        Assert.Equal(a.Series, b.Series);
    }
}

/// <summary>A capture cut short by a crash: the records before the cut count, and a warning names where it was cut.</summary>
public sealed class TruncatedCaptureTests
{
    [Fact]
    public void A_pcapng_cut_inside_its_last_block_reads_every_block_before_it()
    {
        var whole = File.ReadAllBytes(CaptureFiles.PathOf(CaptureFiles.UsbmonHid));
        var wholeLog = new CaptureReadLog();
        var records = CaptureReader.Read(new MemoryStream(whole), "whole.pcapng", wholeLog).Select(r => (r.TimestampNs, r.FileOffset)).ToList();
        var all = records.Select(r => r.TimestampNs).ToList();
        var lastBlock = records[^1].FileOffset;
        var cut = whole[..(int)(lastBlock + 30)];

        var log = new CaptureReadLog();
        var read = CaptureReader.Read(new MemoryStream(cut), "cut.pcapng", log).Select(r => r.TimestampNs).ToList();

        Assert.Empty(wholeLog.Warnings);
        Assert.Equal(all[..^1], read);
        var warning = Assert.Single(log.Warnings);
        Assert.Matches($@"^byte {lastBlock}: the last block is cut short \(30 of \d+ bytes\); the {all.Count - 1} packets before it are read$", warning);
    }
}
