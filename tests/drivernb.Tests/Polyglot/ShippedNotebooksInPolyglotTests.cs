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
/// <c>#r "nuget: DriverNotebooks, …"</c> first cell unchanged, in a tool session of its own. Each cell's charts
/// are the ones <c>drivernb render</c> draws for it, each an output with its plotly figure.
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
        var chartsRendered = ChartsRenderedPerCell(file, work);
        Assert.Equal(cells.Count, chartsRendered.Count);
        var clock = Stopwatch.StartNew();
        // As VS Code starts it: in the notebook's folder, so a notebook's relative paths (notebooks/data/…) resolve.
        using var session = new DotnetInteractiveSession(installed.Tool, Repository.PathOf("notebooks"), installed.Sandbox.Environment);

        var charts = 0;
        foreach (var (cell, index) in cells.Select((c, i) => (c, i + 1)))
        {
            var submission = session.Submit(cell.Source, timeout: TimeSpan.FromMinutes(5));

            Assert.True(submission.Succeeded, $"{file}, C# cell {index}: {submission}");
            var drawn = submission.Outputs.Where(o => o.GetValueOrDefault("text/html")?.Contains(ChartMarkup, StringComparison.Ordinal) == true).ToList();
            foreach (var output in drawn)
            {
                Assert.True(output.ContainsKey(PlotlyMime), $"{file}, C# cell {index}: a chart without its plotly figure: {string.Join(", ", output.Keys)}");
                using var figure = JsonDocument.Parse(output[PlotlyMime]);
                Assert.NotEqual(0, figure.RootElement.GetProperty("data").GetArrayLength());
            }
            Assert.True(chartsRendered[index - 1] == drawn.Count, $"{file}, C# cell {index}: drivernb render draws {chartsRendered[index - 1]} charts, the tool showed {drawn.Count}");
            charts += drawn.Count;
        }
        Assert.True(charts > 0, $"{file}: no chart arrived");
        log.WriteLine($"{file}: {cells.Count} C# cells, {charts} charts, {clock.Elapsed.TotalSeconds:0.0} s in the tool with its start");
    }

    /// <summary>How many plotly figures <c>drivernb render</c> stores for each code cell of the notebook.</summary>
    private static IReadOnlyList<int> ChartsRenderedPerCell(string file, TempFolder work)
    {
        var render = ExternalProcess.Run(Repository.Dotnet,
            [Repository.DrivernbDll, "render", Repository.PathOf("notebooks", file), "-o", work.Path, "--no-chart-images"], TimeSpan.FromMinutes(5));
        Assert.True(render.ExitCode == 0, render.ToString());
        using var rendered = JsonDocument.Parse(File.ReadAllText(work.File(Path.ChangeExtension(file, ".ipynb"))));
        return [.. rendered.RootElement.GetProperty("cells").EnumerateArray()
            .Where(c => c.GetProperty("cell_type").GetString() == "code")
            .Select(c => c.GetProperty("outputs").EnumerateArray().Count(o => o.TryGetProperty("data", out var data) && data.TryGetProperty(PlotlyMime, out _)))];
    }
}
