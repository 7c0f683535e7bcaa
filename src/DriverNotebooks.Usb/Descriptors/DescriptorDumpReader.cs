using System.Text;
using System.Text.RegularExpressions;

namespace DriverNotebooks.Usb;

/// <summary>
/// Opens a descriptor dump and reads it in the format its content shows (<see cref="Detect"/>): raw binary descriptors,
/// <c>usb-devices</c> text, a USBView report or <c>lsusb -v</c> text. Text is streamed line by line.
/// </summary>
public static partial class DescriptorDumpReader
{
    /// <summary>How much of the start of a file <see cref="Detect"/> looks at.</summary>
    public const int DetectionBytes = 64 * 1024;

    [GeneratedRegex(@"^\s*T:\s+Bus=", RegexOptions.Multiline)]
    private static partial Regex UsbDevicesMark();

    [GeneratedRegex(@"^\s*(b[A-Z]\w*|wMaxPacketSize|idVendor)\s*:\s*0x[0-9A-Fa-f]+|^\s*0x[0-9A-Fa-f]+\s+b[A-Z]\w*", RegexOptions.Multiline)]
    private static partial Regex UsbViewMark();

    [GeneratedRegex(@"^\s*(bLength|bcdUSB|idVendor)\s+\S+", RegexOptions.Multiline)]
    private static partial Regex LsusbMark();

    /// <summary>Reads <paramref name="path"/>; the source name in errors is the path as given.</summary>
    /// <exception cref="DescriptorDumpException">The file is missing, of no known format, or malformed.</exception>
    public static DescriptorDump ReadFile(string path, UsbSpeed? speed = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        Stream stream;
        try
        {
            stream = File.OpenRead(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new DescriptorDumpException(path, "", e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : "cannot be opened: " + e.Message.ReplaceLineEndings(" "));
        }
        using (stream) return Read(stream, path, speed);
    }

    /// <summary>Reads a dump from a seekable <paramref name="stream"/>, detecting its format from the first bytes.</summary>
    public static DescriptorDump Read(Stream stream, string source, UsbSpeed? speed = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var head = new byte[DetectionBytes];
        var length = 0;
        int n;
        while (length < head.Length && (n = stream.Read(head, length, head.Length - length)) > 0) length += n;
        var format = Detect(head.AsSpan(0, length), source);
        if (format == DescriptorFormat.CaptureResponses) return FromCapture(new PrefixedStream(head.AsMemory(0, length), stream), source, speed);
        if (format == DescriptorFormat.Binary)
        {
            if (stream.CanSeek && stream.Length > DescriptorBlobReader.MaxBytes)
                throw new DescriptorDumpException(source, "", $"{stream.Length} bytes is more than any device's descriptors ({DescriptorBlobReader.MaxBytes} bytes at most)");
            using var all = new MemoryStream();
            all.Write(head, 0, length);
            var buffer = new byte[81920];
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                if (all.Length + n > DescriptorBlobReader.MaxBytes)
                    throw new DescriptorDumpException(source, "", $"more than {DescriptorBlobReader.MaxBytes} bytes, more than any device's descriptors");
                all.Write(buffer, 0, n);
            }
            return DescriptorBlobReader.Read(all.GetBuffer().AsSpan(0, (int)all.Length), source, speed);
        }

        using var text = new StreamReader(new PrefixedStream(head.AsMemory(0, length), stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var builders = format switch
        {
            DescriptorFormat.UsbDevices => UsbDevicesTextReader.Read(text, source),
            DescriptorFormat.UsbView => UsbViewTextReader.Read(text, source),
            _ => LsusbTextReader.Read(text, source),
        };
        var devices = builders.Where(b => b.SawDeviceDescriptor || b.Configurations.Count > 0).ToList();
        if (devices.Count == 0) throw new DescriptorDumpException(source, "", $"no device descriptor found in the {Describe(format)}");
        return new DescriptorDump(source, format, devices.Select(d => d.Build(source, speed)).ToArray());
    }

    /// <summary>The format the first bytes of a dump show.</summary>
    /// <exception cref="DescriptorDumpException">No known format.</exception>
    public static DescriptorFormat Detect(ReadOnlySpan<byte> head, string source)
    {
        if (head.Length >= 4 && (Captures.PcapReader.IsMagic(head) || Captures.PcapngBlockReader.IsMagic(head))) return DescriptorFormat.CaptureResponses;
        if (head.Length >= 2 && ((head[0] == 18 && head[1] == DescriptorBlobReader.DeviceType) || (head[0] == 9 && head[1] == DescriptorBlobReader.ConfigurationType)))
            return DescriptorFormat.Binary;
        if (head.IndexOf((byte)0) >= 0 || head.Length == 0)
            throw Unknown(source, head.Length == 0 ? "empty" : "binary data that does not start with a device descriptor (18, 1) or a configuration descriptor (9, 2)");
        var text = Encoding.UTF8.GetString(head);
        if (UsbDevicesMark().IsMatch(text)) return DescriptorFormat.UsbDevices;
        if (UsbViewMark().IsMatch(text)) return DescriptorFormat.UsbView;
        if (LsusbMark().IsMatch(text)) return DescriptorFormat.LsusbVerbose;
        throw Unknown(source, "text that is none of the known dumps");
    }

    /// <summary>The format's name in messages.</summary>
    public static string Describe(DescriptorFormat format) => format switch
    {
        DescriptorFormat.LsusbVerbose => "lsusb -v text",
        DescriptorFormat.UsbDevices => "usb-devices text",
        DescriptorFormat.UsbView => "USBView text report",
        DescriptorFormat.CaptureResponses => "capture's GET_DESCRIPTOR responses",
        _ => "binary descriptors",
    };

    private static DescriptorDumpException Unknown(string source, string what) =>
        new(source, "byte 0", $"{what}; allowed: lsusb -v text, usb-devices or /sys/kernel/debug/usb/devices text, a USBView text report, binary descriptors (sysfs descriptors file), or a pcap/pcapng capture that saw its devices enumerate");

    /// <summary>Every device whose complete configuration the capture's GET_DESCRIPTOR responses carry, in bus:address order.</summary>
    private static DescriptorDump FromCapture(Stream stream, string source, UsbSpeed? speed)
    {
        Captures.CaptureReport report;
        try
        {
            report = Captures.CaptureAnalysis.Analyze(stream, source);
        }
        catch (Captures.CaptureFormatException e)
        {
            throw new DescriptorDumpException(source, e.Where, e.Problem);
        }
        var devices = report.Descriptors.Select(d => (d.Bus, d.Device)).Distinct().Order()
            .Select(d => Captures.CaptureDescriptors.For(report, d.Bus, d.Device, speed))
            .OfType<DumpedDevice>()
            .ToArray();
        if (devices.Length == 0)
            throw new DescriptorDumpException(source, "", "the capture holds no complete GET_DESCRIPTOR(CONFIGURATION) response: no device enumerated while it was captured");
        return new DescriptorDump(source, DescriptorFormat.CaptureResponses, devices);
    }
}
