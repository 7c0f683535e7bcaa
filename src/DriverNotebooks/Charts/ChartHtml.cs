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
        html.Append("<script type=\"text/javascript\">").Append(DrawingScript(id, EscapeJsonForScript(figureJson))).Append("</script>");
        return html.ToString();
    }

    private const string FigureStart = "(function(){var figure=";
    private const string FigureEnd = ";var tries=0;var draw=function(){var el=document.getElementById('";

    /// <summary>The text of the script element that draws the figure (already escaped for a script) into element <paramref name="id"/>.</summary>
    private static string DrawingScript(string id, string escapedFigureJson)
    {
        var script = new StringBuilder(escapedFigureJson.Length + 1000);
        script.Append(FigureStart).Append(escapedFigureJson).Append(FigureEnd).Append(id).Append("');");
        script.Append("if(window.Plotly&&el){el.replaceChildren();window.Plotly.newPlot(el,figure.data,figure.layout,").Append(Config).Append(");}");
        script.Append("else if(tries++<600){setTimeout(draw,50);}");
        script.Append("else if(el){var note=document.createElement('p');note.className='").Append(NoteClass).Append("';");
        script.Append("note.textContent=").Append(JsString(MissingLibraryText)).Append(";el.appendChild(note);}};");
        script.Append("draw();})();");
        return script.ToString();
    }

    /// <summary>
    /// True when <paramref name="script"/> (a script element's text) is exactly one that <see cref="Render(string, ChartDocument, bool)"/>
    /// writes: a figure that is JSON data, drawn into an element with a chart id. A page that lets only its own
    /// scripts run (the HTML handout's content security policy) trusts these and nothing else that looks like them.
    /// </summary>
    public static bool IsDrawingScript(string script)
    {
        if (!script.StartsWith(FigureStart, StringComparison.Ordinal)) return false;
        var idStart = script.LastIndexOf(FigureEnd, StringComparison.Ordinal);
        if (idStart < FigureStart.Length) return false;
        var figure = script[FigureStart.Length..idStart];
        var idEnd = script.IndexOf('\'', idStart + FigureEnd.Length);
        if (idEnd < 0) return false;
        var id = script[(idStart + FigureEnd.Length)..idEnd];
        if (id.Length == 0 || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return false;
        if (EscapeJsonForScript(figure) != figure || !IsJson(figure)) return false;
        return DrawingScript(id, figure) == script;
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var _ = System.Text.Json.JsonDocument.Parse(text);
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }

    /// <summary>CSS class of the static image a chart's element may hold until plotly.js draws it.</summary>
    public const string StaticImageClass = "drivernb-static";

    /// <summary>CSS class of the note added when plotly.js never arrives.</summary>
    public const string NoteClass = "drivernb-chart-note";

    /// <summary>
    /// <paramref name="chartHtml"/> (one chart from <see cref="Render(string, ChartDocument, bool)"/>) with a static
    /// rendering inside its element, shown until plotly.js draws the chart and kept where it never does: viewers
    /// that strip scripts from HTML outputs (GitHub's, nbconvert's sanitizer) then still show the chart.
    /// </summary>
    public static string WithStaticImage(string chartHtml, string svg, string description)
    {
        var start = chartHtml.IndexOf($"<div class=\"{ChartClass}\" id=\"", StringComparison.Ordinal);
        var close = start < 0 ? -1 : chartHtml.IndexOf("\"></div>", start, StringComparison.Ordinal);
        if (close < 0) throw new ArgumentException("not a chart element rendered by ChartHtml", nameof(chartHtml));
        var image = $"<img class=\"{StaticImageClass}\" style=\"max-width:100%;height:auto\" alt=\"{System.Net.WebUtility.HtmlEncode(description)}\" src=\"data:image/svg+xml;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes(svg))}\">";
        return string.Concat(chartHtml.AsSpan(0, close + 2), image, chartHtml.AsSpan(close + 2));
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
