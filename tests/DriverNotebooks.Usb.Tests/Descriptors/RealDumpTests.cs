namespace DriverNotebooks.Usb.Tests.Descriptors;

/// <summary>Real public dumps (TestData/Descriptors/README.md) read in every format, with the bus ceiling of their endpoints.</summary>
public sealed class RealDumpTests
{
    private static EndpointCeiling Ceiling(DescriptorReport report, string device, int address, int? alt = null) =>
        report.Endpoints.Single(c => c.Device.Id == device && c.Endpoint.Address == address && (alt is null || c.Interface.AlternateSetting == alt));

    [Fact]
    public void An_lsusb_file_of_a_whole_host_gives_every_device_in_file_order()
    {
        var dump = DumpFiles.Read(DumpFiles.RealSense);

        Assert.Equal(DescriptorFormat.LsusbVerbose, dump.Format);
        Assert.Equal(["8086:0a66", "05e3:0616", "05e3:0616", "1d6b:0003", "041e:4099", "05e3:0610", "05e3:0610", "1d6b:0002"], dump.Devices.Select(d => d.Id));
        Assert.Equal((4, 8), (dump.Devices[0].Bus, dump.Devices[0].Address));
    }

    [Fact]
    public void Older_lsusb_states_no_speed_so_a_companion_descriptor_makes_the_realsense_camera_superspeed_and_says_it_was_inferred()
    {
        var camera = DumpFiles.Read(DumpFiles.RealSense).Devices[0];

        Assert.Equal(UsbSpeed.Super, camera.Speed.Speed);
        Assert.False(camera.Speed.Stated);
        Assert.StartsWith("inferred from SuperSpeed endpoint companion", camera.Speed.How, StringComparison.Ordinal);
    }

