namespace DriverNotebooks.Usb.Tests.Descriptors;

/// <summary>Every malformed dump is one line naming the file and the byte offset or line, never a crash.</summary>
public sealed class BadDumpTests
{
    // A device descriptor, then a configuration holding one interface with one bulk IN endpoint (18 + 9 + 9 + 7 bytes).
    private static byte[] Device(int totalLength = 25, int endpointLength = 7) =>
    [
        18, 1, 0x00, 0x02, 0, 0, 0, 64, 0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1,
        9, 2, (byte)totalLength, (byte)(totalLength >> 8), 1, 1, 0, 0x80, 50,
        9, 4, 0, 0, 1, 0xFF, 0, 0, 0,
        (byte)endpointLength, 5, 0x81, 2, 0x00, 0x02, 0,
    ];

    private static DescriptorDumpException Fails(byte[] data) =>
        Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.Read(new MemoryStream(data), "dev.bin"));

    [Fact]
    public void The_synthetic_device_itself_reads()
    {
        var endpoint = DescriptorDumpReader.Read(new MemoryStream(Device()), "dev.bin").Devices.Single().Endpoints.Single().Endpoint;
        Assert.Equal((0x81, TransferType.Bulk, 512), (endpoint.Address, endpoint.Type, endpoint.MaxPacketSize));
    }

    [Fact]
    public void Truncated_binary_names_where_the_data_ends()
    {
        var e = Fails(Device()[..10]);
        Assert.Equal("dev.bin: byte 10: truncated: the device descriptor needs 18 bytes, the data ends after 10", e.Message);
    }

    [Fact]
    public void A_bLength_of_0_names_its_byte()
    {
        var data = Device();
        data[27] = 0;
        Assert.Equal("dev.bin: byte 27: descriptor bLength 0 (a descriptor is at least 2 bytes: bLength and bDescriptorType)", Fails(data).Message);
    }

    [Fact]
    public void A_descriptor_running_past_its_configuration_is_named()
    {
        var data = Device(endpointLength: 9).Concat(new byte[] { 0, 0 }).ToArray();
        Assert.Equal("dev.bin: byte 36: descriptor type 5 with bLength 9 runs past the end of its configuration (wTotalLength 25 ends at byte 43)", Fails(data).Message);
    }

    [Fact]
    public void A_wTotalLength_longer_than_the_data_is_named()
    {
        Assert.Equal("dev.bin: byte 20: configuration wTotalLength 100 runs past the end of the data (25 bytes left)", Fails(Device(totalLength: 100)).Message);
    }

    [Fact]
    public void A_wTotalLength_shorter_than_its_descriptors_leaves_an_endpoint_where_a_configuration_must_start()
    {
        Assert.Equal("dev.bin: byte 36: descriptor type 5 where a configuration descriptor (type 2) must start; the previous configuration's wTotalLength ends too early",
            Fails(Device(totalLength: 18)).Message);
    }

    [Fact]
    public void Text_of_no_known_format_names_the_formats_allowed()
    {
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.Read(new MemoryStream("hello\nworld\n"u8.ToArray()), "notes.txt"));
        Assert.StartsWith("notes.txt: byte 0: text that is none of the known dumps; allowed: lsusb -v text", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_one_line()
    {
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.ReadFile("/no/such/dump.txt"));
        Assert.Equal("/no/such/dump.txt: no such file", e.Message);
    }

    [Fact]
    public void A_line_longer_than_any_dump_has_stops_the_read_with_its_line_number()
    {
        var text = "Device Descriptor:\n  bLength 18\n" + new string('x', TextLines.MaxLineLength + 1) + "\n";
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)), "big.txt"));
        Assert.Equal($"big.txt: line 3: longer than {TextLines.MaxLineLength} characters (not a descriptor dump)", e.Message);
    }

    [Fact]
    public void A_binary_file_larger_than_any_devices_descriptors_is_refused_before_it_is_read()
    {
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.Read(new HugeStream(), "disk.img"));
        Assert.Equal($"disk.img: {HugeStream.Size} bytes is more than any device's descriptors ({DescriptorBlobReader.MaxBytes} bytes at most)", e.Message);
    }

    /// <summary>A 4 GiB stream that starts like a device descriptor and is never read past its first bytes.</summary>
    private sealed class HugeStream : Stream
    {
        public const long Size = 4L << 30;
        private long _position;

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= 2 * DescriptorDumpReader.DetectionBytes) throw new InvalidOperationException("read past the detection bytes");
            var n = Math.Min(count, 4096);
            Array.Clear(buffer, offset, n);
            if (_position == 0) { buffer[offset] = 18; buffer[offset + 1] = 1; }
            _position += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => true;
        public override bool CanWrite => false;
        public override long Length => Size;
        public override long Position { get => _position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public void A_bad_number_in_lsusb_text_names_its_line()
    {
        var text = "Device Descriptor:\n  bLength 18\n  bcdUSB 2.00\n  Configuration Descriptor:\n    Interface Descriptor:\n      Endpoint Descriptor:\n        bEndpointAddress     0x81  EP 1 IN\n        bmAttributes            2\n        wMaxPacketSize     lots\n";
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorDumpReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)), "x.txt"));
        Assert.Equal("x.txt: line 9: wMaxPacketSize \"lots\" is not a number from 0 to 65535", e.Message);
    }

    [Fact]
    public void An_endpoint_address_not_in_the_file_lists_the_ones_that_are()
    {
        var dump = DumpFiles.Read(DumpFiles.MyGica);
        var e = Assert.Throws<DescriptorDumpException>(() => EndpointSelection.Find(dump, 0x85));
        Assert.EndsWith(": endpoint 0x85 is not in the file; endpoints: 0x81, 0x01, 0x82, 0x86", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alternate_setting_that_does_not_hold_the_endpoint_lists_the_ones_that_do()
    {
        var dump = DumpFiles.Read(DumpFiles.C270Report);
        var e = Assert.Throws<DescriptorDumpException>(() => EndpointSelection.Find(dump, 0x81, alternateSetting: 12));
        Assert.EndsWith(": endpoint 0x81 is not in alternate setting 12; it is in alternate settings 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_endpoint_in_several_alternate_settings_needs_one_named()
    {
        var dump = DumpFiles.Read(DumpFiles.C270Report);
        var e = Assert.Throws<DescriptorDumpException>(() => EndpointSelection.Find(dump, 0x81));
        Assert.EndsWith("of interface 1; name one", e.Message, StringComparison.Ordinal);
        Assert.Equal(11, EndpointSelection.Find(dump, 0x81, 11).Interface.AlternateSetting);
    }

    [Fact]
    public void An_endpoint_on_several_devices_needs_the_device_named_by_id_or_bus_and_address()
    {
        var dump = DumpFiles.Read(DumpFiles.RealSense);
        Assert.Contains("is on 6 devices", Assert.Throws<DescriptorDumpException>(() => EndpointSelection.Find(dump, 0x81)).Message, StringComparison.Ordinal);
        Assert.Equal("1d6b:0003", EndpointSelection.Find(dump, 0x81, device: "1d6b:0003").Device.Id);
        Assert.Equal("05e3:0610", EndpointSelection.Find(dump, 0x81, alternateSetting: 0, device: "3:8").Device.Id);
    }
}
