using System.Text;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// Renders a chart as an HTML fragment that draws offline and renders the same bytes every time.
/// Plotly.NET's own <c>toChartHTML</c> loads plotly.js from a CDN and uses random element ids.
/// The fragment draws once plotly.js is on the page (carried by the document, the first chart, or a
/// Jupyter kernelspec's <c>kernel.js</c>); where it never arrives, the element says how to get it.
/// </summary>
public static class ChartHtml
{
    /// <summary>CSS class on every chart's element; writers look for it to know a document needs plotly.js.</summary>
    public const string ChartClass = "drivernb-chart";

    /// <summary>The plotly.js configuration every chart is drawn with.</summary>
    public const string Config = "{\"responsive\":true,\"displaylogo\":false}";

    /// <summary>What a chart's element says when no plotly.js arrives within thirty seconds.</summary>
    public const string MissingLibraryText =
        "This interactive chart needs plotly.js, which this view has not loaded. It draws in VS Code's Jupyter " +
        "outputs, in JupyterLab and in Jupyter Notebook with the drivernb kernel installed, and in the HTML handout " +
        "written by drivernb render; the notebook's saved image/svg+xml output shows it without script.";

    /// <summary>The chart as an HTML fragment for the current <see cref="ChartDocument"/>.</summary>
    public static string Render(GenericChart chart) => Render(chart, ChartDocument.Current);

    /// <summary>The chart as an HTML fragment for <paramref name="document"/>.</summary>
    public static string Render(GenericChart chart, ChartDocument document) => Render(GenericChart.toFigureJson(chart), document);

    /// <summary>
    /// A figure (plotly.js JSON with <c>data</c> and <c>layout</c>) as an HTML fragment for <paramref name="document"/>.
    /// With <paramref name="mayCarryLibrary"/> false the fragment never carries plotly.js, even as the
    /// first chart of a document that embeds it in its first chart.
    /// </summary>
    public static string Render(string figureJson, ChartDocument document, bool mayCarryLibrary = true)
    {
        var id = document.NextElementId(figureJson);
        var html = new StringBuilder(figureJson.Length + 1400);
        if (mayCarryLibrary && document.ClaimLibrary()) html.Append(PlotlyJs.ScriptElement());
        html.Append("<div class=\"").Append(ChartClass).Append("\" id=\"").Append(id).Append("\"></div>");
        html.Append("<script type=\"text/javascript\">(function(){");
        html.Append("var figure=").Append(EscapeJsonForScript(figureJson)).Append(';');
        html.Append("var tries=0;var draw=function(){");
        html.Append("var el=document.getElementById('").Append(id).Append("');");
        html.Append("if(window.Plotly&&el){window.Plotly.newPlot(el,figure.data,figure.layout,").Append(Config).Append(");}");
        html.Append("else if(tries++<600){setTimeout(draw,50);}");
        html.Append("else if(el){el.textContent=").Append(JsString(MissingLibraryText)).Append(";}};");
        html.Append("draw();})();</script>");
        return html.ToString();
    }

    /// <summary>True when an HTML fragment contains at least one chart rendered by <see cref="Render(GenericChart)"/>.</summary>
    public static bool ContainsChart(string html) =>
        html.Contains($"class=\"{ChartClass}\"", StringComparison.Ordinal);

    /// <summary>True when an HTML fragment already carries the plotly.js library.</summary>
    public static bool ContainsLibrary(string html) =>
        html.Contains($"id=\"{PlotlyJs.ScriptElementId}\"", StringComparison.Ordinal);

    /// <summary>
    /// JSON is valid JavaScript, but inside a script element "&lt;/script&gt;" or "&lt;!--" in a string
    /// would end or confuse the element, and U+2028/U+2029 end lines in older engines.
    /// </summary>
    public static string EscapeJsonForScript(string json) =>
        json.Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);

    private static string JsString(string text) => EscapeJsonForScript(System.Text.Json.JsonSerializer.Serialize(text));
}
