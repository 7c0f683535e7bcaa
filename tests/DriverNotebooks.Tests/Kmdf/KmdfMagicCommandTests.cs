using System.Text.Json;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Tests.Kmdf;

public class KmdfMagicCommandTests
{
    private static JsonElement Json(string line)
    {
        var result = MagicCommands.Run(line + " --json");
        Assert.True(result.Succeeded, result.Error);
        return JsonDocument.Parse((string)Assert.Single(result.Values)).RootElement;
    }

    private static IReadOnlyList<string> Strings(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToList();

    [Fact]
    public void A_failing_DriverEntry_with_cleanup_in_EvtDriverUnload_leaks_the_globals_and_never_calls_unload()
    {
        var json = Json("#!kmdf-lifecycle --scenario cleanup-in-evtdriverunload");

        var trace = Strings(json.GetProperty("trace"));
        Assert.Contains("DriverEntry", trace);
        Assert.Contains("WdfDriverCreate", trace);
        Assert.DoesNotContain("EvtDriverUnload", trace);
        Assert.Equal(["gBuffer", "gLookaside"], Strings(json.GetProperty("leaked")));
    }

    [Fact]
    public void Moving_the_cleanup_into_the_WDFDRIVER_cleanup_callback_runs_it_on_the_failure_path_and_leaks_nothing()
    {
        var json = Json("#!kmdf-lifecycle --scenario cleanup-in-driver-cleanup-callback");

        var trace = Strings(json.GetProperty("trace"));
        Assert.Contains("WDFDRIVER.EvtCleanupCallback", trace);
        Assert.DoesNotContain("EvtDriverUnload", trace);
        Assert.Empty(json.GetProperty("leaked").EnumerateArray());
    }

    [Fact]
    public void Failing_a_chosen_step_from_the_command_line_changes_the_run()
    {
        var json = Json("#!kmdf-lifecycle --scenario full-lifecycle --fail \"EvtDevicePrepareHardware#1\"");

        var trace = Strings(json.GetProperty("trace"));
        Assert.Contains("EvtDevicePrepareHardware", trace);
        Assert.Contains("EvtDeviceReleaseHardware", trace);
        Assert.Equal("EvtDevicePrepareHardware#1", json.GetProperty("failures")[0].GetProperty("step").GetString());
    }

    [Fact]
    public void An_unknown_step_to_fail_is_a_one_line_error_listing_the_steps_the_scenario_has()
    {
        var result = MagicCommands.Run("#!kmdf-lifecycle --scenario globals-after-wdfdrivercreate --fail WdfDriverCreat");

        Assert.False(result.Succeeded);
        Assert.StartsWith("#!kmdf-lifecycle: --fail 'WdfDriverCreat': no such fallible step in globals-after-wdfdrivercreate; allowed: ", result.Error);
        Assert.Contains("WdfDriverCreate", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void A_bad_scenario_file_is_reported_with_its_position_in_one_line()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dn-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, "{\n  \"name\": \"bad\",\n  \"driverEntry\": [ { \"step\": \"alocate\", \"name\": \"g\" } ]\n}\n");

        var result = MagicCommands.Run($"#!kmdf-lifecycle --scenario \"{file}\"");

        Assert.False(result.Succeeded);
        Assert.Contains($"{Path.GetFileName(file)}:3:", result.Error);
        Assert.Contains("unknown step 'alocate'", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void The_fault_sweep_reports_what_leaks_at_each_failure_point_starting_from_a_run_without_scripted_failures()
    {
        var json = Json("#!kmdf-faults --scenario globals-before-wdfdrivercreate");

        Assert.DoesNotContain(json.GetProperty("points").EnumerateArray(), p => p.GetProperty("failedSteps").GetArrayLength() == 0);

        var points = json.GetProperty("points").EnumerateArray().ToList();
        var failingCreate = points.Single(p => Strings(p.GetProperty("failedSteps")).SequenceEqual(["WdfDriverCreate"]));
        Assert.Equal(["gBuffer", "gLookaside"], Strings(failingCreate.GetProperty("leaked")));
    }

    [Fact]
    public void The_pattern_matrix_is_clean_only_where_the_blog_says()
    {
        var cells = Json("#!kmdf-patterns").GetProperty("cells").EnumerateArray().ToList();

        Assert.Equal(40, cells.Count);
        Assert.All(
            cells.Where(c => c.GetProperty("cleanup").GetString() == "DriverCleanupCallback" && c.GetProperty("globals").GetString() == "AfterWdfDriverCreate"
                             && c.GetProperty("guard").GetString() == "Guarded"),
            c => Assert.True(c.GetProperty("clean").GetBoolean()));
        Assert.Contains(cells, c => c.GetProperty("cleanup").GetString() == "EvtDriverUnload"
                                    && c.GetProperty("failure").GetString() == "AfterWdfDriverCreate"
                                    && !c.GetProperty("clean").GetBoolean());
    }

    [Fact]
    public void Listing_the_built_in_scenarios_needs_no_scenario()
    {
        var names = Json("#!kmdf-lifecycle --list").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToList();

        Assert.Equal(BuiltInScenarios.Names, names);
    }

    [Fact]
    public void Names_from_a_scenario_file_are_html_escaped_in_the_notebook_output()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dn-escape-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {
              "name": "escaping",
              "title": "<b>bold</b> & <img src=x onerror=alert(1)>",
              "driverEntry": [
                { "step": "wdfDriverCreate" },
                { "step": "allocate", "name": "gBuffer", "kind": "pool" }
              ],
              "events": [ { "event": "unload" } ]
            }
            """);

        var result = MagicCommands.Run($"#!kmdf-lifecycle --scenario \"{file}\"");

        Assert.True(result.Succeeded, result.Error);
        var html = NotebookFormatters.Format(Assert.Single(result.Values)).First(f => f.MimeType == "text/html").Text;
        Assert.DoesNotContain("<b>bold</b>", html);
        Assert.DoesNotContain("<img src=x", html);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public void Scanning_driver_source_from_a_notebook_names_the_leak_by_file_and_line()
    {
        var folder = Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", "cleanup-in-unload");
        var json = Json($"#!kmdf-scan {folder}");

        var findings = json.GetProperty("results")[0].GetProperty("findings").EnumerateArray().ToArray();
        var line = Array.FindIndex(File.ReadAllLines(Path.Combine(folder, "driver.c")), l => l.Contains("gBuffer = ExAllocatePool2", StringComparison.Ordinal)) + 1;
        Assert.Contains(findings, f => f.GetProperty("kind").GetString() == "LeakOnFailurePath" && f.GetProperty("line").GetInt32() == line && f.GetProperty("resource").GetString() == "gBuffer");
    }

    [Fact]
    public void The_csharp_scan_finds_what_the_magic_command_finds_and_lists_a_missing_path_instead_of_throwing()
    {
        var folder = Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", "cleanup-in-unload");
        var json = Json($"#!kmdf-scan {folder}");

        var report = Lifecycle.Scan(folder, "/nonexistent/driver");

        var fromMagic = json.GetProperty("results")[0].GetProperty("findings").EnumerateArray()
            .Select(f => (f.GetProperty("kind").GetString()!, f.GetProperty("line").GetInt32())).ToArray();
        var fromApi = Assert.Single(report.Drivers).Findings.Select(f => (f.Kind.ToString(), f.Line)).ToArray();
        Assert.NotEmpty(fromApi);
        Assert.Equal(fromMagic, fromApi);
        Assert.Contains("/nonexistent/driver", Assert.Single(report.BadInputs), StringComparison.Ordinal);
    }

    [Fact]
    public void A_scanned_driver_shows_as_the_scan_card_with_the_trace_and_fault_sweep_charts()
    {
        var folder = Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", "cleanup-in-unload");
        var result = MagicCommands.Run($"#!kmdf-scan {folder}");
        Assert.True(result.Succeeded, result.Error);
        var html = Assert.Single(NotebookFormatters.Format(Assert.Single(result.Values)), o => o.MimeType == "text/html").Text;
        Assert.Contains("KMDF source scan", html, StringComparison.Ordinal);
        Assert.Contains("leak on a failure path", html, StringComparison.Ordinal);
        // The lifecycle trace of the scenario, and the fault-sweep chart (this driver has findings at some failure point).
        Assert.Contains("KMDF trace: ", html, StringComparison.Ordinal);
        Assert.Equal(2, html.Split("newPlot(").Length - 1);
    }
}
