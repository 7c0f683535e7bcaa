using System.Text.Json.Nodes;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

/// <summary>
/// Every chart is an output of its own that front ends draw independently: the plotly figure as JSON
/// (VS Code, JupyterLab), HTML (front ends that run scripts), a static SVG (GitHub) and a line of text.
/// </summary>
public sealed class ChartOutputTests
{
    private const string Plotly = "application/vnd.plotly.v1+json";
    private const string Magic = "#!markdown\n\n# Throughput\n\n#!csharp\n\n#!usb-throughput --speed high --type interrupt --max-packet 1024 --pending 2\n";

    private static async Task<JsonArray> RenderedOutputs(TempFolder folder, bool images)
    {
        var input = folder.Write("magic.dib", Magic);
        await NotebookRenderer.RenderAsync(NotebookReader.Read(input), new RenderOptions { OutputDirectory = folder.File("out"), ChartImages = images });
        var notebook = JsonNode.Parse(File.ReadAllText(folder.File("out/magic.ipynb")))!;
        return notebook["cells"]![1]!["outputs"]!.AsArray();
    }

    private static string Text(JsonNode? node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string?)node ?? "";

    [Fact]
    public async Task A_magic_commands_result_is_its_card_then_its_chart_as_an_output_with_the_plotly_figure_stored_as_json()
    {
        // Given
        using var folder = new TempFolder();

        // When
        var outputs = await RenderedOutputs(folder, images: false);

        // Then: the card alone
        Assert.Equal(2, outputs.Count);
        var card = outputs[0]!["data"]!.AsObject();
        Assert.Equal(["text/html", "text/plain"], card.Select(kv => kv.Key));
        Assert.DoesNotContain("drivernb-chart", Text(card["text/html"]));

        // Then: the chart, its figure a JSON object (nbformat's rule for +json types) with the configuration
        var chart = outputs[1]!["data"]!.AsObject();
        Assert.Equal([Plotly, "text/html", "text/plain"], chart.Select(kv => kv.Key));
        var figure = Assert.IsType<JsonObject>(chart[Plotly]);
        Assert.NotEmpty(figure["data"]!.AsArray());
        Assert.Equal(false, (bool?)figure["config"]!["displaylogo"]);
        Assert.Contains("class=\"drivernb-chart\"", Text(chart["text/html"]));
        Assert.StartsWith("[chart \"", Text(chart["text/plain"]));
    }

    [SkippableFact]
    public async Task Rendered_charts_carry_a_static_svg_drawn_offline_the_same_every_time()
    {
        // Given
        RequiredTools.Chromium();
        using var first = new TempFolder();
        using var second = new TempFolder();

        // When
        var outputs = await RenderedOutputs(first, images: true);
        var again = await RenderedOutputs(second, images: true);

        // Then
        var svg = Text(outputs[1]!["data"]![DriverNotebooks.Charts.ChartBundle.SvgMimeType]);
        Assert.StartsWith("<svg", svg);
        Assert.Contains("class=\"main-svg\"", svg);
        var title = Text(outputs[1]!["data"]!["text/plain"]).Split('"')[1];
        Assert.Contains(System.Net.WebUtility.HtmlEncode(title.Split(' ')[0]), svg);
        Assert.Null(outputs[0]!["data"]![DriverNotebooks.Charts.ChartBundle.SvgMimeType]);
        var html = Text(outputs[1]!["data"]!["text/html"]);
        var base64 = System.Text.RegularExpressions.Regex.Match(html, "class=\"drivernb-static\"[^>]* src=\"data:image/svg\\+xml;base64,([^\"]+)\"").Groups[1].Value;
        Assert.Equal(svg, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64)));
        Assert.Equal(outputs.ToJsonString(), again.ToJsonString());
    }
}
