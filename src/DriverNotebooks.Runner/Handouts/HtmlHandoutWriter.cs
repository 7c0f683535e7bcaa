using System.Net;
using System.Text;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using Markdig.Syntax;

namespace DriverNotebooks.Runner.Handouts;

/// <summary>
/// A notebook with its outputs as one self-contained HTML page to read, share and print: markdown
/// rendered (and cleaned, <see cref="MarkdownHtmlSanitizer"/>), code with its outputs, charts drawn by plotly.js
/// embedded once in the head. A content security policy forbids every external resource, so the page behaves the
/// same offline, and runs only the page's own scripts, named by hash (<see cref="HandoutScripts"/>). Printed,
/// each top-level section starts a page and no output is split across pages.
/// </summary>
internal static class HtmlHandoutWriter
{
    /// <summary>
    /// Nothing may be fetched (styles and images must be inline) and only the scripts named by hash run:
    /// plotly.js, the charts' drawing scripts and the page's own (<see cref="HandoutScripts"/>).
    /// </summary>
    public static string ContentSecurityPolicy(IEnumerable<string> scriptHashes) =>
        $"default-src 'none'; script-src {string.Join(' ', scriptHashes.Distinct())}; style-src 'unsafe-inline'; img-src data: blob:; font-src data:";

    /// <summary>The page's own script element text: fits charts to the text width.</summary>
    private static readonly string FitChartsElementText = "\n" + HandoutStyle.FitChartsScript + "\n";

    public static string Write(Notebook notebook, HandoutOptions? options = null)
    {
        options ??= new HandoutOptions();
        var markdown = notebook.Cells
            .Select(c => c.Kind == CellKind.Markdown ? MarkdownRendering.Parse(c.Source) : null)
            .ToList();
        var title = MarkPageBreaks(markdown) ?? notebook.Name;

        var body = new StringBuilder();
        var scripts = new List<string> { HandoutScripts.Hash(FitChartsElementText) };
        for (var i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            if (markdown[i] is { } document)
            {
                body.Append("<section class=\"cell markdown\">\n")
                    .Append(MarkdownRendering.ToHtml(document, options.BaseDirectory, cell.Attachments))
                    .Append("</section>\n");
            }
            else if (cell.Kind == CellKind.Code && !string.IsNullOrWhiteSpace(cell.Source))
            {
                WriteCodeCell(body, cell);
                foreach (var html in cell.Outputs.Select(Html).OfType<string>()) scripts.AddRange(HandoutScripts.OwnScriptHashes(html));
            }
        }

        var needsPlotly = notebook.Cells.SelectMany(c => c.Outputs).Any(ContainsChart)
                          && !notebook.Cells.SelectMany(c => c.Outputs).Any(ContainsLibrary);
        if (needsPlotly) scripts.Add(HandoutScripts.LibraryHashSource);
        var page = new StringBuilder(body.Length + (needsPlotly ? PlotlyJs.ScriptElement().Length : 0) + 8192);
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy(scripts)).Append("\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"drivernb render\">\n")
            .Append("<title>").Append(Escape(title)).Append("</title>\n")
            .Append("<style>\n").Append(HandoutStyle.Css(options.Paper)).Append("\n</style>\n");
        if (needsPlotly) page.Append(PlotlyJs.ScriptElement()).Append('\n');
        page.Append("</head>\n<body>\n<main class=\"notebook\">\n")
            .Append(body)
            .Append("</main>\n<script type=\"text/javascript\">").Append(FitChartsElementText).Append("</script>\n")
            .Append("</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>
    /// Marks the headings that start a page: only parts, i.e. every <c>#</c> heading after the first when a
    /// notebook has several. Sections (<c>##</c> under a single title) flow on from one another, kept with
    /// the start of what follows them: a forced page per section left most section ends half empty.
    /// Returns the title: the first heading's text.
    /// </summary>
    private static string? MarkPageBreaks(IReadOnlyList<MarkdownDocument?> documents)
    {
        var headings = documents.Where(d => d is not null).SelectMany(d => MarkdownRendering.Headings(d!)).ToList();
        if (headings.Count == 0) return null;
        var title = MarkdownRendering.PlainText(headings[0]);
        var parts = headings.Where(h => h.Level == 1).ToList();
        if (parts.Count > 1 && parts[0] == headings[0])
            foreach (var heading in parts.Skip(1)) MarkdownRendering.MarkPageBreak(heading);
        return title.Length > 0 ? title : null;
    }

    private static void WriteCodeCell(StringBuilder html, NotebookCell cell)
    {
        var language = cell.KernelName == KernelInfo.CSharp ? "csharp" : cell.KernelName;
        html.Append("<section class=\"cell code\">\n<div class=\"source\">");
        if (cell.ExecutionCount is { } count) html.Append("<span class=\"count\">[").Append(count).Append("]</span>");
        html.Append("<pre><code class=\"language-").Append(Escape(language)).Append("\">")
            .Append(Escape(cell.Source)).Append("</code></pre></div>\n");
        if (cell.Outputs.Count > 0)
        {
            html.Append("<div class=\"outputs\">\n");
            foreach (var output in cell.Outputs) WriteOutput(html, output);
            html.Append("</div>\n");
        }
        html.Append("</section>\n");
    }

    private static void WriteOutput(StringBuilder html, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput stream:
                html.Append("<div class=\"output stream ").Append(stream.Name).Append("\"><pre>")
                    .Append(Escape(stream.Text)).Append("</pre></div>\n");
                break;
            case DisplayDataOutput display:
                WriteBundle(html, display.Data);
                break;
            case ExecuteResultOutput result:
                WriteBundle(html, result.Data);
                break;
            case ErrorOutput error:
                html.Append("<div class=\"output error\"><div class=\"ename\">").Append(Escape(error.Name)).Append("</div><pre>")
                    .Append(Escape(string.Join('\n', error.Traceback.Count > 0 ? error.Traceback : [error.Value])))
                    .Append("</pre></div>\n");
                break;
        }
    }

