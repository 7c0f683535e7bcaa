using System.Text.Json;
using DriverNotebooks.Commands;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// <c>drivernb usb descriptors</c> and <c>--from FILE --endpoint ADDR</c>: the same command as <c>#!usb-descriptors</c>, the
/// endpoint taken from the file equal to the same endpoint typed as options, and malformed files as one line with exit code 2.
/// </summary>
public sealed class DescriptorVerbTests
{
    [Fact]
    public async Task The_cli_verb_and_the_magic_command_give_the_same_json()
    {
        var path = DescriptorDumps.PathOf(DescriptorDumps.RealSense);

        var fromCli = await CliTester.Run("usb", "descriptors", path, "--policy", "linux", "--json");
        var fromMagic = MagicCommands.Run($"#!usb-descriptors {path} --policy linux --json");

        Assert.Equal(0, fromCli.ExitCode);
        Assert.True(fromMagic.Succeeded, fromMagic.Error);
        Assert.Equal(((string)fromMagic.Values.Single()).Trim(), fromCli.Output.Trim());
    }

    [Fact]
    public async Task The_text_report_gives_each_endpoints_ceiling_and_each_alternate_settings_reservation()
    {
        var result = await CliTester.Run("usb", "descriptors", DescriptorDumps.PathOf(DescriptorDumps.C270Report));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("046d:0825", result.Output);
        Assert.Contains("high-speed, stated by \"Device Bus Speed", result.Output);
        Assert.Contains("1020 B × 3 = 3,060 B", result.Output);
        Assert.Contains("24.48 MB/s", result.Output);
        Assert.Contains("Bandwidth each alternate setting reserves", result.Output);
    }

    [Fact]
    public async Task An_endpoint_from_a_file_is_analysed_exactly_as_the_same_endpoint_typed_as_options()
    {
        var fromFile = await CliTester.Run("usb", "--from", DescriptorDumps.PathOf(DescriptorDumps.C270Binary), "--endpoint", "0x81", "--alt", "11",
            "--transfer", "3060", "--pending", "4", "--turnaround", "100us", "--queue", "generic", "--json");
        // The same endpoint as options: wMaxPacketSize 0x13FC = 1020 B with 2 more transactions per microframe, bInterval 1.
        var typed = await CliTester.Run("usb", "--speed", "high", "--type", "isochronous", "--max-packet", "1020", "--mult", "3", "--interval", "1",
            "--transfer", "3060", "--pending", "4", "--turnaround", "100us", "--queue", "generic", "--json");

        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(typed.Output, fromFile.Output);
    }

    [Fact]
    public async Task Simulate_and_sweep_take_the_endpoint_from_the_file_too()
    {
        var path = DescriptorDumps.PathOf(DescriptorDumps.RealSense);
        var simulate = await CliTester.Run("usb", "simulate", "--from", path, "--endpoint", "0x84", "--device", "8086:0a66", "--transfer", "64", "--pending", "2", "--duration", "100ms", "--json");
        var sweep = await CliTester.Run("usb", "sweep", "--from", path, "--endpoint", "0x84", "--device", "4:8", "--pending", "1,2", "--seeds", "1", "--duration", "100ms", "--json");

        Assert.True(simulate.ExitCode == 0, simulate.Error);
        Assert.True(sweep.ExitCode == 0, sweep.Error);
        foreach (var output in new[] { simulate.Output, sweep.Output })
        {
            var endpoint = JsonDocument.Parse(output).RootElement.GetProperty("endpoint");
            Assert.Equal(("super", "interrupt", 64, 9), (endpoint.GetProperty("speed").GetString(), endpoint.GetProperty("type").GetString(),
                endpoint.GetProperty("maxPacket").GetInt32(), endpoint.GetProperty("interval").GetInt32()));
        }
    }

