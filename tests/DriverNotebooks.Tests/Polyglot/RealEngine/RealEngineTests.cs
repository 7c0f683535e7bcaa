using DriverNotebooks.Commands;
using DriverNotebooks.TestSupport;

namespace DriverNotebooks.Tests.Polyglot.RealEngine;

/// <summary>
/// The extension in the real Polyglot engine (dotnet-interactive 1.0.712001, FSharp.Core 10.0), not a
/// stand-in: every magic command and its help, user mistakes, a C# API cell, a user's own Plotly.NET chart,
/// and the engine's own F# kernel still working beside our FSharp.Core.
/// </summary>
[Collection(nameof(RealEngineCollection))]
public class RealEngineTests(RealEngineFixture engine)
{
    private const string ChartMarkup = "class=\"drivernb-chart\"";
    private const string PlotlyMime = "application/vnd.plotly.v1+json";

    /// <summary>The smallest valid invocation of each magic command.</summary>
    public static TheoryData<string> EveryMagicCommand => new()
    {
        "#!usb-throughput --speed high --type interrupt --max-packet 1024",
        "#!usb-simulate --speed high --type interrupt --max-packet 1024 --duration 20ms",
        "#!usb-sweep --speed high --type interrupt --max-packet 1024 --seeds 2 --duration 20ms",
        "#!kmdf-lifecycle --scenario cleanup-in-driver-cleanup-callback",
        "#!kmdf-faults --scenario cleanup-in-evtdriverunload",
        "#!kmdf-patterns",
    };

    [SkippableFact]
    public void Loading_the_package_registers_every_magic_command_with_no_chart_problem()
    {
        Assert.True(engine.Load.Succeeded, engine.Load.ToString());
        var loaded = engine.Load.Outputs.Select(o => o.GetValueOrDefault("text/plain")).Single(t => t?.StartsWith("DriverNotebooks is loaded") == true)!;
        foreach (var command in MagicCommands.All) Assert.Contains(command.Definition.MagicName, loaded);
        Assert.EndsWith("Add --help to any of them for usage.", loaded);
    }

