using System.Text.Json;

namespace DriverNotebooks.Cli.Tests;

/// <summary><c>drivernb kmdf scan</c>: exit codes, bad inputs on standard error, and scenarios written for editing.</summary>
public sealed class ScanVerbTests
{
    private static string Driver(string name) => Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", name);

    [Fact]
    public async Task A_clean_driver_exits_0_and_says_clean()
    {
        var result = await CliTester.Run("kmdf", "scan", Driver("good-cleanup-callback"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Clean: ", result.Output, StringComparison.Ordinal);
        Assert.Equal("", result.Error);
    }

    [Fact]
    public async Task A_driver_with_findings_exits_1_and_names_the_line()
    {
        var result = await CliTester.Run("kmdf", "scan", Driver("wpp-not-stopped"));
        Assert.Equal(1, result.ExitCode);
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(Driver("wpp-not-stopped"), "driver.c")), l => l.Contains("WPP_INIT_TRACING(", StringComparison.Ordinal)) + 1;
        Assert.Contains($"driver.c:{line}", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_input_next_to_a_clean_driver_exits_2_with_one_line_on_standard_error()
    {
        var result = await CliTester.Run("kmdf", "scan", "/nonexistent/driver", Driver("good-cleanup-callback"));
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("drivernb kmdf scan: /nonexistent/driver: no such file or folder; allowed: C/C++ driver sources or folders holding them", result.Error.TrimEnd());
        Assert.Contains("Drivers scanned        1", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_json_lists_each_finding_with_file_and_line_and_the_exit_code()
    {
        var result = await CliTester.Run("kmdf", "scan", Driver("dead-cleanup-callback"), "--json");
        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(1, json.RootElement.GetProperty("exitCode").GetInt32());
        var kinds = json.RootElement.GetProperty("results")[0].GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("kind").GetString()).ToArray();
        Assert.Contains("DeadCleanupCallback", kinds);
    }

    [Fact]
    public async Task Written_scenarios_rerun_with_kmdf_faults_and_find_the_same_leak()
    {
        using var temp = new TempFolder();
        var scan = await CliTester.Run("kmdf", "scan", Driver("cleanup-in-unload"), "--write-scenarios", temp.Path);
        Assert.Equal(1, scan.ExitCode);
        var file = Assert.Single(temp.Files());
        var faults = await CliTester.Run("kmdf", "faults", "--scenario", Path.Combine(temp.Path, file), "--json");
        Assert.Equal(0, faults.ExitCode);
        using var json = JsonDocument.Parse(faults.Output);
        Assert.Equal(["gBuffer", "gLookaside"], json.RootElement.GetProperty("everLeaked").EnumerateArray().Select(e => e.GetString()));
    }
}
