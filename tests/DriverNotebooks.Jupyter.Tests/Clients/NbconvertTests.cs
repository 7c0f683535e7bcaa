using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;
using DriverNotebooks.Runner.Documents;

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
            Assert.Equal(1, html.Sum(h => Occurrences(h, PlotlyScript)));
            Assert.Contains(PlotlyScript, charts[0]);
            Assert.Equal("csharp", (string?)executed["metadata"]!["language_info"]!["name"]);
        }
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
