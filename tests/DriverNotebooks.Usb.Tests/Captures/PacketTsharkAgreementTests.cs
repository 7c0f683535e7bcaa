using System.Globalization;
using DriverNotebooks.TestSupport;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// Wireshark is the reference for USB 2.0 packets too: for every real link type 288 capture in the tests, each packet's
/// PID byte, device address, endpoint, SOF frame number, CRC5 and CRC16 verdicts, SPLIT fields and timestamp as we
/// decode them equal what tshark's <c>usbll</c> dissector prints for the same file.
/// </summary>
public sealed class PacketTsharkAgreementTests
{
    private static readonly string[] Fields =
    [
        "frame.time_epoch", "frame.len", "usbll.pid", "usbll.device_addr", "usbll.endp", "usbll.frame_num", "usbll.crc5.status", "usbll.crc16.status",
        "usbll.split_hub_addr", "usbll.split_sc", "usbll.split_port", "usbll.split_et", "usbll.split_crc5.status",
    ];

    public static TheoryData<string> RealPacketCaptures() => [.. CaptureFiles.RealPackets];

    [SkippableTheory]
    [MemberData(nameof(RealPacketCaptures))]
    public void Every_packet_of_a_real_analyser_capture_decodes_as_tshark_decodes_it(string name)
    {
        var path = CaptureFiles.PathOf(name);
        Tshark.Find();
        var log = new CaptureReadLog();
        var ours = CaptureReader.ReadPackets(path, log).Select(AsTsharkPrints).ToList();
        var theirs = Tshark.Fields(path, Fields);
        Assert.Equal(theirs.Count, ours.Count);
        Assert.True(ours.Count > 0, "the capture has packets");
        for (var i = 0; i < ours.Count; i++)
        {
            for (var f = 0; f < Fields.Length; f++)
            {
                var expected = f == 0 ? EpochNanoseconds(theirs[i][0]) : theirs[i][f];
                Assert.True(expected == ours[i][f], $"packet {i + 1}, {Fields[f]}: tshark {expected}, ours {ours[i][f]}");
            }
        }
    }

    [SkippableFact]
    public void The_CRC_errors_we_count_are_the_ones_tshark_flags()
    {
        var path = CaptureFiles.PathOf(CaptureFiles.PacketsBadCrcs);
        Tshark.Find();
        var wrong = Tshark.Fields(path, "usbll.crc5.status").Count(row => row[0] == "0");
        var bus = CaptureAnalysis.Analyze(path).Bus!;
        Assert.True(wrong > 0);
        Assert.Equal(wrong, bus.Problems.Single(p => p.Name == "bad-crc5").Count);
    }

    /// <summary>Our packet's fields in tshark's notation: empty where its dissector prints nothing.</summary>
    private static string[] AsTsharkPrints(UsbPacket p)
    {
        var c = CultureInfo.InvariantCulture;
        var decodable = p.IsDecodable;
        var kind = decodable ? p.Kind : (UsbPidKind?)null;
        var crc5Checked = p.Problem != PacketProblem.CutBySnapLength;
        return
        [
            p.TimestampNs.ToString(c),
            p.Length.ToString(c),
            p.Problem == PacketProblem.Empty ? "" : $"0x{p.PidByte:x2}",
            kind == UsbPidKind.Token ? p.Address.ToString(c) : "",
            kind == UsbPidKind.Token ? p.Endpoint.ToString(c) : "",
            kind == UsbPidKind.StartOfFrame ? p.FrameNumber.ToString(c) : "",
            kind is UsbPidKind.Token or UsbPidKind.StartOfFrame && crc5Checked ? (p.Problem == PacketProblem.BadCrc5 ? "0" : "1") : "",
            kind == UsbPidKind.Data ? (p.Problem == PacketProblem.BadCrc16 ? "0" : "1") : "",
            p.Split is { } s ? s.HubAddress.ToString(c) : "",
            p.Split is { } s2 ? (s2.Complete ? "1" : "0") : "",
            p.Split is { } s3 ? s3.Port.ToString(c) : "",
            p.Split is { } s4 ? s4.EndpointType.ToString(c) : "",
            p.Split is not null ? (p.Problem == PacketProblem.BadCrc5 ? "0" : "1") : "",
        ];
    }

    /// <summary>tshark's <c>1550331845.117282000</c> as whole nanoseconds.</summary>
    private static string EpochNanoseconds(string epoch)
    {
        var parts = epoch.Split('.');
        var fraction = (parts.Length > 1 ? parts[1] : "").PadRight(9, '0')[..9];
        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000_000L + long.Parse(fraction, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
    }
}
