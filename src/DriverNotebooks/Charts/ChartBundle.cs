using DriverNotebooks.Formatting;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// One chart as one notebook output that every front end can draw on its own:
/// <list type="bullet">
/// <item><c>application/vnd.plotly.v1+json</c>: the figure, which VS Code's Jupyter renderers and JupyterLab's
/// plotly renderer draw offline with their own plotly.js;</item>
/// <item><c>text/html</c>: <see cref="ChartHtml"/>'s element and script, for front ends that run HTML outputs;</item>
/// <item><c>text/plain</c>: <see cref="ChartText"/>'s one line.</item>
/// </list>
/// A static <c>image/svg+xml</c> rendering is added by hosts that can run a browser (<c>drivernb render</c>),
/// for script-free viewers such as GitHub's.
/// </summary>
public static class ChartBundle
{
    /// <summary>The MIME type of a plotly.js figure (data, layout, config) that Jupyter front ends render.</summary>
    public const string PlotlyMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME type of the static rendering.</summary>
    public const string SvgMimeType = "image/svg+xml";

    /// <summary>
    /// The renderings of <paramref name="chart"/>, richest first. The HTML never carries plotly.js itself:
    /// the document's writer places the library once (see <c>ChartLibraryPlacement</c>).
    /// </summary>
    public static IReadOnlyList<FormattedOutput> Render(GenericChart chart, ChartDocument document)
    {
        var figure = GenericChart.toFigureJson(chart);
        return
        [
            new FormattedOutput(PlotlyMimeType, PlotlyFigure(figure)),
            new FormattedOutput(FormattedOutput.Html, ChartHtml.Render(figure, document, mayCarryLibrary: false)),
            new FormattedOutput(FormattedOutput.PlainText, ChartText.Describe(chart)),
        ];
    }

    /// <summary>The renderings of <paramref name="chart"/> in the current <see cref="ChartDocument"/>.</summary>
    public static IReadOnlyList<FormattedOutput> Render(GenericChart chart) => Render(chart, ChartDocument.Current);

    /// <summary>
    /// The plotly MIME payload: the figure (Plotly.NET's <c>data</c>, <c>layout</c> and <c>frames</c>) with the
    /// configuration every chart draws with added as <c>config</c>. Appended to the object's text rather than
    /// parsed and written again: a first chart in a fresh process should not pay for a JSON DOM.
    /// </summary>
    public static string PlotlyFigure(string figureJson)
    {
        var figure = figureJson.AsSpan().Trim();
        if (figure.Length < 2 || figure[0] != '{' || figure[^1] != '}')
            throw new ArgumentException("a plotly figure is a JSON object", nameof(figureJson));
        var body = figure[..^1].TrimEnd();
        var separator = body[^1] == '{' ? "" : ",";
        return string.Concat(body, separator + "\"config\":" + ChartHtml.Config + "}");
    }

    /// <summary>True when <paramref name="data"/> is a chart output (it carries a plotly figure).</summary>
    public static bool IsChart(IReadOnlyList<FormattedOutput> data) => data.Any(d => d.MimeType == PlotlyMimeType);
}
