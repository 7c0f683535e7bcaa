using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Clients;

/// <summary>
/// Every notebook in <c>notebooks/</c>, executed by <c>jupyter nbconvert --execute</c> (Debian's
/// nbconvert and nbclient) through the drivernb kernel, as a user's VS Code or CI would run it.
/// </summary>
public sealed class NbconvertTests
{
    private const string PlotlyScript = "id=\"drivernb-plotly-js\"";
    private const string Chart = "class=\"drivernb-chart\"";

    [SkippableFact]
    public void Every_shipped_notebook_executes_through_the_kernel_without_errors_and_with_its_charts_drawable_offline()
    {
        // Given: the .dib notebooks as the .ipynb files nbconvert reads, without outputs
        var python = RequiredTools.PythonWithNbconvert();
        using var jupyter = new JupyterEnvironment();
        var input = Directory.CreateDirectory(Path.Combine(jupyter.Folder, "in")).FullName;
        var output = Path.Combine(jupyter.Folder, "out");
        var sources = Directory.EnumerateFiles(Repository.PathOf("notebooks"))
            .Where(NotebookReader.IsNotebook)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(sources);
        var notebooks = new List<string>();
        foreach (var source in sources)
        {
            var path = Path.Combine(input, Path.GetFileNameWithoutExtension(source) + ".ipynb");
            File.WriteAllText(path, IpynbWriter.Write(NotebookReader.Read(source)));
            notebooks.Add(path);
        }
        // The data the notebooks read sits beside them, as in the repository (nbconvert starts each kernel in its notebook's folder).
        var data = Repository.PathOf("notebooks", "data");
        if (Directory.Exists(data))
        {
            Directory.CreateDirectory(Path.Combine(input, "data"));
            foreach (var file in Directory.EnumerateFiles(data)) File.Copy(file, Path.Combine(input, "data", Path.GetFileName(file)));
        }

        // When
        var result = ExternalProcess.Run(python,
            ["-m", "nbconvert", "--to", "notebook", "--execute", $"--ExecutePreprocessor.kernel_name={JupyterEnvironment.KernelName}",
             "--ExecutePreprocessor.timeout=300", "--output-dir", output, .. notebooks],
            TimeSpan.FromMinutes(10), workingDirectory: input, environment: jupyter.Variables);

        // Then
        Assert.True(result.ExitCode == 0, result.ToString());
        foreach (var notebook in notebooks)
        {
            var name = Path.GetFileName(notebook);
            var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(output, name)))!.AsObject();
            var cells = executed["cells"]!.AsArray().Select(c => c!.AsObject()).Where(c => (string?)c["cell_type"] == "code").ToList();
            Assert.Equal(Enumerable.Range(1, cells.Count), cells.Select(c => (int?)c["execution_count"] ?? 0));

            var outputs = cells.SelectMany(c => c["outputs"]!.AsArray().Select(o => o!.AsObject())).ToList();
            var errors = outputs.Where(o => (string?)o["output_type"] == "error").Select(o => $"{o["ename"]}: {o["evalue"]}").ToList();
            Assert.True(errors.Count == 0, $"{name}: {string.Join("; ", errors)}");