    /// <summary>The richest rendering a page can show: HTML as produced, images embedded, else escaped text.</summary>
    private static void WriteBundle(StringBuilder html, IReadOnlyList<FormattedOutput> data)
    {
        if (Find(data, FormattedOutput.Html) is { } rich)
        {
            html.Append("<div class=\"output html\">").Append(rich).Append("</div>\n");
        }
        else if (Find(data, "image/svg+xml") is { } svg)
        {
            html.Append("<div class=\"output image\">").Append(svg).Append("</div>\n");
        }
        else if (data.FirstOrDefault(d => d.MimeType is "image/png" or "image/jpeg" or "image/gif") is { } image)
        {
            html.Append("<div class=\"output image\"><img alt=\"\" src=\"data:").Append(image.MimeType).Append(";base64,")
                .Append(image.Text.Replace("\n", "", StringComparison.Ordinal)).Append("\"></div>\n");
        }
        else if (Find(data, "text/markdown") is { } markdown)
        {
            html.Append("<div class=\"output markdown\">")
                .Append(MarkdownRendering.ToHtml(MarkdownRendering.Parse(markdown), null, null)).Append("</div>\n");
        }
        else if (Find(data, FormattedOutput.PlainText) is { } text)
        {
            html.Append("<div class=\"output text\"><pre>").Append(Escape(text)).Append("</pre></div>\n");
        }
    }

    private static string? Find(IReadOnlyList<FormattedOutput> data, string mimeType) =>
        data.FirstOrDefault(d => d.MimeType == mimeType)?.Text;

    private static bool ContainsChart(CellOutput output) => Html(output) is { } html && ChartHtml.ContainsChart(html);

    private static bool ContainsLibrary(CellOutput output) => Html(output) is { } html && ChartHtml.ContainsLibrary(html);

    private static string? Html(CellOutput output) => output switch
    {
        DisplayDataOutput d => Find(d.Data, FormattedOutput.Html),
        ExecuteResultOutput r => Find(r.Data, FormattedOutput.Html),
        _ => null,
    };

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
