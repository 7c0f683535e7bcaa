using System.Text.Json;
using DriverNotebooks.TestSupport;
using DriverNotebooks.Usb.Captures;
using DriverNotebooks.Usb.Tests.Captures;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// <c>drivernb usb capture</c> says what limited the busiest endpoint when its descriptor is known: from the capture's own
/// enumeration, or from <c>--from</c>; and says why not when it is not. Every other endpoint gets its own verdict in one line.
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

    private static long AtSpecRate(long bytes) => (long)Math.Round(bytes / 53_248_000.0 * 1e9);

    /// <summary>A high-speed device: bulk IN 0x81 read by two requests resubmitted 1 ms late (pipeline-limited), 0x82 by
    /// four requests the device fills every 2 ms (device-limited).</summary>
    private static void WriteTwoReaders(string path, bool enumerate)
    {
        using var file = File.Create(path);
        SyntheticDeviceCapture.Write(file,
        [
            (new SyntheticReaderCapture(2, 16384, AtSpecRate(16384), 1_000_000, Endpoint: 0x81), 4000),
            (new SyntheticReaderCapture(4, 16384, 2_000_000, 50_000, Endpoint: 0x82), 3000),
        ], enumerate);
    }

    private static Dictionary<string, JsonElement> VerdictsByEndpoint(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("endpoints").EnumerateArray()
            .ToDictionary(e => e.GetProperty("endpoint").GetString()!, e => e.GetProperty("verdict"));

    [Fact]
    public async Task Each_endpoint_object_carries_its_own_verdict_and_one_line_of_evidence()
    {
        using var folder = new TempFolder();
        var capture = folder.File("two-readers.pcap");
        WriteTwoReaders(capture, enumerate: true);

        var result = await CliTester.Run("usb", "capture", capture, "--json");

        Assert.Equal(0, result.ExitCode);
        var verdicts = VerdictsByEndpoint(result.Output);
        Assert.Equal("pipeline", verdicts["0x81"].GetProperty("limitedBy").GetString());
        Assert.StartsWith("2 request(s) in flight", verdicts["0x81"].GetProperty("evidence").GetString());
        Assert.Equal("device", verdicts["0x82"].GetProperty("limitedBy").GetString());
        Assert.EndsWith("the device had no data", verdicts["0x82"].GetProperty("evidence").GetString());
        Assert.Equal(53_248_000, verdicts["0x82"].GetProperty("ceilingBytesPerSecond").GetDouble(), 1e-6);
        Assert.Equal("undetermined", verdicts["0x80"].GetProperty("limitedBy").GetString());
        Assert.Equal("too few transfers: 2 paired; a verdict needs at least 20", verdicts["0x80"].GetProperty("evidence").GetString());
        // The report's verdict stays the charted endpoint's, in full.
        var charted = JsonDocument.Parse(result.Output).RootElement.GetProperty("verdict");
        Assert.Equal("0x81", charted.GetProperty("endpoint").GetString());
        Assert.Equal("3 requests in flight", charted.GetProperty("whatIfs")[0].GetProperty("lever").GetString());
    }

    [Fact]
    public async Task A_descriptor_dump_that_lacks_an_endpoint_other_than_the_charted_one_leaves_that_endpoint_without_a_verdict_not_an_error()
    {
        using var folder = new TempFolder();
        var capture = folder.File("two-readers.pcap");
        WriteTwoReaders(capture, enumerate: false);
        var (device, configuration) = SyntheticDeviceCapture.Descriptors(0x81);
        var descriptors = folder.File("descriptors");
        File.WriteAllBytes(descriptors, [.. device, .. configuration]);

        var result = await CliTester.Run("usb", "capture", capture, "--from", descriptors, "--json");

        Assert.Equal(0, result.ExitCode);
        var verdicts = VerdictsByEndpoint(result.Output);
        Assert.Equal("pipeline", verdicts["0x81"].GetProperty("limitedBy").GetString());
        Assert.Equal(JsonValueKind.Null, verdicts["0x82"].GetProperty("limitedBy").ValueKind);
        Assert.Equal($"no verdict: {descriptors}: endpoint 0x82 is not in the file; endpoints: 0x81", verdicts["0x82"].GetProperty("evidence").GetString());
    }
}
