using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// The bus view of a link type 288 capture (README "Captures in"): per endpoint the transactions by handshake, the
/// bytes delivered and the NAK share; the SOF timing, which decides whether the analyser's timestamps can be trusted
/// for rates; the (micro)frame load. Bad packets are counted, a file of them refused.
/// </summary>
public sealed class BusAnalysisTests
{
    private static CaptureReport Analyze(byte[] pcap, CaptureFilter? filter = null) => CaptureAnalysis.Analyze(new MemoryStream(pcap), "bus.pcap", filter);

    [Fact]
    public void A_device_that_answers_one_IN_in_four_shows_a_NAK_share_of_three_quarters_and_the_bytes_it_sent()
    {
        var bus = Analyze(PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(800, dataEvery: 4))).Bus!;
        var ep = Assert.Single(bus.Endpoints);
        Assert.Equal(("0:5", "0x81"), (ep.DeviceName, ep.EndpointName));
        Assert.Equal((800L, 200L, 600L), (ep.Transactions, ep.Acks, ep.Naks));
        Assert.Equal(0.75, ep.NakShare);
        Assert.Equal((200L * 512, 512, 200L), (ep.Bytes, ep.MaxPayload, ep.DataPackets));
    }

    [Fact]
    public void Throughput_is_the_bytes_over_first_to_last_delivering_transaction_when_the_SOFs_confirm_the_timestamps()
    {
        var bus = Analyze(PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(800, dataEvery: 4))).Bus!;
        Assert.True(bus.TimingConfirmed, bus.TimingNote);
        Assert.Equal(UsbSpeed.High, bus.Speed);
        // The first delivering transaction starts 1 µs into microframe 0, the last (microframe 796) ends 10 µs into it.
        var span = (796 * 125_000 + 10_000 - 1_000) / 1e9;
        Assert.Equal(200 * 512 / span, bus.Endpoints[0].ThroughputBytesPerSecond!.Value, 6);
        Assert.Equal(125e-6, bus.Sof.Interval.MeanSeconds, 12);
        Assert.Equal(0, bus.Sof.StdDevSeconds, 12);
    }

    [Fact]
    public void Timestamps_whose_SOFs_are_not_125_microseconds_apart_give_no_rates_in_time()
    {
        var bus = Analyze(PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(800, dataEvery: 4, sofIntervalNs: 20_000))).Bus!;
        Assert.False(bus.TimingConfirmed);
        Assert.StartsWith("not confirmed: SOFs every 20 µs on average against the nominal 125 µs", bus.TimingNote);
        Assert.Null(bus.Endpoints[0].ThroughputBytesPerSecond);
        Assert.Null(bus.OccupancyShare);
        Assert.Equal(200L * 512, bus.Endpoints[0].Bytes);
    }

    [Fact]
    public void Occupancy_is_the_packet_bytes_on_the_wire_over_the_span_at_the_bit_rate()
    {
        var packets = PacketCaptures.PolledBulkIn(800, dataEvery: 4);
        var bus = Analyze(PacketCaptures.Pcap(packets)).Bus!;
        var bytes = packets.Sum(p => (long)p.Bytes.Length);
        var span = (packets[^1].Ns - packets[0].Ns) / 1e9;
        Assert.Equal(bytes, bus.WireBytes);
        Assert.Equal(bytes * 8 / (span * 480e6), bus.OccupancyShare!.Value, 9);
        // Every microframe carries an IN; one with data: SOF 3 + IN 3 + DATA 515 + ACK 1 bytes, against the 7,500 bytes 125 µs hold at 480 Mb/s.
        Assert.Equal((800L - 1, 800L - 1, 4L, 522L), (bus.Frames.Frames, bus.Frames.BusyFrames, bus.Frames.MaxPackets, bus.Frames.MaxBytes));
        Assert.Equal(522 / 7500.0, bus.Frames.PeakShare!.Value, 12);
    }

    [Fact]
    public void The_series_bins_packets_transactions_NAKs_and_delivered_bytes_by_the_millisecond()
    {
        var packets = PacketCaptures.PolledBulkIn(800, dataEvery: 4);
        var bus = Analyze(PacketCaptures.Pcap(packets)).Bus!;
        // 800 microframes of 125 µs: 100 ms, eight microframes (two of them answered with data) in each 1 ms bin.
        Assert.Equal(100, bus.Series.Count);
        Assert.All(bus.Series, b => Assert.Equal((1e-3, 8L, 6L, 2L * 512), (b.WidthSeconds, b.Transactions, b.Naks, b.DeliveredBytes)));
        Assert.Equal(packets.Count, bus.Series.Sum(b => b.Packets));
        Assert.Equal(bus.WireBytes, bus.Series.Sum(b => b.WireBytes));
    }

    [Theory]
    [InlineData(LinkTypes.Usb20LowSpeed, UsbSpeed.Low)]
    [InlineData(LinkTypes.Usb20FullSpeed, UsbSpeed.Full)]
    [InlineData(LinkTypes.Usb20HighSpeed, UsbSpeed.High)]
    public void Link_types_293_294_and_295_state_the_speed(int linkType, UsbSpeed speed)
    {
        var report = Analyze(PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(16, dataEvery: 2), linkType));
        Assert.Equal(speed, report.Bus!.Speed);
        Assert.StartsWith($"stated by link type {linkType}", report.Bus.SpeedSource);
        Assert.Equal([linkType], report.LinkTypes);
    }

    [Fact]
    public void Full_speed_is_inferred_from_SOFs_that_advance_the_frame_number_every_time()
    {
        var bus = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.PacketsFullSpeedEnumeration)).Bus!;
        Assert.Equal(UsbSpeed.Full, bus.Speed);
        Assert.True(bus.TimingConfirmed, bus.TimingNote);
        Assert.Equal(1e-3, bus.Sof.Interval.MeanSeconds, 5);
    }

    [Fact]
    public void High_speed_is_inferred_from_SOFs_that_repeat_a_frame_number_for_its_microframes()
    {
        var bus = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.PacketsSplitNyet)).Bus!;
        Assert.Equal(UsbSpeed.High, bus.Speed);
        Assert.Contains("repeat a frame number", bus.SpeedSource);
        Assert.True(bus.TimingConfirmed, bus.TimingNote);
    }

    [Fact]
    public void The_device_and_endpoint_filters_keep_only_that_endpoints_transactions()
    {
        var all = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.PacketsFullSpeedEnumeration)).Bus!;
        var kept = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.PacketsFullSpeedEnumeration), new CaptureFilter(0, 27, 0x80)).Bus!;
        Assert.True(all.Endpoints.Count > 1);
        Assert.Equal(all.Endpoints.Single(e => e.Device == 27 && e.EndpointAddress == 0x80), Assert.Single(kept.Endpoints));
        Assert.Equal(all.Sof, kept.Sof);
    }

    [Fact]
    public void Each_analyser_interface_of_a_pcapng_is_its_own_link_whose_transactions_do_not_mix()
    {
        var first = PacketCaptures.PolledBulkIn(400, dataEvery: 4).Select(p => (0, p.Ns, p.Bytes));
        var second = PacketCaptures.PolledBulkIn(400, dataEvery: 2, startNs: 1_700_000_000_000_000_500).Select(p => (1, p.Ns, p.Bytes));
        var bus = Analyze(PacketCaptures.Pcapng(2, first.Concat(second).OrderBy(p => p.Ns).ToList())).Bus!;
        Assert.Equal(["0:5", "1:5"], bus.Endpoints.Select(e => e.DeviceName));
        Assert.Equal((400L, 300L, 100L * 512), (bus.Endpoints[0].Transactions, bus.Endpoints[0].Naks, bus.Endpoints[0].Bytes));
        Assert.Equal((400L, 200L, 200L * 512), (bus.Endpoints[1].Transactions, bus.Endpoints[1].Naks, bus.Endpoints[1].Bytes));
        Assert.Equal(0, bus.OrphanPackets);
        Assert.Equal(400, bus.Sof.Count);
        Assert.True(bus.TimingConfirmed, bus.TimingNote);
    }

    [Fact]
    public void A_packet_capture_has_no_URBs_so_no_transfers_are_measured()
    {
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.PacketsSplitNyet));
        Assert.Empty(report.Endpoints);
        Assert.NotEmpty(report.Bus!.Endpoints);
    }

    [Fact]
    public void An_endpoints_type_comes_from_the_descriptors_the_capture_reassembled()
    {
        // Packetry's full-speed enumeration, then the host reading the device's bulk IN endpoint 0x81 (64-byte packets) ten times.
        var packets = PacketCaptures.Records(CaptureFiles.PathOf(CaptureFiles.PacketsFullSpeedEnumeration));
        var t = packets[^1].Ns;
        for (var i = 0; i < 10; i++)
        {
            packets.Add((t += 10_000, PacketCaptures.Token(UsbPid.In, 27, 1)));
            packets.Add((t += 1_000, PacketCaptures.Data(i % 2 == 0 ? UsbPid.Data0 : UsbPid.Data1, new byte[64])));
            packets.Add((t += 1_000, PacketCaptures.Handshake(UsbPid.Ack)));
        }
        var report = Analyze(PacketCaptures.Pcap(packets));
        var described = CaptureDescriptors.For(report, 0, 27)!.Endpoints.Single(x => x.Endpoint.Address == 0x81).Endpoint;
        var bulk = report.Bus!.Endpoints.Single(e => e.EndpointAddress == 0x81);
        Assert.Equal(TransferType.Bulk, described.Type);
        Assert.Equal((TransferType?)TransferType.Bulk, bulk.Type);
        Assert.Equal((10L, 640L), (bulk.Transactions, bulk.Bytes));
        Assert.All(report.Bus.Endpoints.Where(e => (e.EndpointAddress & 0x0F) == 0), e => Assert.Equal(TransferType.Control, e.Type));
    }

    [Fact]
    public void Without_descriptors_the_type_is_the_one_the_SPLIT_tokens_name_or_unknown()
    {
        var bus = Analyze(PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(16, dataEvery: 2))).Bus!;
        Assert.Null(Assert.Single(bus.Endpoints).Type);
    }

    [Fact]
    public void A_URB_capture_has_no_bus_view() =>
        Assert.Null(CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbmonHid)).Bus);

    [Fact]
    public void A_bad_packet_among_good_ones_is_counted_and_named_in_a_warning_with_its_byte_offset()
    {
        var packets = PacketCaptures.PolledBulkIn(100, dataEvery: 4);
        packets.Insert(5, (packets[4].Ns + 500, [0xFF]));
        var report = Analyze(PacketCaptures.Pcap(packets));
        var offset = 24 + packets.Take(5).Sum(p => 16 + p.Bytes.Length);
        Assert.Equal(new PacketCount("bad-pid-check", 1), Assert.Single(report.Bus!.Problems));
        Assert.Equal($"1 of {packets.Count} packets do not decode and are counted as malformed (bad-pid-check × 1); the first, at byte {offset}: PID byte 0xFF fails its check (the high 4 bits must be the low 4 inverted, as in 0x69 for IN)",
            Assert.Single(report.Warnings));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF }, "PID byte 0xFF fails its check (the high 4 bits must be the low 4 inverted, as in 0x69 for IN)")]
    [InlineData(new byte[] { 0xF0 }, "PID byte 0xF0 is PID 0000, which USB 2.0 reserves; allowed: the 15 PIDs of USB 2.0 Table 8-1")]
    [InlineData(new byte[] { 0x69, 0x87 }, "IN packet of 2 bytes; allowed: 3 bytes (PID, 11 bits of fields, CRC5)")]
    [InlineData(new byte[] { 0xD2, 0xD2 }, "ACK packet of 2 bytes; allowed: 1 byte (the PID alone)")]
    [InlineData(new byte[0], "the packet record is empty; a USB packet has at least its PID byte")]
    public void A_file_whose_records_are_mostly_not_USB_packets_is_refused_at_the_first_bad_one(byte[] bad, string problem)
    {
        var packets = Enumerable.Range(0, 10).Select(i => (1_000_000_000L + i * 1000, i % 3 == 2 ? PacketCaptures.Handshake(UsbPid.Ack) : bad)).ToList();
        var e = Assert.Throws<CaptureFormatException>(() => Analyze(PacketCaptures.Pcap(packets)));
        Assert.Equal($"bus.pcap: byte 24: {problem}; 7 of the first 10 records of link type 288 (USB_2_0) are not USB 2.0 packets, so this is no capture of them", e.Message);
    }

    [Fact]
    public void A_record_cut_by_the_end_of_the_file_is_a_warning_and_the_packets_before_it_count()
    {
        var bytes = PacketCaptures.Pcap(PacketCaptures.PolledBulkIn(40, dataEvery: 4));
        var report = Analyze(bytes[..^300]);
        Assert.Contains(report.Warnings, w => w.Contains("the last record is cut short"));
        Assert.True(report.Bus!.Packets > 100);
    }
}