    [Fact]
    public async Task Speed_with_from_overrides_the_speed_the_file_implies()
    {
        var result = await CliTester.Run("usb", "--from", DescriptorDumps.PathOf(DescriptorDumps.C270Binary), "--endpoint", "0x87", "--speed", "full", "--json");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal("full", JsonDocument.Parse(result.Output).RootElement.GetProperty("endpoint").GetProperty("speed").GetString());
    }

    [Fact]
    public void The_csharp_api_takes_the_same_endpoint_from_the_file()
    {
        var api = Throughput.FromDescriptors(DescriptorDumps.PathOf(DescriptorDumps.C270Report), "0x81", alt: 11);

        Assert.Equal(new EndpointDescriptor(UsbSpeed.High, TransferType.Isochronous, 1020, 1) { Mult = 3 }, api.Descriptor);
        Assert.Equal(24_480_000, api.Analyze().Report.BusLimitBytesPerSecond, 3);
        Assert.Equal(12, Throughput.Descriptors(DescriptorDumps.PathOf(DescriptorDumps.C270Report)).AlternateSettings.Count(a => a.Interface == 1));
    }

    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "truncated binary", [18, 1, 0, 2, 0, 0, 0, 64], "byte 8: truncated: the device descriptor needs 18 bytes" },
        { "bLength 0", [.. Device(), 0, 4], "byte 18: descriptor bLength 0" },
        { "wTotalLength that lies", [.. Device(), 9, 2, 200, 0, 1, 1, 0, 0x80, 50], "byte 20: configuration wTotalLength 200 runs past the end of the data (9 bytes left)" },
        { "a descriptor running past its configuration", [.. Device(), 9, 2, 18, 0, 1, 1, 0, 0x80, 50, 12, 4, 0, 0, 1, 0xFF, 0, 0, 0, 0, 0, 0], "byte 27: descriptor type 4 with bLength 12 runs past the end of its configuration" },
        { "unknown text", "just some notes\n"u8.ToArray(), "byte 0: text that is none of the known dumps; allowed: " },
    };

    private static byte[] Device() => [18, 1, 0, 2, 0, 0, 0, 64, 0x34, 0x12, 0x78, 0x56, 0, 1, 0, 0, 0, 1];

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_malformed_dump_is_one_line_naming_the_file_and_where_with_exit_code_2(string kind, byte[] content, string expected)
    {
        using var folder = new TempFolder();
        var path = folder.File(kind.Replace(' ', '-') + ".bin");
        await File.WriteAllBytesAsync(path, content);

        foreach (var args in new[] { new[] { "usb", "descriptors", path }, ["usb", "--from", path, "--endpoint", "0x81"] })
        {
            var result = await CliTester.Run(args);

            Assert.Equal(CommandLineException.ExitCode, result.ExitCode);
            Assert.Equal("", result.Output);
            var error = result.Error.TrimEnd();
            Assert.DoesNotContain('\n', error);
            Assert.Contains($"{path}: {expected}", error);
        }
    }

    [Theory]
    [InlineData("0x85", null, "endpoint 0x85 is not in the file; endpoints: 0x81, 0x01, 0x82, 0x86")]
    public async Task An_endpoint_address_not_in_the_file_names_the_ones_that_are(string address, string? alt, string expected)
    {
        string[] args = ["usb", "--from", DescriptorDumps.PathOf(DescriptorDumps.MyGica), "--endpoint", address, .. alt is null ? [] : new[] { "--alt", alt }];
        var result = await CliTester.Run(args);

        Assert.Equal(CommandLineException.ExitCode, result.ExitCode);
        Assert.EndsWith(expected, result.Error.TrimEnd());
    }

    [Fact]
    public async Task An_alternate_setting_not_in_the_file_names_the_ones_that_hold_the_endpoint()
    {
        var result = await CliTester.Run("usb", "--from", DescriptorDumps.PathOf(DescriptorDumps.C270Report), "--endpoint", "0x81", "--alt", "12");

        Assert.Equal(CommandLineException.ExitCode, result.ExitCode);
        Assert.EndsWith("endpoint 0x81 is not in alternate setting 12; it is in alternate settings 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11", result.Error.TrimEnd());
    }
}
