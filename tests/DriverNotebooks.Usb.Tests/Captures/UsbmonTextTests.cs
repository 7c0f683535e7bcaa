using System.Text;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>The usbmon text format as Documentation/usb/usbmon.rst describes it.</summary>
public sealed class UsbmonTextTests
{
    // The shape of usbmon.rst's examples: a control IN with its setup packet, then a bulk OUT with data words.
    private const string Trace = """
        d5ea89a0 3575914555 S Ci:1:001:0 s a3 00 0000 0003 0004 4 <
        d5ea89a0 3575914560 C Ci:1:001:0 0 4 = 01050000
        dd65f0e8 4128379752 S Bo:1:005:2 -115 31 = 55534243 ad000000 00800000 80010a28 20000000 20000040 00000000 000000
        dd65f0e8 4128379808 C Bo:1:005:2 0 31 >
        dd65f0e9 4128380000 S Bi:1:005:1 -115 512 <
        dd65f0e9 4128380100 C Bi:1:005:1 -71 0
        """;

    private static List<UsbRecord> Read(string text, CaptureReadLog log) =>
        CaptureReader.Read(new MemoryStream(Encoding.ASCII.GetBytes(text)), "1u.txt", log)
            .Select(r => r with { Data = r.Data.ToArray() }).ToList();

    [Fact]
    public void Each_line_gives_its_tag_time_event_address_status_and_length()
    {
        var log = new CaptureReadLog();
        var records = Read(Trace, log);

        Assert.Equal("usbmon text", log.Format);
        Assert.Equal(6, records.Count);
        var setup = records[0];
        Assert.Equal(0xd5ea89a0UL, setup.RequestId);
        Assert.Equal(3575914555L * 1000, setup.TimestampNs);
        Assert.Equal(UrbEvent.Submit, setup.Event);
        Assert.Equal((1, 1, (byte)0x80, (byte)2), (setup.Bus, setup.Device, setup.EndpointAddress, setup.TransferTypeCode));
        Assert.Equal(new SetupPacket(0xa3, 0x00, 0x0000, 0x0003, 0x0004), setup.Setup);
        Assert.Equal(4, setup.Length);
        Assert.Equal([0x01, 0x05, 0x00, 0x00], records[1].Data.ToArray());
        var bulkOut = records[2];
        Assert.Equal((byte)0x02, bulkOut.EndpointAddress);
        Assert.Equal(31, bulkOut.Length);
        Assert.Equal(31, bulkOut.CapturedLength);
        Assert.Equal("-EPROTO", records[5].StatusName);
    }

    [Fact]
    public void A_failed_completion_is_counted_by_errno_name()
    {
        var report = CaptureAnalysis.Analyze(new MemoryStream(Encoding.ASCII.GetBytes(Trace)), "1u.txt");
        var bulkIn = report.Endpoints.Single(e => e.EndpointAddress == 0x81);

        Assert.Equal([new StatusCount("-EPROTO", 1)], bulkIn.Errors);
        Assert.Equal(31, report.Endpoints.Single(e => e.EndpointAddress == 0x02).Bytes);
    }

    [Fact]
    public void A_malformed_line_names_its_line_number()
    {
        var text = Trace.Replace("Bo:1:005:2 0 31 >", "Xo:1:005:2 0 31 >", StringComparison.Ordinal);
        var error = Assert.Throws<CaptureFormatException>(() => Read(text, new CaptureReadLog()));
        Assert.Equal("1u.txt: line 4: transfer type 'X' is not C, B, I or Z", error.Message);
    }

    [Fact]
    public void A_last_line_cut_short_is_a_warning_and_the_lines_before_it_count()
    {
        var log = new CaptureReadLog();
        var records = Read(Trace + "\ndd65f0ea 41283", log);

        Assert.Equal(6, records.Count);
        Assert.Equal("line 7: the last line is cut short (a usbmon line has at least 5 words (tag, time, event, address, status); this one has 2); the 6 lines before it are read", Assert.Single(log.Warnings));
    }
}
