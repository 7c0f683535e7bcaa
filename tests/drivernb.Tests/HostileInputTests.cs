using System.Diagnostics;
using DriverNotebooks.Commands;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// Inputs written to break the tool, as a hostile notebook or file would: each gets one line naming what was wrong
/// and what is allowed, exit code 2 when it is bad input, no stack trace, and nothing sent raw to the terminal.
/// </summary>
[Collection(nameof(RenderVerbTests))]
public sealed class HostileInputTests
{
    private const string Endpoint = "--speed high --type interrupt --max-packet 1024";

    private static void AssertOneLineError(CliTester.Result result)
    {
        var error = result.Error.TrimEnd('\n');
        Assert.True(result.ExitCode == CommandLineException.ExitCode, $"exit {result.ExitCode}: {result.Error}");
        Assert.DoesNotContain('\n', error);
        Assert.DoesNotContain("   at ", error);
        Assert.True(error.Length <= Phrases.MaxMessageLength + 100, $"{error.Length} characters");
    }

    [Fact]
    public async Task Terminal_escape_sequences_in_a_scenarios_names_are_shown_escaped_in_the_report()
    {
        using var folder = new TempFolder();
        var path = folder.Write("esc.json", """{"name":"esc","driverEntry":[{"step":"call","name":"Clear\u001b[2J\u001b]0;title\u0007"}]}""");

        var result = await CliTester.Run("kmdf", "--scenario", path);

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.DoesNotContain('\u0007', result.Output);
        Assert.Contains(@"Clear\u001b[2J\u001b]0;title\u0007", result.Output);
    }

    [Fact]
    public async Task Terminal_escape_sequences_in_an_error_message_are_shown_escaped()
    {
        using var folder = new TempFolder();
        var path = folder.Write("esc.json", """{"name":"esc","driverEntry":[{"step":"alocate\u001b[2J"}]}""");

        var result = await CliTester.Run("kmdf", "--scenario", path);

        AssertOneLineError(result);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.Contains(@"unknown step 'alocate\u001b[2J'", result.Error);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_scenario_is_malformed_json_with_its_position()
    {
        using var folder = new TempFolder();
        var path = folder.Write("surrogate.json", "{\n  \"name\": \"\\ud800\",\n  \"driverEntry\": []\n}");

        var result = await CliTester.Run("kmdf", "--scenario", path);

        AssertOneLineError(result);
        Assert.Contains("surrogate.json:2:11 ($): malformed JSON: a string holds an escaped lone surrogate", result.Error);
    }

    [Fact]
    public async Task A_named_pipe_as_scenario_is_refused_after_the_read_timeout_instead_of_blocking()
    {
        if (OperatingSystem.IsWindows()) return;
        using var folder = new TempFolder();
        var pipe = folder.File("pipe.json");
        Assert.Equal(0, ExternalProcess.Run("mkfifo", [pipe]).ExitCode);

        var clock = Stopwatch.StartNew();
        var result = await CliTester.Run("kmdf", "--scenario", pipe);

        AssertOneLineError(result);
        Assert.Contains("delivered nothing within 5 s", result.Error);
        Assert.True(clock.Elapsed < ScenarioLimits.ReadTimeout * 4, $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task A_name_longer_than_the_limit_is_refused_with_the_limit_and_not_echoed()
    {
        using var folder = new TempFolder();
        var path = folder.Write("long.json", $$"""{"name":"ok","driverEntry":[{"step":"allocate","name":"{{new string('n', 900_000)}}"}]}""");

        var result = await CliTester.Run("kmdf", "--scenario", path);

        AssertOneLineError(result);
        Assert.Contains($"'name' is 900,000 characters long; allowed: at most {ScenarioLimits.MaxNameLength} characters (ScenarioLimits.MaxNameLength)", result.Error);
        Assert.True(result.Error.Length < 300);
    }

    [Fact]
    public async Task A_huge_bad_value_is_echoed_cut_with_its_length()
    {
        var digits = new string('9', 120_000) + "x";

        var result = await CliTester.Run([.. CommandLineTokenizer.Split($"usb {Endpoint} --transfer 1024 --pending 4 --turnaround {digits}")]);

        AssertOneLineError(result);
        Assert.Contains("(120,001 characters)", result.Error);
        Assert.True(result.Error.Length < 1_000, $"{result.Error.Length} characters");
    }

    [Fact]
    public async Task A_duration_beyond_the_representable_range_says_out_of_range_with_the_range()
    {
        var result = await CliTester.Run([.. CommandLineTokenizer.Split($"usb simulate {Endpoint} --transfer 1024 --pending 4 --duration 1e300s")]);

        AssertOneLineError(result);
        Assert.Contains("out of range: a duration is 0 to 9,223,372 s", result.Error);
        Assert.DoesNotContain("not a number", result.Error);
    }

    [Fact]
    public async Task An_output_folder_that_cannot_be_created_is_refused_before_any_cell_runs()
    {
        if (!Directory.Exists("/proc/self")) return;
        using var folder = new TempFolder();
        var notebook = folder.Write("nb.dib", "#!csharp\n\nSystem.IO.File.WriteAllText(\"ran.txt\", \"yes\");\n");

        var result = await CliTester.Run("render", notebook, "-o", "/proc/drivernb-out");

        AssertOneLineError(result);
        Assert.Contains("--output '/proc/drivernb-out': cannot create a folder in /proc", result.Error);
        Assert.False(File.Exists(folder.File("ran.txt")), "a cell ran before the output folder was checked");
    }

    [Fact]
    public async Task A_five_megabyte_exception_message_is_cut_in_the_failure_line_and_in_the_ipynb()
    {
        using var folder = new TempFolder();
        var notebook = folder.Write("big.dib", "#!csharp\n\nthrow new Exception(new string('m', 5_000_000));\n");

        var result = await CliTester.Run("render", notebook, "-o", folder.File("out"));

        Assert.Equal(1, result.ExitCode);
        Assert.All(result.Error.Split('\n'), line => Assert.True(line.Length <= Phrases.MaxMessageLength + 200, $"{line.Length} characters"));
        var ipynb = File.ReadAllText(folder.File("out/big.ipynb"));
        Assert.Contains("(5,000,000 characters)", ipynb);
        Assert.True(ipynb.Length < 200_000, $"{ipynb.Length} characters");
    }

    [Fact]
    public async Task A_foreground_thread_started_by_a_cell_does_not_keep_render_alive()
    {
        using var folder = new TempFolder();
        var notebook = folder.Write("thread.dib", "#!csharp\n\nnew System.Threading.Thread(() => System.Threading.Thread.Sleep(-1)) { IsBackground = false }.Start();\n\n#!csharp\n\n1 + 1\n");
        var start = DrivernbProcess.StartInfo(["render", notebook, "-o", folder.File("out")]);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromMinutes(2));
        if (!exited) process.Kill(entireProcessTree: true);

        Assert.True(exited, "drivernb render kept running after its work was done");
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("rendered", await output);
        _ = await error;
    }

    [Fact]
    public async Task A_stack_overflow_in_a_single_notebooks_render_is_one_line_and_exit_code_1()
    {
        using var folder = new TempFolder();
        var notebook = folder.Write("deep.dib", "#!csharp\n\nint Down(int n) => Down(n + 1) + 1;\n\n#!csharp\n\nDown(0)\n");

        var result = await CliTester.Run("render", notebook, "-o", folder.File("out"));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"failed    {notebook}: its drivernb process ended with exit code", line);
        Assert.Contains("stack overflow", line, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", result.Error);
    }
}
