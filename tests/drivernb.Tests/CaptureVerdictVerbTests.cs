using System.Text.Json;
using DriverNotebooks.TestSupport;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// <c>drivernb usb capture</c> says what limited the busiest endpoint when its descriptor is known: from the capture's own
/// enumeration, or from <c>--from</c>; and says why not when it is not.
/// </summary>
public sealed class CaptureVerdictVerbTests
{
    private static string Capture(string name) => name is "mct-jcd543-4k-bulk-out.pcapng" or "usbmon-tools_usbpcap1.pcapng"
        ? Repository.PathOf("notebooks", "data", name)
        : Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "Captures", "TestData", name);

    [Fact]
    public async Task A_capture_that_saw_its_device_enumerate_gets_a_verdict_with_the_model_at_the_measured_point_beside_it()
    {
        var result = await CliTester.Run("usb", "capture", Capture("mct-jcd543-4k-bulk-out.pcapng"), "--json");
        Assert.Equal(0, result.ExitCode);
        var verdict = JsonDocument.Parse(result.Output).RootElement.GetProperty("verdict");

        Assert.Equal("0x02", verdict.GetProperty("endpoint").GetString());
        Assert.Equal("pipeline", verdict.GetProperty("limitedBy").GetString());
        Assert.StartsWith("the capture's GET_DESCRIPTOR responses (0711:5601); SuperSpeed, inferred", verdict.GetProperty("descriptorSource").GetString());
        Assert.Equal(1, verdict.GetProperty("pendingReads").GetInt32());
        Assert.InRange(Math.Abs(verdict.GetProperty("modelDeviation").GetDouble()), 0, 0.10);
        Assert.Equal("2 requests in flight", verdict.GetProperty("whatIfs")[0].GetProperty("lever").GetString());
    }

    [Fact]
    public async Task Without_descriptors_the_report_says_why_there_is_no_verdict_and_how_to_give_one()
    {
        var result = await CliTester.Run("usb", "capture", Capture("usbmon-tools_test1.pcapng"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Verdict", result.Output);
        Assert.Contains("no complete GET_DESCRIPTOR(CONFIGURATION) response for device 1:2", result.Output);
        Assert.Contains("give its descriptors with --from", result.Output);
    }

    [Fact]
    public async Task A_descriptor_dump_that_lacks_the_measured_endpoint_is_a_one_line_error()
    {
        // The DVB tuner's lsusb -v has endpoints 0x81, 0x01, 0x82 and 0x86: not the display adapter's bulk OUT 0x02.
        var dump = Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "TestData", "Descriptors");
        var lsusb = Directory.GetFiles(dump, "*MyGica*").Single();
        var result = await CliTester.Run("usb", "capture", Capture("mct-jcd543-4k-bulk-out.pcapng"), "--from", lsusb);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("endpoint 0x02 is not in the file; endpoints: 0x81, 0x01, 0x82, 0x86", result.Error);
        Assert.Equal("", result.Output);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Usb_descriptors_reads_a_capture_that_saw_its_device_enumerate_like_any_dump()
    {
        var result = await CliTester.Run("usb", "descriptors", Capture("mct-jcd543-4k-bulk-out.pcapng"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("read from capture's GET_DESCRIPTOR responses", result.Output);
        Assert.Contains("0711:5601 (bus 6 device 25)", result.Output);
        Assert.Contains("0x02 OUT", result.Output);
    }

    [Fact]
    public async Task Usb_descriptors_on_a_capture_without_a_full_configuration_is_a_one_line_error()
    {
        var result = await CliTester.Run("usb", "descriptors", Capture("usbmon-tools_test1.pcapng"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("the capture holds no complete GET_DESCRIPTOR(CONFIGURATION) response", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
        Assert.Equal("", result.Output);
    }
}
