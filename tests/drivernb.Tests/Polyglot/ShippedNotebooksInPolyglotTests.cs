using System.Diagnostics;
using System.Text.Json;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Tests.Polyglot.RealEngine;
using Xunit.Abstractions;

namespace DriverNotebooks.Cli.Tests.Polyglot;

/// <summary>
/// The set-up README gives for Polyglot Notebooks, tested as a user meets it: after <c>drivernb polyglot
/// install</c>, every notebook in notebooks/ (found by listing the folder, so one added later is covered) runs
/// in the real tool VS Code's extension starts (dotnet-interactive 1.0.712001) exactly as shipped, its own
/// <c>#r "nuget: DriverNotebooks, …"</c> first cell unchanged, in a tool session of its own.
/// </summary>
public sealed class ShippedNotebooksInPolyglotTests(PolyglotInstalledFixture installed, ITestOutputHelper log) : IClassFixture<PolyglotInstalledFixture>
{
    private const string PlotlyMime = "application/vnd.plotly.v1+json";
    private const string ChartMarkup = "class=\"drivernb-chart\"";

    public static TheoryData<string> ShippedNotebooks =>
        [.. Directory.EnumerateFiles(Repository.PathOf("notebooks")).Where(NotebookReader.IsNotebook).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal)];

    [SkippableTheory]
    [MemberData(nameof(ShippedNotebooks))]
    public void Every_csharp_cell_of_a_shipped_notebook_succeeds_in_the_real_tool_and_its_charts_arrive_as_plotly_figures(string file)
    {
        var cells = NotebookReader.Read(Repository.PathOf("notebooks", file)).Cells
            .Where(c => c.Kind == CellKind.Code && KernelInfo.IsCSharp(c.KernelName)).ToList();
        Assert.StartsWith($"#r \"nuget: DriverNotebooks, {installed.Version}\"", cells[0].Source);
        using var work = new TempFolder();
        var clock = Stopwatch.StartNew();
        using var session = new DotnetInteractiveSession(installed.Tool, work.Path, installed.Sandbox.Environment);

        var charts = 0;
        foreach (var (cell, index) in cells.Select((c, i) => (c, i + 1)))
        {
            var submission = session.Submit(cell.Source, timeout: TimeSpan.FromMinutes(5));

            Assert.True(submission.Succeeded, $"{file}, C# cell {index}: {submission}");
            foreach (var output in submission.Outputs.Where(o => o.GetValueOrDefault("text/html")?.Contains(ChartMarkup, StringComparison.Ordinal) == true))
            {
                Assert.True(output.ContainsKey(PlotlyMime), $"{file}, C# cell {index}: a chart without its plotly figure: {string.Join(", ", output.Keys)}");
                using var figure = JsonDocument.Parse(output[PlotlyMime]);
                Assert.NotEqual(0, figure.RootElement.GetProperty("data").GetArrayLength());
                charts++;
            }
        }
        Assert.True(charts > 0, $"{file}: no chart arrived");
        log.WriteLine($"{file}: {cells.Count} C# cells, {charts} charts, {clock.Elapsed.TotalSeconds:0.0} s with the tool's start");
    }
}
