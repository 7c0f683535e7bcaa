using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Handouts;

/// <summary>
/// A handout is opened by people who did not write the notebook: markdown may format text but never run
/// script (an allowlist sanitizer), and the page lets only its own scripts run (a content security policy
/// naming plotly.js and the chart scripts by hash), so a script that gets past the one is stopped by the other.
/// </summary>
public sealed partial class HandoutSecurityTests
{
    /// <summary>Each vector records its name in <c>window.hits</c> when it runs.</summary>
    private static string Hit(string name) => $"(window.hits=window.hits||[]).push('{name}')";

    private static readonly string[] MarkdownVectors =
    [
        $"# Hostile {{onclick=\"{Hit("generic-attribute")}\"}}",
        $"<script>{Hit("script")}</script>",
        $"<img src=x onerror=\"{Hit("img-onerror")}\">",
        $"<svg><script>{Hit("svg-script")}</script></svg>",
        $"[markdown link](javascript:{Hit("markdown-javascript-link")})",
        $"<a href=\"javascript:{Hit("html-javascript-link")}\">html link</a>",
        $"<a href=\" JaVaScRiPt:{Hit("spaced-javascript-link")}\">spaced link</a>",
        $"<iframe src=\"data:text/html,<script>{Hit("iframe")}</script>\"></iframe>",
        $"<a href=\"data:text/html,<script>{Hit("data-link")}</script>\">data link</a>",
        $"<details open ontoggle=\"{Hit("ontoggle")}\"><summary>kept</summary>text</details>",
        $"<object data=\"data:text/html,<script>{Hit("object")}</script>\"></object>",
        $"<form action=\"javascript:{Hit("form")}\"><button>go</button></form>",
        $"<style>body {{ background: red }}</style>",
    ];

    private static Notebook Notebook(params NotebookCell[] cells) =>
        new() { SourcePath = "/notebooks/hostile.dib", Format = NotebookFormat.Dib, Cells = cells, KernelInfo = KernelInfo.Default };

