using System.Text.Json.Nodes;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Handouts;

/// <summary>A rendered handout opened in headless Chromium with no network: every chart draws and the console stays clean.</summary>
public sealed class BrowserTests
{
    private const string ChartsDrawn = "Array.from(document.querySelectorAll('.drivernb-chart')).map(e => e.querySelectorAll('.main-svg').length)";

    [SkippableFact]
    public async Task Every_chart_in_a_rendered_handout_draws_offline_without_console_errors()
    {
        // Given: a notebook with two charts, rendered
        var chromium = RequiredTools.Chromium();
        using var folder = new TempFolder();
        var notebook = NotebookReader.Read(Fixtures.CopyTo(folder, "charts.dib"));
        var rendered = await NotebookRenderer.RenderAsync(notebook, new RenderOptions { OutputDirectory = folder.File("out") });
        Assert.True(rendered.Run.Succeeded, string.Join("; ", rendered.Run.Failures.Select(f => f.Describe())));

        // When
        await using var browser = await DevToolsBrowser.StartAsync(chromium);
        var tab = await browser.OpenAsync(new Uri(folder.File("out/charts.html")).AbsoluteUri);
        var allDrawn = await browser.WaitUntilAsync(tab, $"(() => {{ const n = {ChartsDrawn}; return n.length > 0 && n.every(c => c > 0); }})()");
        var svgsPerChart = (await browser.EvaluateAsync(tab, ChartsDrawn))!.AsArray().Select(n => n!.GetValue<int>()).ToList();

        // Then
        Assert.True(allDrawn, $"not every chart drew: main-svg elements per chart {string.Join(", ", svgsPerChart)}");
        Assert.Equal(2, svgsPerChart.Count);
        Assert.All(svgsPerChart, count => Assert.True(count > 0));
        Assert.Empty(browser.Problems);
    }

    [SkippableFact]
    public async Task The_browser_check_notices_a_chart_that_cannot_draw_and_a_console_error()
    {
        // Given: a page with a chart element but no plotly.js, and a script that logs an error
        var chromium = RequiredTools.Chromium();
        using var folder = new TempFolder();
        var page = folder.Write("broken.html", """
            <!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
            <div class="drivernb-chart" id="c1"></div>
            <script>console.error('deliberate failure');</script>
            </body></html>
            """);

        // When
        await using var browser = await DevToolsBrowser.StartAsync(chromium);
        var tab = await browser.OpenAsync(new Uri(page).AbsoluteUri);
        var counts = (await browser.EvaluateAsync(tab, ChartsDrawn))!.AsArray();

        // Then
        Assert.Equal(0, counts[0]!.GetValue<int>());
        Assert.Contains(browser.Problems, p => p.Contains("deliberate failure", StringComparison.Ordinal));
    }
}