            var html = outputs.Select(o => Text(o["data"]?["text/html"])).Where(h => h.Length > 0).ToList();
            var charts = html.Where(h => h.Contains(Chart, StringComparison.Ordinal)).ToList();
            Assert.True(charts.Count > 0, $"{name}: no chart in any output's text/html");
            // Each chart is an output of its own whose plotly figure front ends draw without that HTML.
            var chartOutputs = outputs.Where(o => Text(o["data"]?["text/html"]).Contains(Chart, StringComparison.Ordinal)).ToList();
            Assert.All(chartOutputs, o => Assert.IsType<JsonObject>(o["data"]!["application/vnd.plotly.v1+json"]));
            Assert.Equal(1, html.Sum(h => Occurrences(h, PlotlyScript)));
            Assert.Contains(PlotlyScript, charts[0]);
            Assert.Equal("csharp", (string?)executed["metadata"]!["language_info"]!["name"]);
        }
    }

    [SkippableFact]
    public async Task A_rendered_notebook_converted_to_html_without_execution_draws_every_chart_from_its_saved_outputs()
    {
        // Given: a notebook rendered by drivernb (each chart its own output; plotly.js once, in the first),
        // When: nbconvert makes HTML from the saved outputs alone
        var chromium = RequiredTools.Chromium();
        using var folder = new TempFolder();
        var (html, outputs) = RenderThenConvert(folder, "--no-chart-images");
        var charts = outputs.Count(o => o["data"]?["application/vnd.plotly.v1+json"] is JsonObject);
        Assert.True(charts >= 3, $"expected chart outputs with a plotly figure, found {charts}");

        // Then: every chart draws in an offline browser
        await using var browser = await DevToolsBrowser.StartAsync(chromium);
        var tab = await browser.OpenAsync(new Uri(html).AbsoluteUri);
        const string Drawn = "Array.from(document.querySelectorAll('.drivernb-chart')).filter(e => e.querySelector('.main-svg')).length";
        Assert.Equal(charts, (await browser.EvaluateAsync(tab, "document.querySelectorAll('.drivernb-chart').length"))!.GetValue<int>());
        Assert.True(await browser.WaitUntilAsync(tab, $"{Drawn} === {charts}"),
            $"{(await browser.EvaluateAsync(tab, Drawn))!.GetValue<int>()} of {charts} charts drew");
    }

    [SkippableFact]
    public async Task In_a_viewer_that_runs_no_script_every_chart_of_a_rendered_notebook_still_shows_its_static_image()
    {
        // Given: a notebook rendered with its chart images, converted to HTML without execution
        var chromium = RequiredTools.Chromium();
        using var folder = new TempFolder();
        var (html, _) = RenderThenConvert(folder);

        // When: opened with the page's scripts disabled, as GitHub shows HTML outputs
        await using var browser = await DevToolsBrowser.StartAsync(chromium);
        var tab = await browser.OpenAsync(new Uri(html).AbsoluteUri, scripts: false);

        // Then: every chart element shows a decoded image and plotly drew nothing
        var charts = (await browser.EvaluateAsync(tab, "document.querySelectorAll('.drivernb-chart').length"))!.GetValue<int>();
        Assert.True(charts >= 3, $"expected the notebook's charts, found {charts}");
        const string Shown = "Array.from(document.querySelectorAll('.drivernb-chart > img.drivernb-static')).filter(i => i.complete && i.naturalWidth > 300).length";
        Assert.True(await browser.WaitUntilAsync(tab, $"{Shown} === {charts}"), $"{(await browser.EvaluateAsync(tab, Shown))!.GetValue<int>()} of {charts} static images shown");
        Assert.Equal(0, (await browser.EvaluateAsync(tab, "document.querySelectorAll('.drivernb-chart .main-svg').length"))!.GetValue<int>());
    }

    /// <summary>Notebook 2 rendered by drivernb into <paramref name="folder"/>, then converted by nbconvert to HTML without running it.</summary>
    /// <returns>The HTML file and the rendered notebook's outputs.</returns>
    private static (string Html, List<JsonObject> Outputs) RenderThenConvert(TempFolder folder, params string[] renderOptions)
    {
        var python = RequiredTools.PythonWithNbconvert();
        const string Name = "02-global-data-shared-by-devices";
        var render = RequiredTools.Drivernb(["render", Repository.PathOf("notebooks", Name + ".dib"), "-o", folder.Path, .. renderOptions]);
        Assert.True(render.ExitCode == 0, render.ToString());
        var rendered = Path.Combine(folder.Path, Name + ".ipynb");
        var html = Path.Combine(folder.Path, "html");
        var convert = ExternalProcess.Run(python, ["-m", "nbconvert", "--to", "html", "--output-dir", html, rendered], TimeSpan.FromMinutes(2));
        Assert.True(convert.ExitCode == 0, convert.ToString());
        var outputs = JsonNode.Parse(File.ReadAllText(rendered))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? []).Select(o => o!.AsObject()).ToList();
        return (Path.Combine(html, Name + ".html"), outputs);
    }

    /// <summary>nbformat's multiline string: a string or an array of lines.</summary>
    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        _ => (string?)node ?? "",
    };

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