    private static string Sanitized(string markdown) => HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown(markdown)));

    [Theory]
    [InlineData("<script>alert(1)</script>", "<script")]
    [InlineData("<img src=x onerror=alert(1)>", "onerror")]
    [InlineData("<svg><script>alert(1)</script></svg>", "<svg")]
    [InlineData("[x](javascript:alert(1))", "javascript:")]
    [InlineData("<a href=\"javascript:alert(1)\">x</a>", "javascript:")]
    [InlineData("# T {onclick=alert(1)}", "onclick")]
    [InlineData("<iframe src=\"https://example.com\"></iframe>", "<iframe")]
    [InlineData("<a href=\"data:text/html,x\">x</a>", "data:text/html")]
    [InlineData("![x](data:text/html,x)", "data:text/html")]
    [InlineData("<img src=\"data:text/html,x\">", "data:text/html")]
    [InlineData("<style>*{}</style>", "<style>*")]
    [InlineData("<input type=\"text\" value=\"typed\">", "typed")]
    public void Markdown_loses_every_construct_that_could_run_script(string markdown, string removed)
    {
        var body = Body(Sanitized(markdown));
        Assert.DoesNotContain(removed, body, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("<details><summary>More</summary>\n\nhidden *text*\n\n</details>", "<details><summary>More</summary>")]
    [InlineData("<kbd>Ctrl</kbd> and <sub>2</sub>", "<kbd>Ctrl</kbd> and <sub>2</sub>")]
    [InlineData("![dot](data:image/png;base64,iVBORw==)", "src=\"data:image/png;base64,iVBORw==\"")]
    [InlineData("<img alt=\"dot\" src=\"data:image/gif;base64,R0lG\">", "src=\"data:image/gif;base64,R0lG\"")]
    [InlineData("[docs](https://example.com/docs) and <mailto:a@example.com>", "href=\"mailto:a@example.com\"")]
    [InlineData("| a | b |\n|--:|:-:|\n| 1 | 2 |", "<td style=\"text-align: right\">1</td>")]
    [InlineData("- [x] done\n- [ ] open", "checked=\"checked\"> done</li>")]
    [InlineData("text[^1]\n\n[^1]: note", "<a id=\"fnref:1\" href=\"#fn:1\" class=\"footnote-ref\">")]
    [InlineData("## Section {#results}", "<h2 id=\"results\">Section</h2>")]
    public void Markdown_keeps_the_formatting_it_is_for(string markdown, string kept)
    {
        Assert.Contains(kept, Body(Sanitized(markdown)));
    }

    [Fact]
    public void The_policy_allows_scripts_only_by_hash_and_never_inline_handlers()
    {
        var html = Sanitized("# T");
        var policy = Policy(html);
        Assert.Matches("script-src( 'sha256-[A-Za-z0-9+/]{43}=')+;", policy);
        Assert.DoesNotContain("unsafe-inline' ", policy.Split("style-src")[0]);
        Assert.DoesNotContain("unsafe-hashes", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
    }

    [Fact]
    public void A_chart_drawing_script_is_allowed_by_its_hash_and_a_lookalike_with_extra_code_is_not()
    {
        // Given: a real chart fragment and the same script with a statement added after its figure
        var chart = Chart("{\"data\":[{\"type\":\"bar\",\"y\":[1,2]}],\"layout\":{}}");
        var script = ScriptText().Match(chart).Groups[1].Value;
        var lookalike = chart.Replace("]}],\"layout\":{}}", "]}],\"layout\":{}};alert(1);var x={}", StringComparison.Ordinal);
        var lookalikeScript = ScriptText().Match(lookalike).Groups[1].Value;

        // When
        var policy = Policy(HtmlHandoutWriter.Write(Notebook(WithHtmlOutput(chart), WithHtmlOutput(lookalike))));

        // Then
        Assert.NotEqual(script, lookalikeScript);
        Assert.Contains(HandoutScripts.Hash(script), policy);
        Assert.DoesNotContain(HandoutScripts.Hash(lookalikeScript), policy);
    }

    [SkippableFact]
    public async Task No_hostile_markdown_or_html_output_runs_script_in_the_opened_handout_and_charts_still_draw()
    {
        // Given: every vector in markdown, the same kind in an HTML output (which is not sanitized), and a chart
        var chromium = RequiredTools.Chromium();
        using var folder = new TempFolder();
        var chart = Chart("{\"data\":[{\"type\":\"bar\",\"y\":[1,2,3]}],\"layout\":{}}");
        var notebook = Notebook(
            NotebookCell.Markdown(string.Join("\n\n", MarkdownVectors)),
            WithHtmlOutput($"<script>{Hit("output-script")}</script><img src=x onerror=\"{Hit("output-onerror")}\"><a href=\"javascript:{Hit("output-javascript-link")}\">o</a>"),
            WithHtmlOutput(chart));
        var page = folder.Write("hostile.html", HtmlHandoutWriter.Write(notebook));

        // When: opened, every link and heading clicked, every details toggled
        await using var browser = await DevToolsBrowser.StartAsync(chromium);
        var tab = await browser.OpenAsync(new Uri(page).AbsoluteUri);
        var drawn = await browser.WaitUntilAsync(tab, "document.querySelectorAll('.drivernb-chart .main-svg').length > 0");
        await browser.EvaluateAsync(tab, """
            (async () => {
              document.querySelectorAll('a, h1, h2, button').forEach(e => e.click());
              document.querySelectorAll('details').forEach(d => d.open = !d.open);
              await new Promise(r => setTimeout(r, 500));
            })()
            """);
        var hits = (await browser.EvaluateAsync(tab, "JSON.stringify(window.hits || [])"))!.GetValue<string>();

        // Then
        Assert.Equal("[]", hits);
        Assert.True(drawn, "the chart did not draw under the page's content security policy");
    }

    private static string Chart(string figureJson)
    {
        using (ChartDocument.Begin()) return ChartHtml.Render(figureJson, ChartDocument.Current, mayCarryLibrary: false);
    }

    /// <summary>A code cell whose one output is <paramref name="html"/>.</summary>
    private static NotebookCell WithHtmlOutput(string html) =>
        NotebookCell.CSharp("display(x)") with { Outputs = [new DisplayDataOutput([new FormattedOutput(FormattedOutput.Html, html)])] };

    private static string Body(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];

    private static string Policy(string html) => PolicyMeta().Match(html).Groups[1].Value;

    [GeneratedRegex("<meta http-equiv=\"Content-Security-Policy\" content=\"([^\"]*)\">")]
    private static partial Regex PolicyMeta();

    [GeneratedRegex("<script[^>]*>(.*?)</script>", RegexOptions.Singleline)]
    private static partial Regex ScriptText();
}
