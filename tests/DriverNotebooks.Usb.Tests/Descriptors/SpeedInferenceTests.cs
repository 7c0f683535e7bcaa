namespace DriverNotebooks.Usb.Tests.Descriptors;

/// <summary>
/// The speed of a dump that does not state it, decided from the descriptors themselves (synthetic binary edge cases:
/// one device descriptor with a chosen bcdUSB and bMaxPacketSize0, one configuration, one interface, one endpoint).
/// </summary>
public sealed class SpeedInferenceTests
{
    private static DeviceSpeed SpeedOf(int bcdUsb, int maxPacket0, int attributes, int wMaxPacketSize, byte[]? companion = null)
    {
        var endpoint = new byte[] { 7, 5, 0x81, (byte)attributes, (byte)wMaxPacketSize, (byte)(wMaxPacketSize >> 8), 1 };
        var tail = endpoint.Concat(companion ?? []).ToArray();
        var total = 9 + 9 + tail.Length;
        byte[] data =
        [
            18, 1, (byte)bcdUsb, (byte)(bcdUsb >> 8), 0, 0, 0, (byte)maxPacket0, 0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1,
            9, 2, (byte)total, 0, 1, 1, 0, 0x80, 50,
            9, 4, 0, 0, 1, 0xFF, 0, 0, 0,
            .. tail,
        ];
        return DescriptorBlobReader.Read(data, "synthetic").Devices.Single().Speed;
    }

    [Fact]
    public void A_superspeed_companion_means_superspeed()
    {
        var speed = SpeedOf(0x0300, 9, 2, 1024, [6, 0x30, 15, 0, 0, 0]);
        Assert.Equal((UsbSpeed.Super, false), (speed.Speed, speed.Stated));
        Assert.Contains("companion", speed.How, StringComparison.Ordinal);
    }

    [Fact]
    public void BcdUSB_3_with_bMaxPacketSize0_9_means_superspeed()
    {
        Assert.Equal(UsbSpeed.Super, SpeedOf(0x0310, 9, 3, 8).Speed);
    }

