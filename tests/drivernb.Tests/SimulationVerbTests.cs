using System.Text.Json;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// <c>drivernb usb</c> and <c>drivernb kmdf</c> as README shows them, and the rule that a CLI verb and its
/// magic command are one command: same options, same parser, same result.
/// </summary>
public class SimulationVerbTests
{
    public static TheoryData<string, string> SameCommand() => new()
    {
        { "usb --speed high --type interrupt --max-packet 1024 --interval 1 --transfer 1024 --pending 4 --turnaround 100us", "#!usb-throughput" },
        { "usb simulate --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 2 --turnaround p50=80us,p99=600us --duration 100ms --seed 5", "#!usb-simulate" },
        { "usb sweep --speed high --type interrupt --max-packet 1024 --pending 1..4 --turnaround 200us --seeds 2 --duration 50ms", "#!usb-sweep" },
        { "kmdf --scenario globals-after-wdfdrivercreate --fail WdfDriverCreate", "#!kmdf-lifecycle" },
        { "kmdf faults --scenario cleanup-in-evtdriverunload", "#!kmdf-faults" },
        { "kmdf patterns", "#!kmdf-patterns" },
    };

    [Theory]
    [MemberData(nameof(SameCommand))]
    public async Task A_cli_verb_and_its_magic_command_give_the_same_json(string cli, string magic)
    {
        var words = CommandLineTokenizer.Split(cli);
        var verbWords = words.TakeWhile(w => !w.StartsWith('-')).Count();

        var fromCli = await CliTester.Run([.. words, "--json"]);
        var fromMagic = MagicCommands.Run($"{magic} {string.Join(' ', words.Skip(verbWords))} --json");

        Assert.Equal(0, fromCli.ExitCode);
        Assert.True(fromMagic.Succeeded, fromMagic.Error);
        Assert.Equal(((string)fromMagic.Values.Single()).Trim(), fromCli.Output.Trim());
    }

