namespace DriverNotebooks.Runner.Handouts;

/// <summary>The handout's one stylesheet: readable on screen, laid out for paper when printed.</summary>
internal static class HandoutStyle
{
    public static string Css(PaperSize paper)
    {
        var (vertical, horizontal) = PaperGeometry.Margins(paper);
        return $$"""
            @page { size: {{PaperGeometry.PageSize(paper)}}; margin: {{vertical}} {{horizontal}}; }
            :root { --content-width: {{PaperGeometry.ContentWidth(paper)}}; --border: #d0d7de; --muted: #57606a; }
            html { font: 10.5pt/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif; color: #1f2328; background: #fff; }
            body { margin: 0; }
            main { box-sizing: border-box; width: 100%; max-width: var(--content-width); margin: 0 auto; padding: 12mm 0 16mm; }
            h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.5em; break-after: avoid; page-break-after: avoid; }
            h1 { font-size: 1.9em; } h2 { font-size: 1.45em; border-bottom: 1px solid var(--border); padding-bottom: 0.2em; } h3 { font-size: 1.2em; }
            .page-break { break-before: page; page-break-before: always; }
            p, ul, ol, table, blockquote { margin: 0.5em 0 0.8em; }
            a { color: #0969da; }
            blockquote { margin-left: 0; padding: 0 1em; color: var(--muted); border-left: 4px solid var(--border); }
            table { border-collapse: collapse; } th, td { border: 1px solid var(--border); padding: 3px 8px; } th { background: #f6f8fa; }
            img, svg { max-width: 100%; height: auto; }
            pre, code { font-family: ui-monospace, "SFMono-Regular", "DejaVu Sans Mono", "Liberation Mono", Menlo, Consolas, monospace; font-size: 9pt; }
            /* Code cells wrap at spaces only (never inside an option such as --pending); a listing in the prose keeps
               its lines whole and scrolls on screen, so a copied line still compiles. */
            pre { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; }
            .cell.markdown pre { white-space: pre; overflow-x: auto; background: #f6f8fa; border: 1px solid var(--border); border-radius: 4px; padding: 6px 10px; }
            :not(pre) > code { background: #eff1f3; border-radius: 3px; padding: 0.1em 0.3em; }
            .cell { margin: 0.6em 0; }
            .dn-name { white-space: nowrap; }
            .cell.code .source { position: relative; background: #f6f8fa; border: 1px solid var(--border); border-radius: 4px; padding: 6px 2.8em 6px 10px; break-inside: avoid; page-break-inside: avoid; break-after: avoid; page-break-after: avoid; }
            .cell.code .count { position: absolute; right: 6px; top: 4px; color: var(--muted); font-size: 8pt; }
            .outputs { margin: 4px 0 0 0; }
            .output { margin: 4px 0; overflow-x: auto; }
            tr, .dn-note { break-inside: avoid; page-break-inside: avoid; }
            .output.text pre, .output.stream pre { padding: 4px 10px; }
            .output.stream.stderr pre { background: #fff8c5; }
            .output.error { border-left: 4px solid #cf222e; background: #ffebe9; padding: 4px 10px; }
            .output.error .ename { font-weight: 600; color: #a40e26; }
            .drivernb-chart { width: 100%; break-inside: avoid; page-break-inside: avoid; }
            @media print {
              html { font-size: 9.5pt; line-height: 1.4; }
              main { padding: 0; max-width: none; }
              .output { overflow: visible; }
              /* 100 columns of a listing fit the text width at 8 pt (DejaVu Sans Mono: 0.6 em a character). */
              .cell.markdown pre { overflow: visible; font-size: 8pt; }
              .cell.markdown pre code { font-size: inherit; }
              /* A table of up to 8 rows, and a result's numbers, print on one page. */
              table:not(:has(> tbody > tr:nth-child(9))), .dn-result .dn-numbers { break-inside: avoid; page-break-inside: avoid; }
              caption { break-after: avoid; page-break-after: avoid; }
              /* Short columns of a table that also holds prose stay on one line; the prose column wraps. */
              .dn-table .dn-short { white-space: nowrap; }
              .drivernb-chart .modebar-container { display: none !important; }
              /* Charts are laid out for the screen; on paper three quarters of that size stays legible and saves pages. */
              .drivernb-chart { zoom: 0.75; }
              a { color: inherit; }
              /* A collapsed block would print as its one-line summary: leave it out of the handout. */
              details:not([open]) { display: none; }
              /* A result's label/value numbers print as two pairs per line: most values are short ("yes", "0 / 0"). */
              .dn-result .dn-numbers, .dn-result .dn-numbers tbody { display: block; }
              .dn-result .dn-numbers tbody { display: flex; flex-wrap: wrap; border-top: 1px solid var(--border); border-left: 1px solid var(--border); }
              .dn-result .dn-numbers tr { display: flex; width: 50%; break-inside: avoid; }
              .dn-result .dn-numbers tr.dn-wide { width: 100%; }
              .dn-result .dn-numbers th, .dn-result .dn-numbers td { display: block; box-sizing: border-box; border-width: 0 1px 1px 0; min-width: 0; overflow-wrap: break-word; }
              /* Wide enough for a label's longest word (EvtCleanupCallback); a value with a long identifier is dn-wide. */
              .dn-result .dn-numbers th { flex: 0 0 13em; }
              .dn-result .dn-numbers td { flex: 1 1 0; }
              /* A section headed "Sources" is the reference list: set smaller, as a paper sets its references. */
              #sources ~ ul, #sources ~ ol, #sources ~ p { font-size: 8pt; line-height: 1.3; }
              #sources ~ ul li, #sources ~ ol li { margin: 0.1em 0; }
            }
            """;
    }

    /// <summary>Fits charts to the text width: a chart laid out wider than the page is narrowed to it.</summary>
    public const string FitChartsScript = """
        (function () {
          function fit() {
            if (!window.Plotly) return;
            document.querySelectorAll('.drivernb-chart').forEach(function (el) {
              var layout = el._fullLayout, width = el.clientWidth;
              if (layout && width > 0 && layout.width > width + 1) window.Plotly.relayout(el, { width: width });
            });
          }
          window.addEventListener('load', fit);
          window.addEventListener('beforeprint', fit);
        })();
        """;
}
