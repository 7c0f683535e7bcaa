using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// The whole flow on real captures (TestData/README.md): the endpoint's descriptor from the capture's own GET_DESCRIPTOR
/// responses, the measurement, and the verdict with the model at the measured point beside it.
/// </summary>
public sealed class RealCaptureVerdictTests
{
    private const string DisplayAdapter = CaptureFiles.UsbmonBulkOut;

    [Fact]
    public void The_display_adapters_descriptors_come_from_its_own_enumeration_in_the_capture()
    {
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(DisplayAdapter));
        var device = CaptureDescriptors.For(report, 6, 25)!;

        // tshark -r FILE -Y "usb.bDescriptorType==1" shows bcdUSB 0x0310; the configuration lists endpoints 0x81, 0x02, 0x83
        // with wMaxPacketSize 1024, 1024, 64, each followed by a SuperSpeed companion.
        Assert.Equal(0x0310, device.BcdUsb);
        Assert.Equal(UsbSpeed.Super, device.Speed.Speed);
        Assert.False(device.Speed.Stated);
        Assert.Equal([0x81, 0x02, 0x83], device.Endpoints.Select(e => e.Endpoint.Address));
        Assert.Equal([1024, 1024, 64], device.Endpoints.Select(e => e.Endpoint.MaxPacketSize));
        Assert.All(device.Endpoints, e => Assert.NotNull(e.Endpoint.Companion));
        Assert.Equal((6, 25), (device.Bus, device.Address));
    }

    [Fact]
    public void The_display_adapters_one_write_at_a_time_is_pipeline_limited_and_the_model_matches_within_10_percent()
    {
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(DisplayAdapter));
        var m = report.Endpoints.Single(e => e.EndpointAddress == 0x02);
        var endpoint = CaptureDescriptors.For(report, 6, 25)!.Endpoints.Single(e => e.Endpoint.Address == 0x02).Endpoint.ToDescriptor(UsbSpeed.Super);
        var v = CaptureVerdict.Decide(m, endpoint);

        Assert.Equal(MeasuredLimit.Pipeline, v.LimitedBy);
        Assert.Equal(1, v.PendingReads);
        Assert.InRange(Math.Abs(v.ModelDeviation!.Value), 0, 0.10);
        Assert.InRange(v.SimulatedBytesPerSecond!.Value, 0.9 * v.MeasuredBytesPerSecond, 1.1 * v.MeasuredBytesPerSecond);
        // Served at the rate its transfers moved while one was in flight, far under SuperSpeed's 484.848 MB/s.
        Assert.Equal(m.BusyThroughputBytesPerSecond, v.ServiceRateBytesPerSecond!.Value, 1e-6 * m.BusyThroughputBytesPerSecond);
        Assert.True(v.WhatIfs[0].PendingReads == 2 && v.WhatIfs[0].PredictedBytesPerSecond > 1.8 * v.ModelBytesPerSecond!.Value);
    }

    [Fact]
    public void The_windows_tablets_two_pending_interrupt_reads_wait_for_the_device_and_are_device_limited()
    {
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbPcapInterrupt));
        var m = report.Endpoints.Single(e => e.EndpointAddress == 0x81 && e.Transfers > 0);
        var device = CaptureDescriptors.For(report, m.Bus, m.Device)!;
        Assert.Equal("0627:0001", device.Id);
        var endpoint = device.Endpoints.Single(e => e.Endpoint.Address == 0x81).Endpoint.ToDescriptor(device.Speed.Speed);
        var v = CaptureVerdict.Decide(m, endpoint);

        Assert.Equal(MeasuredLimit.Device, v.LimitedBy);
        Assert.Equal(2, v.PendingReads);
        Assert.Contains("the device had no data", v.Summary);
    }

    [Fact]
    public void A_report_filtered_to_one_endpoint_or_a_later_window_still_carries_the_descriptors_of_its_device()
    {
        var path = CaptureFiles.PathOf(DisplayAdapter);
        var filtered = CaptureAnalysis.Analyze(path, new CaptureFilter(EndpointAddress: 0x02, FromSeconds: 30));
        Assert.Equal([0x02], filtered.Endpoints.Select(e => (int)e.EndpointAddress));
        static object Shape(DumpedDevice? d) => d is null ? "none" : (d.Id, d.Speed.Speed, string.Join(",", d.Endpoints.Select(e => $"{e.Endpoint.AddressText}/{e.Endpoint.WMaxPacketSize}")));
        Assert.Equal(Shape(CaptureDescriptors.For(CaptureAnalysis.Analyze(path), 6, 25)), Shape(CaptureDescriptors.For(filtered, 6, 25)));
        Assert.Equal(("0711:5601", UsbSpeed.Super, "0x81/1024,0x02/1024,0x83/64"), Shape(CaptureDescriptors.For(filtered, 6, 25)));
    }

    [Fact]
    public void A_capture_that_never_saw_a_full_configuration_has_no_descriptors_to_offer()
    {
        // test1 holds only GET_DESCRIPTOR(DEVICE) exchanges.
        var report = CaptureAnalysis.Analyze(CaptureFiles.PathOf(CaptureFiles.UsbmonHid));
        Assert.Null(CaptureDescriptors.For(report, 1, 2));
    }
}