    [Fact]
    public void The_realsense_bulk_endpoints_burst_16_packets_and_reach_the_superspeed_bulk_ceiling()
    {
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.RealSense));
        var bulk = Ceiling(report, "8086:0a66", 0x83);

        Assert.Equal(TransferType.Bulk, bulk.Endpoint.Type);
        Assert.Equal(15, bulk.Endpoint.Companion!.MaxBurst);
        Assert.Equal(16, bulk.Validated!.Descriptor.Burst);
        // Gen 1 line rate 500 MB/s × 1024 / (1024 + 32 B framing), the rule of drivernb usb.
        Assert.Equal(500e6 * 1024 / 1056, bulk.Limit!.BytesPerSecond, 3);
    }

    [Fact]
    public void A_superspeed_interrupt_endpoint_with_bInterval_9_is_served_every_256_bus_intervals()
    {
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.RealSense));
        var interrupt = Ceiling(report, "8086:0a66", 0x84);

        // 2^(9-1) × 125 µs = 32 ms; 64 B per 32 ms.
        Assert.Equal(Duration.FromMilliseconds(32), interrupt.Limit!.ServicePeriod);
        Assert.Equal(64 / 0.032, interrupt.Limit.BytesPerSecond, 6);
    }

    [Fact]
    public void An_audio_streaming_interface_reserves_nothing_in_alt_0_and_its_isochronous_packets_in_alt_1()
    {
        // The Creative camera's microphone: lsusb states no speed and no packet size decides, so give it.
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.RealSense, UsbSpeed.Full));
        var audio = report.AlternateSettings.Where(a => a.Device.Id == "041e:4099" && a.Interface == 1).ToList();

        Assert.Equal([0, 1], audio.Select(a => a.AlternateSetting));
        Assert.Equal(0, audio[0].BytesPerSecond);
        // 200 B every 1 ms frame (bInterval 1 at full speed isochronous).
        Assert.Equal(200_000, audio[1].BytesPerSecond, 6);
    }

    [Fact]
    public void The_usb_2_hubs_of_the_host_are_high_speed_by_their_transaction_translators()
    {
        var hubs = DumpFiles.Read(DumpFiles.RealSense).Devices.Where(d => d.Id is "05e3:0610" or "1d6b:0002").ToList();

        Assert.Equal(3, hubs.Count);
        Assert.All(hubs, h => Assert.Equal(UsbSpeed.High, h.Speed.Speed));
        Assert.All(hubs, h => Assert.Contains("hub bDeviceProtocol", h.Speed.How, StringComparison.Ordinal));
    }

    [Fact]
    public void Newer_lsusb_states_the_negotiated_speed_and_four_high_speed_bulk_endpoints_each_get_the_bulk_budget()
    {
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.MyGica));
        var device = report.Dump.Devices.Single();

        Assert.Equal(UsbSpeed.High, device.Speed.Speed);
        Assert.True(device.Speed.Stated);
        Assert.Contains("Negotiated speed", device.Speed.How, StringComparison.Ordinal);
        Assert.Equal([0x81, 0x01, 0x82, 0x86], report.Endpoints.Select(e => e.Endpoint.Address));
        // 13 × 512 B per microframe (USB 2.0 Table 5-10) = 53.248 MB/s.
        Assert.All(report.Endpoints, e => Assert.Equal(53_248_000, e.Limit!.BytesPerSecond, 3));
    }

    [Fact]
    public void A_usbview_report_of_a_uvc_camera_lists_the_video_alternate_settings_with_high_bandwidth_mult()
    {
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.C270Report));
        var device = report.Dump.Devices.Single();

        Assert.Equal(DescriptorFormat.UsbView, report.Dump.Format);
        Assert.Equal("046d:0825", device.Id);
        Assert.Equal(UsbSpeed.High, device.Speed.Speed);
        Assert.True(device.Speed.Stated);
        var top = Ceiling(report, "046d:0825", 0x81, alt: 11);
        // wMaxPacketSize 0x13FC: bits 12..11 = 2 (3 transactions), bits 10..0 = 1020 B; bInterval 1 = every microframe.
        Assert.Equal((1020, 2), (top.Endpoint.MaxPacketSize, top.Endpoint.AdditionalTransactions));
        Assert.Equal(3 * 1020 / 125e-6, top.Limit!.BytesPerSecond, 3);
        var video = report.AlternateSettings.Where(a => a.Interface == 1).ToList();
        Assert.Equal(Enumerable.Range(0, 12), video.Select(a => a.AlternateSetting));
        Assert.Equal(0, video[0].BytesPerSecond);
        Assert.Equal(192 / 125e-6, video[1].BytesPerSecond, 3);
    }

    [Fact]
    public void The_usbview_report_skips_the_other_speed_configuration()
    {
        var device = DumpFiles.Read(DumpFiles.C270Report).Devices.Single();

        Assert.Single(device.Configurations);
        Assert.Equal(1, device.Endpoints.Count(e => e.Endpoint.Address == 0x81 && e.Interface.AlternateSetting == 11));
    }

    [Fact]
    public void The_sysfs_style_binary_of_the_same_camera_gives_the_same_endpoints_as_its_usbview_report()
    {
        var fromText = DumpFiles.Read(DumpFiles.C270Report).Devices.Single();
        var fromBinary = DumpFiles.Read(DumpFiles.C270Binary).Devices.Single();

        static string[] Shape(DumpedDevice d) =>
            [.. d.Endpoints.Select(e => $"{e.Interface.Number}.{e.Interface.AlternateSetting} {e.Endpoint.AddressText} {e.Endpoint.Type} 0x{e.Endpoint.WMaxPacketSize:x4} {e.Endpoint.BInterval}")];
        Assert.Equal(Shape(fromText), Shape(fromBinary));
        Assert.Equal(fromText.Id, fromBinary.Id);
    }

    [Fact]
    public void Binary_descriptors_state_no_speed_so_high_bandwidth_packets_make_the_camera_high_speed()
    {
        var device = DumpFiles.Read(DumpFiles.C270Binary).Devices.Single();

        Assert.Equal(DescriptorFormat.Binary, DumpFiles.Read(DumpFiles.C270Binary).Format);
        Assert.Equal(UsbSpeed.High, device.Speed.Speed);
        Assert.False(device.Speed.Stated);
        Assert.Contains("additional transactions per microframe", device.Speed.How, StringComparison.Ordinal);
    }

    [Fact]
    public void Speed_given_by_the_user_overrides_what_was_inferred()
    {
        var device = DumpFiles.Read(DumpFiles.C270Binary, UsbSpeed.Full).Devices.Single();

        Assert.Equal(new DeviceSpeed(UsbSpeed.Full, true, "given as full"), device.Speed);
    }

    [Fact]
    public void Kernel_devices_text_states_full_speed_and_each_bluetooth_voice_setting_reserves_both_iso_endpoints()
    {
        var report = DescriptorCeilings.Analyze(DumpFiles.Read(DumpFiles.IntelBluetooth));
        var device = report.Dump.Devices.Single();

        Assert.Equal(DescriptorFormat.UsbDevices, report.Dump.Format);
        Assert.Equal((UsbSpeed.Full, true), (device.Speed.Speed, device.Speed.Stated));
        var voice = report.AlternateSettings.Where(a => a.Interface == 1).ToList();
        Assert.Equal(7, voice.Count);
        // Alt 0 has zero-size packets: it reserves nothing, as the default setting of an isochronous interface must.
        Assert.Equal((0.0, 2, 0), (voice[0].BytesPerSecond, voice[0].PeriodicEndpoints, voice[0].Rejected));
        // Ivl=1ms at full speed isochronous is bInterval 1; 63 B each way every frame.
        Assert.Equal(2 * 63_000, voice[6].BytesPerSecond, 6);
        Assert.Equal(1, Ceiling(report, "8087:0038", 0x83, alt: 6).Endpoint.BInterval);
    }

    [Fact]
    public void Kernel_devices_text_splits_a_high_speed_max_packet_times_mult_back_into_its_fields()
    {
        const string text = "T:  Bus=01 Lev=01 Prnt=01 Port=00 Cnt=01 Dev#=  2 Spd=480  MxCh= 0\n" +
                            "D:  Ver= 2.00 Cls=00(>ifc ) Sub=00 Prot=00 MxPS=64 #Cfgs=  1\n" +
                            "P:  Vendor=1234 ProdID=5678 Rev= 1.00\n" +
                            "C:* #Ifs= 1 Cfg#= 1 Atr=80 MxPwr=500mA\n" +
                            "I:* If#= 0 Alt= 1 #EPs= 1 Cls=0e(video) Sub=02 Prot=00 Driver=uvcvideo\n" +
                            "E:  Ad=81(I) Atr=05(Isoc) MxPS=3072 Ivl=125us\n";
        var endpoint = DescriptorDumpReader.Read(new MemoryStream(System.Text.Encoding.ASCII.GetBytes(text)), "synthetic").Devices.Single().Endpoints.Single().Endpoint;

        Assert.Equal((1024, 2, 1), (endpoint.MaxPacketSize, endpoint.AdditionalTransactions, endpoint.BInterval));
    }
}
