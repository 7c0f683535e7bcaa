using System.Text;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// Renders a Plotly.NET chart as an HTML fragment that draws offline and renders the same bytes
/// every time. Plotly.NET's own <c>toChartHTML</c> loads plotly.js from a CDN and uses random element ids.
/// </summary>
public static class ChartHtml
{
    /// <summary>CSS class on every chart's element; writers look for it to know a document needs plotly.js.</summary>
    public const string ChartClass = "drivernb-chart";

    private const string Config = "{\"responsive\":true,\"displaylogo\":false}";

    /// <summary>The chart as an HTML fragment for the current <see cref="ChartDocument"/>.</summary>
    public static string Render(GenericChart chart) => Render(chart, ChartDocument.Current);

    /// <summary>The chart as an HTML fragment for <paramref name="document"/>.</summary>
    public static string Render(GenericChart chart, ChartDocument document)
    {
        var figure = GenericChart.toFigureJson(chart);
        var id = document.NextElementId(figure);
        var html = new StringBuilder(figure.Length + 900);
        if (document.ClaimLibrary()) html.Append(PlotlyJs.ScriptElement());
        html.Append("<div class=\"").Append(ChartClass).Append("\" id=\"").Append(id).Append("\"></div>");
        html.Append("<script type=\"text/javascript\">(function(){");
        html.Append("var figure=").Append(EscapeJsonForScript(figure)).Append(';');
        html.Append("var tries=0;var draw=function(){");
        html.Append("var el=document.getElementById('").Append(id).Append("');");
        html.Append("if(window.Plotly&&el){window.Plotly.newPlot(el,figure.data,figure.layout,").Append(Config).Append(");}");
        html.Append("else if(tries++<200){setTimeout(draw,50);}");
        html.Append("else if(el){el.textContent='This chart needs plotly.js, which this page does not carry.';}};");
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
    internal static string EscapeJsonForScript(string json) =>
        json.Replace("<", "\\u003c", StringComparison.Ordinal)
            .Replace(">", "\\u003e", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
}