    [Fact]
    public async Task The_readme_usb_example_prints_the_verdict_and_exits_zero()
    {
        var result = await CliTester.Run("usb", "--speed", "high", "--type", "interrupt", "--max-packet", "1024", "--interval", "1",
            "--transfer", "1024", "--pending", "4", "--turnaround", "100us", "--measured", "8MB/s");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Device-limited at 8.192 MB/s", result.Output);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task A_bulk_json_carries_the_measured_host_range_beside_the_spec_ceiling_and_bulk_rate_measured_predicts_with_it()
    {
        string[] bulk = ["usb", "--speed", "high", "--type", "bulk", "--max-packet", "512", "--transfer", "4096", "--pending", "2", "--turnaround", "100us", "--json"];
        var spec = JsonDocument.Parse((await CliTester.Run(bulk)).Output).RootElement;
        var measured = JsonDocument.Parse((await CliTester.Run([.. bulk, "--bulk-rate", "measured"])).Output).RootElement;

        var host = spec.GetProperty("hostRate");
        Assert.Equal(53_248_000, host.GetProperty("specCeilingBytesPerSecond").GetDouble());
        Assert.Equal(40_000_000, host.GetProperty("publishedLowBytesPerSecond").GetDouble());
        Assert.Equal(41_000_000, host.GetProperty("publishedHighBytesPerSecond").GetDouble());
        Assert.Equal("[S22c][S10]", host.GetProperty("sources").GetString());
        Assert.Equal("bus", host.GetProperty("limitedBy").GetString());
        Assert.Equal("spec", spec.GetProperty("bulkCeiling").GetString());
        Assert.Equal("pipeline", spec.GetProperty("limitedBy").GetString());
        Assert.Equal("measured", measured.GetProperty("bulkCeiling").GetString());
        Assert.Equal(40_000_000, measured.GetProperty("throughputBytesPerSecond").GetDouble());
    }

    [Fact]
    public async Task A_bulk_reader_is_simulated_at_the_ceiling_bulk_rate_names_and_the_json_says_which_ceiling_served_it()
    {
        string[] bulk = ["usb", "simulate", "--speed", "high", "--type", "bulk", "--max-packet", "512", "--transfer", "65536", "--pending", "4",
            "--turnaround", "100us", "--duration", "100ms", "--json"];
        var spec = JsonDocument.Parse((await CliTester.Run(bulk)).Output).RootElement;
        var measured = JsonDocument.Parse((await CliTester.Run([.. bulk, "--bulk-rate", "measured"])).Output).RootElement;

        Assert.Equal("bus-budget", spec.GetProperty("ceiling").GetString());
        Assert.Equal(53_248_000, spec.GetProperty("busLimitBytesPerSecond").GetDouble(), 1e-6);
        Assert.Equal("host-rate", measured.GetProperty("ceiling").GetString());
        Assert.Equal(40_000_000, measured.GetProperty("busLimitBytesPerSecond").GetDouble(), 1e-6);
        // Four 64 KiB reads hide a 100 µs turnaround: both runs deliver their ceiling, less the first request's start.
        Assert.InRange(spec.GetProperty("throughputBytesPerSecond").GetDouble(), 0.995 * 53_248_000, 53_248_000);
        Assert.InRange(measured.GetProperty("throughputBytesPerSecond").GetDouble(), 0.995 * 40_000_000, 40_000_000);
    }

    [Fact]
    public async Task A_bulk_rate_that_is_not_spec_measured_or_a_rate_is_a_one_line_usage_error()
    {
        var result = await CliTester.Run("usb", "--speed", "high", "--type", "bulk", "--max-packet", "512", "--bulk-rate", "fast");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--bulk-rate fast:", result.Error);
        Assert.Contains("allowed: spec, measured, or a positive rate", result.Error);
        Assert.Single(result.Error.Trim().Split('\n'));
    }

    [Fact]
    public async Task The_usb_json_carries_the_fields_scripts_rely_on()
    {
        var result = await CliTester.Run("usb", "--speed", "high", "--type", "interrupt", "--max-packet", "1024",
            "--transfer", "1024", "--pending", "4", "--turnaround", "600us", "--json");

        var json = JsonDocument.Parse(result.Output).RootElement;
        foreach (var field in new[] { "busLimitBytesPerSecond", "servicePeriodSeconds", "bytesPerInterval", "transactionBusTimeNanoseconds",
                     "pipelineLimitBytesPerSecond", "throughputBytesPerSecond" })
        {
            Assert.Equal(JsonValueKind.Number, json.GetProperty(field).ValueKind);
        }
        Assert.Equal("pipeline", json.GetProperty("limitedBy").GetString());
    }

    [Theory]
    [InlineData("usb --speed high --type bulk --max-packet 1024", "drivernb usb: --max-packet 1024: ")]
    [InlineData("usb --speed high --type interrupt --max-packet 1024 --turnaround 3fortnights", "drivernb usb: --turnaround 3fortnights: ")]
    [InlineData("usb --speed high --type interrupt --max-packet 1024 --pending -2", "drivernb usb: --pending -2: ")]
    [InlineData("usb --speed high --type interrupt", "drivernb usb: --max-packet is required")]
    [InlineData("kmdf --scenario no-such-scenario", "drivernb kmdf: --scenario 'no-such-scenario': ")]
    [InlineData("kmdf --scenario full-lifecycle --fail NoSuchStep", "drivernb kmdf: --fail 'NoSuchStep': ")]
    [InlineData("kmdf --scenario full-lifecycle --bogus", "drivernb kmdf: unknown option '--bogus'")]
    [InlineData("nonsense", "drivernb: unknown command 'nonsense'")]
    [InlineData("usb --speed high --type interrupt --max-packet 1024 --pending 99999999999", "drivernb usb: --pending '99999999999': out of range; allowed: 0 to 2147483647")]
    [InlineData("usb --speed high --type interrupt --max-packet 99999999999", "drivernb usb: --max-packet '99999999999': out of range; allowed: a whole number from -2147483648 to 2147483647")]
    // Scenario files ({dir} holds BadScenarioFiles): invalid UTF-8, and each limit of ScenarioLimits and FaultSweepLimits passed.
    [InlineData("kmdf --scenario {dir}/bad-utf8.json", "drivernb kmdf: {dir}/bad-utf8.json:1:12 ($): byte 0xFF is not valid UTF-8; allowed: a JSON file saved as UTF-8")]
    [InlineData("kmdf --scenario /dev/zero", "drivernb kmdf: /dev/zero ($): the file is larger than 1,048,576 bytes; allowed: a scenario file of at most 1 MiB (ScenarioLimits.MaxFileBytes)")]
    [InlineData("kmdf --scenario {dir}/too-large.json", "drivernb kmdf: {dir}/too-large.json ($): the file is larger than 1,048,576 bytes; allowed: a scenario file of at most 1 MiB")]
    [InlineData("kmdf --scenario {dir}/100000-devices.json", "drivernb kmdf: {dir}/100000-devices.json:1:152 ($.events[0].count): count 100000 brings the devices that arrive to 100,000; allowed: at most 100 devices in a run (ScenarioLimits.MaxDevices)")]
    [InlineData("kmdf --scenario {dir}/2e9-devices.json", "drivernb kmdf: {dir}/2e9-devices.json:1:")]
    [InlineData("kmdf --scenario {dir}/2e9-exponent-devices.json", "drivernb kmdf: {dir}/2e9-exponent-devices.json:1:152 ($.events[0].count): count 2000000000 brings the devices that arrive to 2,000,000,000; allowed: at most 100 devices in a run")]
    [InlineData("kmdf --scenario {dir}/1e10-devices.json", "drivernb kmdf: {dir}/1e10-devices.json:1:")]
    [InlineData("kmdf --scenario {dir}/1001-read-completions.json", "drivernb kmdf: {dir}/1001-read-completions.json:1:")]
    [InlineData("kmdf --scenario {dir}/5000-steps.json", "drivernb kmdf: {dir}/5000-steps.json:1:")]
    [InlineData("kmdf --scenario {dir}/long-run.json", "drivernb kmdf: scenario 'long-run' ($): a run of this scenario passes 50,000 trace events; allowed: at most 50,000 per run (ScenarioLimits.MaxTraceEvents)")]
    [InlineData("kmdf faults --scenario {dir}/5000-steps.json", "drivernb kmdf faults: {dir}/5000-steps.json:1:")]
    [InlineData("kmdf faults --scenario {dir}/1000-steps.json --pairs", "drivernb kmdf faults: scenario 'steps' ($): 1,002 fallible steps need 502,503 fault runs with pairs (1,002 without); allowed: at most 5,000 runs in a sweep (FaultSweepLimits.MaxRuns)")]
    [InlineData("kmdf faults --scenario {dir}/wide-sweep.json", "drivernb kmdf faults: scenario 'wide' ($): ")]
    public async Task Bad_input_is_one_line_on_stderr_with_exit_code_2_and_nothing_on_stdout(string arguments, string start)
    {
        using var dir = new TempFolder();
        foreach (var (name, bytes) in BadScenarioFiles()) File.WriteAllBytes(dir.File(name), bytes);

        var result = await CliTester.Run([.. CommandLineTokenizer.Split(arguments.Replace("{dir}", dir.Path, StringComparison.Ordinal))]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith(start.Replace("{dir}", dir.Path, StringComparison.Ordinal), result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
        Assert.DoesNotContain("   at ", result.Error);
    }

    /// <summary>Small files that ask for too much: invalid UTF-8, and each scenario and sweep limit passed.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> BadScenarioFiles()
    {
        static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
        static string Calls(int n, string prefix) => string.Join(",", Enumerable.Range(0, n).Select(i => $$"""{"step":"call","name":"{{prefix}}{{i}}"}"""));
        const string Device = """{"step":"wdfDriverCreate","evtDriverDeviceAdd":[{"step":"wdfDeviceCreate"}]}""";
        yield return ("bad-utf8.json", [.. Utf8("{\"name\": \"x"), 0xFF, 0xFE, .. Utf8("\", \"driverEntry\": []}")]);
        yield return ("too-large.json", Utf8("{\"name\": \"big\", \"driverEntry\": [" + new string(' ', DriverNotebooks.Kmdf.ScenarioLimits.MaxFileBytes) + "]}"));
        yield return ("100000-devices.json", Utf8($$"""{"name":"many","driverEntry":[{{Device}}],"events":[{"event":"deviceArrives","count":100000}]}"""));
        yield return ("2e9-devices.json", Utf8($$"""{"name":"many","driverEntry":[{{Device}}],"events":[{"event":"deviceArrives","count":60},{"event":"deviceArrives","count":2000000000}]}"""));
        yield return ("2e9-exponent-devices.json", Utf8($$"""{"name":"many","driverEntry":[{{Device}}],"events":[{"event":"deviceArrives","count":2e9}]}"""));
        yield return ("1e10-devices.json", Utf8($$"""{"name":"many","driverEntry":[{{Device}}],"events":[{"event":"deviceArrives","count":1e10}]}"""));
        yield return ("1001-read-completions.json", Utf8($$"""{"name":"reads","driverEntry":[{{Device}}],"events":[{"event":"deviceArrives"},{"event":"readsComplete","device":1,"count":1000},{"event":"readsComplete","device":1,"count":1}]}"""));
        yield return ("5000-steps.json", Utf8($$"""{"name":"steps","driverEntry":[{"step":"wdfDriverCreate"},{{Calls(5000, "F")}}]}"""));
        yield return ("1000-steps.json", Utf8($$"""{"name":"steps","driverEntry":[{"step":"wdfDriverCreate"},{{Calls(1000, "F")}}]}"""));
        yield return ("long-run.json", Utf8($$"""{"name":"long-run","driverEntry":[{"step":"wdfDriverCreate","evtDriverDeviceAdd":[{"step":"wdfDeviceCreate"},{{Calls(1998, "A")}}]}],"events":[{"event":"deviceArrives","count":100}]}"""));
        yield return ("wide-sweep.json", Utf8($$"""{"name":"wide","driverEntry":[{"step":"wdfDriverCreate","evtDriverDeviceAdd":[{"step":"wdfDeviceCreate"},{{Calls(40, "A")}}]}],"events":[{"event":"deviceArrives","count":100}]}"""));
    }

    [Fact]
    public async Task A_scenario_file_mistake_names_the_file_line_column_and_path()
    {
        using var folder = new TempFolder();
        var file = folder.Write("bad.json", "{\n  \"name\": \"bad\",\n  \"driverEntry\": [ { \"step\": \"alocate\", \"name\": \"g\" } ]\n}\n");

        var result = await CliTester.Run("kmdf", "--scenario", file);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith($"drivernb kmdf: {file}:3:30 ($.driverEntry[0].step): unknown step 'alocate'; allowed: allocate, free", result.Error);
    }

    [Fact]
    public async Task Help_lists_every_verb_and_a_verbs_help_its_examples()
    {
        var overview = await CliTester.Run("--help");
        var usb = await CliTester.Run("usb", "--help");

        Assert.Equal(0, overview.ExitCode);
        foreach (var verb in new[] { "usb", "usb simulate", "usb sweep", "kmdf", "kmdf faults", "kmdf patterns", "render" })
            Assert.Contains($"  {verb} ", overview.Output);
        Assert.Contains("Examples:", usb.Output);
        Assert.Contains("drivernb usb --speed high", usb.Output);
    }
}