    [SkippableTheory]
    [MemberData(nameof(EveryMagicCommand))]
    public void Every_magic_command_shows_its_card_and_each_chart_as_a_plotly_figure_of_its_own(string line)
    {
        var cell = engine.Session.Submit(line);

        Assert.True(cell.Succeeded, cell.ToString());
        var card = cell.Outputs[0];
        Assert.DoesNotContain(ChartMarkup, card["text/html"]);
        var charts = cell.Outputs.Skip(1).ToList();
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            using var figure = System.Text.Json.JsonDocument.Parse(chart[PlotlyMime]);
            Assert.NotEqual(0, figure.RootElement.GetProperty("data").GetArrayLength());
            Assert.Contains(ChartMarkup, chart["text/html"]);
            Assert.StartsWith("[chart", chart["text/plain"]);
        }
    }

    [SkippableFact]
    public void Help_of_every_magic_command_works_without_its_required_options()
    {
        foreach (var command in MagicCommands.All)
        {
            var cell = engine.Session.Submit($"{command.Definition.MagicName} --help");

            Assert.True(cell.Succeeded, cell.ToString());
            var text = cell.Outputs.Single()["text/plain"];
            Assert.StartsWith($"{command.Definition.MagicName}: ", text);
            foreach (var option in command.Definition.Options) Assert.Contains(option.Name, text);
        }
    }

    [SkippableFact]
    public void A_capture_file_given_as_the_directives_argument_is_measured()
    {
        var capture = Repository.PathOf("notebooks", "data", "usbmon-tools_usbpcap1.pcapng");
        var cell = engine.Session.Submit($"#!usb-capture {capture} --endpoint 0x81");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Contains("1:1 endpoint 0x81 (interrupt IN) moved 1,464 B in 244 transfers", cell.Outputs[0]["text/plain"]);
    }

    [SkippableFact]
    public void A_simulation_written_with_pcapng_is_read_back_by_the_capture_command_in_the_same_session()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "reader.pcapng");

        var simulated = engine.Session.Submit($"#!usb-simulate --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 3 --turnaround 200us --duration 20ms --pcapng {path} --json");
        var captured = engine.Session.Submit($"#!usb-capture {path} --json");

        Assert.True(simulated.Succeeded, simulated.ToString());
        Assert.True(captured.Succeeded, captured.ToString());
        using var s = System.Text.Json.JsonDocument.Parse(simulated.Outputs[0]["text/plain"]);
        using var c = System.Text.Json.JsonDocument.Parse(captured.Outputs[0]["text/plain"]);
        var reader = c.RootElement.GetProperty("endpoints").EnumerateArray().Single(e => e.GetProperty("endpoint").GetString() == "0x81");
        Assert.Equal(s.RootElement.GetProperty("completedRequests").GetInt64(), reader.GetProperty("transfers").GetInt64());
        Assert.Equal(3, reader.GetProperty("inFlight").GetProperty("max").GetInt32());
    }

    [SkippableFact]
    public void A_hardware_analyser_capture_shows_its_bus_view()
    {
        var capture = Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "Captures", "TestData", "packetry_split-nyet.pcap");
        var cell = engine.Session.Submit($"#!usb-capture {capture}");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Contains("Link type 288 records packets on the bus", cell.Outputs[0]["text/plain"]);
    }

    [SkippableTheory]
    [InlineData("#!usb-throughput --speed warp", "#!usb-throughput: --speed 'warp' is not allowed; allowed: ")]
    [InlineData("#!usb-throughput --speed high --speed full --type bulk --max-packet 512", "#!usb-throughput: --speed was given more than once")]
    [InlineData("#!usb-throughput --type bulk --max-packet 512", "#!usb-throughput: ")]
    [InlineData("#!kmdf-lifecycle --scenario no-such-scenario", "#!kmdf-lifecycle: ")]
    public void A_user_mistake_fails_the_cell_with_the_one_line_error_and_the_kernel_lives_on(string line, string errorStart)
    {
        var cell = engine.Session.Submit(line);

        Assert.False(cell.Succeeded, cell.ToString());
        Assert.StartsWith(errorStart, cell.FailureMessage);
        Assert.DoesNotContain('\n', cell.FailureMessage!.Trim());
        Assert.DoesNotContain("Exception", cell.FailureMessage);
        var next = engine.Session.Submit("1+1");
        Assert.True(next.Succeeded, next.ToString());
    }

    private static string Dump(string name) => Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "TestData", "Descriptors", name);

    [SkippableFact]
    public void A_descriptor_file_given_as_the_directives_positional_argument_shows_its_card()
    {
        var cell = engine.Session.Submit($"#!usb-descriptors \"{Dump("espressif__esp-usb__logitech_c270.usbtreeview.txt")}\"");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Contains("USB descriptors: espressif__esp-usb__logitech_c270.usbtreeview.txt", cell.Outputs.Single()["text/plain"]);
        Assert.Contains("24.48 MB/s", cell.Outputs.Single()["text/plain"]);
    }

    [SkippableFact]
    public void An_endpoint_taken_from_a_descriptor_file_runs_the_throughput_analysis()
    {
        var cell = engine.Session.Submit($"#!usb-throughput --from \"{Dump("cyrozap__geniatech-tv-tuner-re__MyGica-A681B-descriptor.txt")}\" --endpoint 0x81 --json");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Contains("\"maxPacket\": 512", cell.Outputs.Single()["text/plain"]);
    }

    [SkippableFact]
    public void A_malformed_descriptor_file_fails_the_cell_with_one_line()
    {
        var cell = engine.Session.Submit("#!usb-descriptors /nonexistent/lsusb.txt");

        Assert.False(cell.Succeeded, cell.ToString());
        Assert.Equal("#!usb-descriptors: /nonexistent/lsusb.txt: no such file", cell.FailureMessage!.Trim());
    }

    [SkippableFact]
    public void A_repeatable_option_keeps_every_value_it_was_given()
    {
        var cell = engine.Session.Submit(
            "#!usb-sweep --speed high --type interrupt --max-packet 1024 --turnaround 100us --turnaround 400us --seeds 1 --duration 20ms --json");

        Assert.True(cell.Succeeded, cell.ToString());
        var json = cell.Outputs.Single()["text/plain"];
        Assert.Contains("100", json);
        Assert.Contains("400", json);
    }

    [SkippableFact]
    public void A_magic_line_and_csharp_below_it_both_run_in_one_cell()
    {
        var cell = engine.Session.Submit("#!usb-throughput --speed high --type interrupt --max-packet 1024\nvar answer = 6 * 7;\nanswer");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Contains("class=\"dn-result\"", cell.Outputs[0]["text/html"]);
        Assert.Contains(PlotlyMime, cell.Outputs[1].Keys);
        Assert.Contains("42", string.Concat(cell.Outputs[^1].Values));
    }

    [SkippableFact]
    public void A_csharp_api_value_shows_its_card_then_its_chart_as_a_plotly_figure_of_its_own()
    {
        var cell = engine.Session.Submit("using DriverNotebooks;\nThroughput.HighSpeed.Interrupt(maxPacket: 1024).ContinuousReader(1024, 4, \"100us\")");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Equal(2, cell.Outputs.Count);
        Assert.Contains("class=\"dn-result\"", cell.Outputs[0]["text/html"]);
        Assert.DoesNotContain(ChartMarkup, cell.Outputs[0]["text/html"]);
        using var figure = System.Text.Json.JsonDocument.Parse(cell.Outputs[1][PlotlyMime]);
        Assert.NotEqual(0, figure.RootElement.GetProperty("data").GetArrayLength());
        Assert.Contains(ChartMarkup, cell.Outputs[1]["text/html"]);
    }

    [SkippableFact]
    public void A_csharp_api_value_displayed_mid_cell_shows_its_card_there_and_its_chart_when_the_cell_ends()
    {
        var cell = engine.Session.Submit("using DriverNotebooks;\nThroughput.HighSpeed.Interrupt(maxPacket: 1024).ContinuousReader(1024, 4, \"100us\").Display();\n\"after the card\"");

        Assert.True(cell.Succeeded, cell.ToString());
        Assert.Equal(3, cell.Outputs.Count);
        Assert.Contains("class=\"dn-result\"", cell.Outputs[0]["text/html"]);
        Assert.Contains("after the card", string.Concat(cell.Outputs[1].Values));
        Assert.Contains(PlotlyMime, cell.Outputs[2].Keys);
    }

    [SkippableFact]
    public void A_users_own_plotly_net_chart_draws_and_the_engines_fsharp_kernel_still_runs()
    {
        var chart = engine.Session.Submit(
            "using Plotly.NET;\nvar trace = new Trace2D(\"scatter\");\ntrace.SetProperty(\"x\", new[] { 1, 2, 3 });\ntrace.SetProperty(\"y\", new[] { 2, 4, 8 });\nGenericChart.ofTraceObject(false, trace)");
        Assert.True(chart.Succeeded, chart.ToString());
        Assert.Contains(ChartMarkup, chart.Outputs.Single()["text/html"]);
        Assert.Contains("\"y\":[2,4,8]", chart.Outputs.Single()[PlotlyMime]);

        var fsharp = engine.Session.Submit("[1; 2; 3] |> List.sum", kernel: "fsharp", timeout: TimeSpan.FromMinutes(3));
        Assert.True(fsharp.Succeeded, fsharp.ToString());
        Assert.Contains("<pre>6</pre>", string.Concat(fsharp.Outputs.Single().Values));
    }
}

[CollectionDefinition(nameof(RealEngineCollection))]
public class RealEngineCollection : ICollectionFixture<RealEngineFixture>;
