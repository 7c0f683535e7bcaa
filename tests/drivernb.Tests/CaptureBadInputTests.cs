using System.Buffers.Binary;
using DriverNotebooks.Commands;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// A malformed capture is one line naming the file and the byte offset, exit code 2, no stack trace and no
/// output; a capture cut short by a crash is read up to its last whole record with a warning.
/// </summary>
public sealed class CaptureBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static byte[] ValidUsbmonPcap(int records = 8)
    {
        using var memory = new MemoryStream();
        new SyntheticReaderCapture(Pending: 2, TransferBytes: 512, ServiceNs: 100_000, TurnaroundNs: 20_000).Write(memory, records);
        return memory.ToArray();
    }

    /// <summary>A pcapng section with an interface of <paramref name="linkType"/> (or none) and one 64-byte packet.</summary>
    private static byte[] Pcapng(int? linkType, uint? packetCapturedLength = null)
    {
        var blocks = new List<byte[]>();
        blocks.Add(Block(0x0A0D0D0A, [0x4D, 0x3C, 0x2B, 0x1A, 1, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]));
        if (linkType is { } lt)
        {
            var idb = new byte[8];
            BinaryPrimitives.WriteUInt16LittleEndian(idb, (ushort)lt);
            blocks.Add(Block(1, idb));
        }
        var epb = new byte[20 + 64];
        BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(12), packetCapturedLength ?? 64);
        BinaryPrimitives.WriteUInt32LittleEndian(epb.AsSpan(16), 64);
        epb[20 + 8] = (byte)'S';
        blocks.Add(Block(6, epb));
        return [.. blocks.SelectMany(b => b)];
    }

    private static byte[] Block(uint type, byte[] body)
    {
        var length = 12 + ((body.Length + 3) & ~3);
        var block = new byte[length];
        BinaryPrimitives.WriteUInt32LittleEndian(block, type);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(4), (uint)length);
        body.CopyTo(block, 8);
        BinaryPrimitives.WriteUInt32LittleEndian(block.AsSpan(length - 4), (uint)length);
        return block;
    }

    private async Task<CliTester.Result> Capture(string name, byte[] bytes, params string[] options)
    {
        var path = _folder.File(name);
        await File.WriteAllBytesAsync(path, bytes);
        return await CliTester.Run(["usb", "capture", path, .. options]);
    }

    private static void AssertOneLineError(CliTester.Result result, string name, string expected)
    {
        var error = result.Error.TrimEnd('\r', '\n');
        Assert.Equal(CommandLineException.ExitCode, result.ExitCode);
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error);
        Assert.Equal("", result.Output);
        Assert.Equal($"drivernb usb capture: {name}: {expected}", error);
    }

    [Fact]
    public async Task A_wrong_magic_number_names_byte_0_and_the_formats_allowed()
    {
        var bytes = ValidUsbmonPcap();
        bytes[0] = 0x00;
        var result = await Capture("wrong-magic.pcap", bytes);
        AssertOneLineError(result, "wrong-magic.pcap", "byte 0: magic number 0x00C3B2A1 is not a capture's; allowed: pcap (A1B2C3D4 or A1B23C4D, either byte order), pcapng (0A0D0D0A) or usbmon text lines");
    }

    [Fact]
    public async Task A_record_claiming_4_GB_is_malformed_at_its_offset()
    {
        var bytes = ValidUsbmonPcap();
        var second = 24 + 16 + 64;
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(second + 8), 0xFFFF_FFF0);
        var result = await Capture("huge-record.pcap", bytes);
        AssertOneLineError(result, "huge-record.pcap", $"byte {second}: record claims 4294967280 captured bytes; a record holds at most 16777216");
    }

    [Fact]
    public async Task A_packet_whose_length_points_past_the_end_of_its_block_is_malformed()
    {
        var result = await Capture("past-block.pcapng", Pcapng(LinkTypes.UsbLinuxMmapped, packetCapturedLength: 4000));
        AssertOneLineError(result, "past-block.pcapng", "byte 68: packet claims 4000 captured bytes but its block holds 64");
    }

    [Fact]
    public async Task A_pcapng_block_length_that_cannot_be_a_block_is_malformed()
    {
        var bytes = Pcapng(LinkTypes.UsbLinuxMmapped);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(28 + 4), 0x7FFF_FFF0);
        var result = await Capture("block-length.pcapng", bytes);
        AssertOneLineError(result, "block-length.pcapng", "byte 32: block of type 0x1 claims 2147483632 bytes; a block is a multiple of 4 from 12 to 16777216");
    }

    [Fact]
    public async Task A_pcapng_packet_before_any_interface_block_is_malformed()
    {
        var result = await Capture("no-interface.pcapng", Pcapng(linkType: null));
        AssertOneLineError(result, "no-interface.pcapng", "byte 28: packet block names interface 0 but the section has no Interface Description Block before it");
    }

    [Fact]
    public async Task An_unsupported_link_type_is_named()
    {
        var result = await Capture("ethernet.pcapng", Pcapng(linkType: 1));
        AssertOneLineError(result, "ethernet.pcapng", "byte 0: link type 1 (ETHERNET) is not a USB capture this reader knows; allowed: 189 (USB_LINUX), 220 (USB_LINUX_MMAPPED), 249 (USBPCAP), or USB 2.0 packets from a hardware analyser: 288 (USB_2_0), 293, 294 or 295 (low, full, high speed)");
    }

    [Fact]
    public async Task A_pcap_of_link_type_288_whose_records_are_not_USB_packets_is_refused_at_the_first_one()
    {
        // usbmon records under the analyser's link type: 64-byte records no PID allows.
        var bytes = ValidUsbmonPcap();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(20), 288);
        var result = await Capture("analyser.pcap", bytes);
        AssertOneLineError(result, "analyser.pcap", "byte 24: PID byte 0x00 fails its check (the high 4 bits must be the low 4 inverted, as in 0x69 for IN); 8 of the first 8 records of link type 288 (USB_2_0) are not USB 2.0 packets, so this is no capture of them");
    }

    [Fact]
    public async Task A_capture_cut_short_in_its_last_record_counts_the_records_before_it_and_warns()
    {
        var whole = ValidUsbmonPcap(records: 8);
        var cut = whole[..^30];
        var result = await Capture("cut.pcap", cut, "--json");
        Assert.True(result.ExitCode == 0, result.Error);
        var json = System.Text.Json.Nodes.JsonNode.Parse(result.Output)!;
        Assert.Equal(7, json["records"]!.GetValue<long>());
        Assert.Equal($"byte {24 + 7 * 80}: the last record is cut short (34 of 64 bytes); the 7 records before it are read", json["warnings"]![0]!.GetValue<string>());
    }
}