    [Fact]
    public void Extra_transactions_per_microframe_mean_high_speed()
    {
        var speed = SpeedOf(0x0200, 64, 1, 0x1400);
        Assert.Equal(UsbSpeed.High, speed.Speed);
        Assert.Contains("2 additional transactions per microframe", speed.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_512_byte_bulk_packet_means_high_speed()
    {
        Assert.Equal(UsbSpeed.High, SpeedOf(0x0200, 64, 2, 512).Speed);
    }

    [Fact]
    public void A_64_byte_bulk_packet_on_a_usb_2_device_means_full_speed()
    {
        var speed = SpeedOf(0x0200, 64, 2, 64);
        Assert.Equal(UsbSpeed.Full, speed.Speed);
        Assert.Contains("high speed requires 512", speed.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_evidence_usb_1_is_taken_as_full_speed_and_usb_2_as_high_speed_and_both_say_assumed()
    {
        var old = SpeedOf(0x0110, 8, 3, 8);
        var two = SpeedOf(0x0200, 64, 3, 8);
        Assert.Equal(UsbSpeed.Full, old.Speed);
        Assert.Equal(UsbSpeed.High, two.Speed);
        Assert.Contains("assumed", old.How, StringComparison.Ordinal);
        Assert.Contains("assumed", two.How, StringComparison.Ordinal);
    }

    [Fact]
    public void A_superspeed_isochronous_companion_gives_burst_mult_and_bytes_per_interval()
    {
        // bMaxBurst 15, Mult field 2 (3 bursts), wBytesPerInterval 49152 = 1024 × 16 × 3.
        byte[] companion = [6, 0x30, 15, 2, 0x00, 0xC0];
        var endpoint = new byte[] { 7, 5, 0x81, 1, 0x00, 0x04, 1 }.Concat(companion).ToArray();
        byte[] data =
        [
            18, 1, 0x00, 0x03, 0, 0, 0, 9, 0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1,
            9, 2, (byte)(18 + endpoint.Length), 0, 1, 1, 0, 0x80, 50,
            9, 4, 0, 0, 1, 0xFF, 0, 0, 0,
            .. endpoint,
        ];
        var dump = DescriptorBlobReader.Read(data, "synthetic");
        var ceiling = DescriptorCeilings.Analyze(dump).Endpoints.Single();

        Assert.Equal((16, 3, 49152), (ceiling.Validated!.Descriptor.Burst, ceiling.Validated.Descriptor.Mult, ceiling.Validated.Descriptor.BytesPerInterval));
        // 1024 B × 16 × 3 every 125 µs = 393.216 MB/s, the published SuperSpeed isochronous maximum [S25].
        Assert.Equal(393_216_000, ceiling.Limit!.BytesPerSecond, 3);
    }

    [Fact]
    public void Configuration_descriptors_alone_as_a_get_descriptor_response_read_with_offsets_from_the_response()
    {
        byte[] configuration = [9, 2, 25, 0, 1, 1, 0, 0x80, 50, 9, 4, 0, 0, 1, 0xFF, 0, 0, 0, 0, 5, 0x81, 2, 0, 2, 0];
        var e = Assert.Throws<DescriptorDumpException>(() => DescriptorBlobReader.Read(configuration, "capture.pcapng", baseOffset: 1000));
        Assert.Equal("capture.pcapng: byte 1018: descriptor bLength 0 (a descriptor is at least 2 bytes: bLength and bDescriptorType)", e.Message);

        configuration[18] = 7;
        var device = DescriptorBlobReader.Read(configuration, "capture.pcapng", UsbSpeed.High).Devices.Single();
        Assert.Equal(("0000:0000", 512), (device.Id, device.Endpoints.Single().Endpoint.MaxPacketSize));
    }
}

/// <summary>Layouts of the Windows USBView report that the real report in TestData (a USB Device Tree Viewer one) does not show.</summary>
public sealed class UsbViewLayoutTests
{
    // Synthetic, in the layout of Microsoft's USBView "save as text": the open pipes are listed before the configuration.
    private const string Report = """
        Device Bus Speed:     SuperSpeed
        Device Address:       0x05
        Open Pipes:              2

                  ===>Device Descriptor<===
        bLength:                           0x12
        bDescriptorType:                   0x01
        bcdUSB:                          0x0320
        bMaxPacketSize0:                   0x09 = (9) Bytes
        idVendor:                        0x1234
        idProduct:                       0x5678

                  ---===>Open Pipes<===---

                  ===>Endpoint Descriptor<===
        bLength:                           0x07
        bDescriptorType:                   0x05
        bEndpointAddress:                  0x81  -> Direction: IN - EndpointID: 1
        bmAttributes:                      0x02  -> Bulk Transfer Type
        wMaxPacketSize:                  0x0400
        bInterval:                         0x00

               ---===>Full Configuration Descriptor<===---

                  ===>Configuration Descriptor<===
        bLength:                           0x09
        bDescriptorType:                   0x02
        bConfigurationValue:               0x01

                  ===>Interface Descriptor<===
        bLength:                           0x09
        bDescriptorType:                   0x04
        bInterfaceNumber:                  0x00
        bAlternateSetting:                 0x00

                  ===>Endpoint Descriptor<===
        bLength:                           0x07
        bDescriptorType:                   0x05
        bEndpointAddress:                  0x81  -> Direction: IN - EndpointID: 1
        bmAttributes:                      0x02  -> Bulk Transfer Type
        wMaxPacketSize:                  0x0400
        bInterval:                         0x00

                  ===>SuperSpeed Endpoint Companion Descriptor<===
        bLength:                           0x06
        bDescriptorType:                   0x30
        bMaxBurst:                         0x0F
        bmAttributes:                      0x00
        wBytesPerInterval:               0x0000
        """;

    [Fact]
    public void The_open_pipes_list_is_skipped_and_the_configurations_endpoint_keeps_its_companion()
    {
        var dump = DescriptorDumpReader.Read(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(Report)), "usbview.txt");
        var device = dump.Devices.Single();

        Assert.Equal(DescriptorFormat.UsbView, dump.Format);
        Assert.Equal((UsbSpeed.Super, true), (device.Speed.Speed, device.Speed.Stated));
        var endpoint = device.Endpoints.Single().Endpoint;
        Assert.Equal((0x81, 1024, 15), (endpoint.Address, endpoint.MaxPacketSize, endpoint.Companion!.MaxBurst));
    }
}
