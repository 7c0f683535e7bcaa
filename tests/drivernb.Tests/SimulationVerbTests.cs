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
        Assert.Contains("Bus-limited at 8.192 MB/s", result.Output);
        Assert.Equal("", result.Error);
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
    public async Task Bad_input_is_one_line_on_stderr_with_exit_code_2_and_nothing_on_stdout(string arguments, string start)
    {
        var result = await CliTester.Run([.. CommandLineTokenizer.Split(arguments)]);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith(start, result.Error);
        Assert.Single(result.Error.TrimEnd().Split('\n'));
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
