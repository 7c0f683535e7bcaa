using System.Text.Json;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Tests.Usb;

public class UsbMagicCommandTests
{
    private const string ThreadEndpoint = "--speed high --type interrupt --max-packet 1024 --interval 1";

    private static JsonElement Json(string line)
    {
        var result = MagicCommands.Run(line + " --json");
        Assert.True(result.Succeeded, result.Error);
        return JsonDocument.Parse((string)Assert.Single(result.Values)).RootElement;
    }

    private static string Error(string line)
    {
        var result = MagicCommands.Run(line);
        Assert.False(result.Succeeded);
        Assert.DoesNotContain('\n', result.Error!);
        return result.Error!;
    }

    [Fact]
    public void The_threads_reader_is_bus_limited_at_8_192_MB_per_s_by_its_descriptor()
    {
        var json = Json($"#!usb-throughput {ThreadEndpoint} --transfer 1024 --pending 4 --turnaround 100us");

        Assert.Equal(8_192_000, json.GetProperty("busLimitBytesPerSecond").GetDouble());
        Assert.Equal(0.000125, json.GetProperty("servicePeriodSeconds").GetDouble());
        Assert.Equal(1024, json.GetProperty("bytesPerInterval").GetInt64());
        Assert.Equal(20_835, json.GetProperty("transactionBusTimeNanoseconds").GetInt64()); // HS_NSECS(1024)
        Assert.Equal(16_384_000, json.GetProperty("pipelineLimitBytesPerSecond").GetDouble());
        Assert.Equal(8_192_000, json.GetProperty("throughputBytesPerSecond").GetDouble());
        Assert.Equal("bus", json.GetProperty("limitedBy").GetString());
    }

    [Fact]
    public void A_slow_completion_path_makes_the_same_reader_pipeline_limited_and_the_verdict_says_what_lifts_it()
    {
        var json = Json($"#!usb-throughput {ThreadEndpoint} --transfer 1024 --pending 4 --turnaround 600us");

        Assert.Equal("pipeline", json.GetProperty("limitedBy").GetString());
        Assert.Equal(4.0 * 1024 / (6 * 125e-6), json.GetProperty("throughputBytesPerSecond").GetDouble(), 6);
        var verdict = json.GetProperty("verdict").GetString()!;
        Assert.Contains("pending reads", verdict);
        Assert.Contains("faster completion path", verdict);
    }

    [Fact]
    public void Without_a_pipeline_the_report_has_only_the_bus_side()
    {
        var json = Json("#!usb-throughput --speed high --type bulk --max-packet 512");

        Assert.Equal(53_248_000, json.GetProperty("busLimitBytesPerSecond").GetDouble());
        Assert.Equal(JsonValueKind.Null, json.GetProperty("pipelineLimitBytesPerSecond").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.GetProperty("limitedBy").ValueKind);
    }

    [Theory]
    [InlineData("--speed high --type bulk --max-packet 1024", "--max-packet 1024: ")]
    [InlineData("--speed high --type interrupt --max-packet 600 --mult 3", "--mult 3: ")]
    [InlineData("--speed high --type interrupt --max-packet 1024 --interval 0", "--interval 0: ")]
    [InlineData("--speed high --type interrupt --max-packet 1024 --turnaround 10parsecs", "--turnaround 10parsecs: ")]
    [InlineData("--speed high --type interrupt --max-packet 1024 --pending -1", "--pending -1: ")]
    [InlineData("--speed high --type interrupt --max-packet 1024 --transfer 1000 --pending 2", "--transfer 1000: ")]
    [InlineData("--speed high --type interrupt --max-packet lots", "--max-packet 'lots': ")]
    public void An_impossible_input_is_one_line_naming_the_option_and_value_and_what_is_allowed(string arguments, string start)
    {
        var error = Error("#!usb-throughput " + arguments);

        Assert.StartsWith("#!usb-throughput: " + start, error);
        Assert.True(error.Contains("allowed", StringComparison.Ordinal) || error.Contains("whole number", StringComparison.Ordinal), error);
    }

    [Fact]
    public void The_simulation_with_a_fixed_turnaround_delivers_what_the_analytic_model_predicts()
    {
        var json = Json($"#!usb-simulate {ThreadEndpoint} --transfer 1024 --pending 4 --turnaround 600us --duration 1s");

        Assert.Equal(json.GetProperty("analyticBytesPerSecond").GetDouble(), json.GetProperty("throughputBytesPerSecond").GetDouble(), 0.002 * 8_192_000);
    }

    [Fact]
    public void The_same_seed_gives_the_same_simulation_and_another_seed_another()
    {
        const string line = $"#!usb-simulate {ThreadEndpoint} --transfer 1024 --pending 2 --turnaround p50=80us,p99=600us --duration 200ms";

        var first = Json(line + " --seed 3").GetRawText();
        Assert.Equal(first, Json(line + " --seed 3").GetRawText());
        Assert.NotEqual(first, Json(line + " --seed 4").GetRawText());
    }

    [Fact]
    public void A_sweep_over_pending_reads_reaches_the_bus_limit_and_never_exceeds_it()
    {
        var json = Json($"#!usb-sweep {ThreadEndpoint} --pending 1..6 --turnaround 300us --seeds 2 --duration 200ms");

        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var bus = json.GetProperty("busLimitBytesPerSecond").GetDouble();
        Assert.All(rows, r => Assert.True(r.GetProperty("simulatedMeanBytesPerSecond").GetDouble() <= bus * 1.0001));
        Assert.Equal(bus, rows[^1].GetProperty("simulatedMeanBytesPerSecond").GetDouble(), bus * 0.001);
        Assert.True(rows[0].GetProperty("simulatedMeanBytesPerSecond").GetDouble() < bus / 2);
    }

    [Fact]
    public void Help_shows_usage_options_and_examples_without_running_anything()
    {
        var result = MagicCommands.Run("#!usb-throughput --help");

        var help = (string)Assert.Single(result.Values);
        Assert.StartsWith("#!usb-throughput: ", help);
        Assert.Contains("--max-packet BYTES", help);
        Assert.Contains("--policy spec|windows|linux", help);
        Assert.Contains("Examples:", help);
    }
}
