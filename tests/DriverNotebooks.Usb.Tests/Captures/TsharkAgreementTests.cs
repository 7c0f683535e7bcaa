using System.Globalization;
using DriverNotebooks.TestSupport;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// Wireshark is the reference: for every capture in the tests, each record's fields as we read them equal what
/// <c>tshark -T fields</c> prints for the same file.
/// </summary>
public sealed class TsharkAgreementTests
{
    private static readonly string[] UsbmonFields =
        ["frame.time_epoch", "usb.urb_id", "usb.urb_type", "usb.bus_id", "usb.device_address", "usb.endpoint_address", "usb.transfer_type", "usb.urb_status", "usb.urb_len", "usb.data_len"];

    private static readonly string[] UsbPcapFields =
        ["frame.time_epoch", "usb.irp_id", "usb.irp_info.direction", "usb.bus_id", "usb.device_address", "usb.endpoint_address", "usb.transfer_type", "usb.usbd_status", "usb.function", "usb.data_len"];

    public static TheoryData<string> RealCaptures() => [.. CaptureFiles.Real];

    public static TheoryData<string> SyntheticCaptures() => [.. CaptureFiles.Synthetic];

    [SkippableTheory]
    [MemberData(nameof(RealCaptures))]
    public void Every_record_of_a_real_capture_reads_as_tshark_reads_it(string name) => AssertAgrees(CaptureFiles.PathOf(name));

    [SkippableTheory]
    [MemberData(nameof(SyntheticCaptures))]
    public void Every_record_of_a_synthetic_byte_order_or_precision_case_reads_as_tshark_reads_it(string name)
    {
        using var folder = new TempFolder();
        AssertAgrees(CaptureFiles.WriteSynthetic(folder.Path, name));
    }

    /// <summary>Every record of <paramref name="path"/> as we read it equals tshark's reading; no warnings.</summary>
    internal static void AssertAgrees(string path)
    {
        Tshark.Find();
        var ours = new List<string[]>();
        var log = new CaptureReadLog();
        foreach (var r in CaptureReader.Read(path, log)) ours.Add(AsTsharkPrints(r));
        var usbpcap = ours.Count > 0 && ours[0][0] == "usbpcap";
        var theirs = Tshark.Fields(path, usbpcap ? UsbPcapFields : UsbmonFields);
        Assert.Empty(log.Warnings);
        Assert.Equal(theirs.Count, ours.Count);
        Assert.True(ours.Count > 0, "the capture has records");
        var fields = usbpcap ? UsbPcapFields : UsbmonFields;
        for (var i = 0; i < ours.Count; i++)
        {
            for (var f = 0; f < fields.Length; f++)
            {
                var expected = f == 0 ? EpochNanoseconds(theirs[i][0]) : theirs[i][f];
                Assert.True(expected == ours[i][f + 1], $"record {i + 1}, {fields[f]}: tshark {expected}, ours {ours[i][f + 1]}");
            }
        }
    }

    /// <summary>Our record's fields in tshark's notation (time as nanoseconds since the epoch).</summary>
    private static string[] AsTsharkPrints(UsbRecord r)
    {
        var c = CultureInfo.InvariantCulture;
        var time = r.TimestampNs.ToString(c);
        if (r.Flavor == CaptureFlavor.UsbPcap)
        {
            return ["usbpcap", time, $"0x{r.RequestId:x16}", r.Event == UrbEvent.Complete ? "0x01" : "0x00", r.Bus.ToString(c), r.Device.ToString(c),
                $"0x{r.EndpointAddress:x2}", $"0x{r.TransferTypeCode:x2}", $"0x{unchecked((uint)r.Status):x8}", $"0x{r.Function:x4}", r.Length.ToString(c)];
        }
        var type = r.Event switch { UrbEvent.Submit => "'S'", UrbEvent.Complete => "'C'", _ => "'E'" };
        return ["usbmon", time, $"0x{r.RequestId:x16}", type, r.Bus.ToString(c), r.Device.ToString(c),
            $"0x{r.EndpointAddress:x2}", $"0x{r.TransferTypeCode:x2}", r.Status.ToString(c), r.Length.ToString(c), r.CapturedLength.ToString(c)];
    }

    /// <summary>tshark's <c>1550331845.117282000</c> as whole nanoseconds.</summary>
    private static string EpochNanoseconds(string epoch)
    {
        var parts = epoch.Split('.');
        var fraction = (parts.Length > 1 ? parts[1] : "").PadRight(9, '0')[..9];
        return (long.Parse(parts[0], CultureInfo.InvariantCulture) * 1_000_000_000L + long.Parse(fraction, CultureInfo.InvariantCulture)).ToString(CultureInfo.InvariantCulture);
    }
}
