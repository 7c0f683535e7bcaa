using System.Text.RegularExpressions;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Tests.Handouts;

public sealed partial class HtmlHandoutWriterTests
{
    private static Notebook Notebook(params NotebookCell[] cells) =>
        new() { SourcePath = "/notebooks/sample.dib", Format = NotebookFormat.Dib, Cells = cells, KernelInfo = KernelInfo.Default };

    private static readonly FormattedOutput[] Chart =
    [
        new(FormattedOutput.Html, "<div class=\"drivernb-chart\" id=\"dn-chart-1\"></div><script>draw()</script>"),
        new(FormattedOutput.PlainText, "[chart]"),
    ];

    [Fact]
    public void The_title_is_the_first_heading()
    {
        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown("Intro\n\n# USB *throughput* & `latency`\n\n## One")));

        // Then
        Assert.Contains("<title>USB throughput &amp; latency</title>", html);
    }

    [Fact]
    public void Without_a_heading_the_title_is_the_file_name()
    {
        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.CSharp("1")));

        // Then
        Assert.Contains("<title>sample</title>", html);
    }

    [Fact]
    public void Sections_under_one_title_flow_on_without_forced_page_breaks()
    {
        // Given: one title, three sections, a subsection
        var notebook = Notebook(
            NotebookCell.Markdown("# Title\n\n## Setup"),
            NotebookCell.CSharp("1"),
            NotebookCell.Markdown("## Results\n\n### Detail"),
            NotebookCell.Markdown("## Verdict"));

        // When
        var html = HtmlHandoutWriter.Write(notebook);

        // Then
        Assert.Empty(PageBreakHeadings().Matches(html));
        Assert.Contains("h1, h2, h3, h4, h5, h6 { line-height: 1.25; margin: 1.2em 0 0.5em; break-after: avoid;", html);
    }

    [Fact]
    public void With_several_top_headings_each_later_one_starts_a_page()
    {
        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown("# One\n\n## Sub\n\n# Two\n\n# Three")));

        // Then
        Assert.Equal(["Two", "Three"], PageBreakHeadings().Matches(html).Select(m => m.Groups["text"].Value));
        Assert.Contains(".page-break { break-before: page;", html);
    }

    [Theory]
    [InlineData(nameof(PaperSize.A4), "size: A4", "180mm")]
    [InlineData(nameof(PaperSize.Letter), "size: letter", "7.3in")]
    public void The_page_is_laid_out_for_the_chosen_paper(string paper, string pageSize, string width)
    {
        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown("# T")), new HandoutOptions { Paper = Enum.Parse<PaperSize>(paper) });

        // Then
        Assert.Contains($"@page {{ {pageSize};", html);
        Assert.Contains($"--content-width: {width};", html);
    }

    [Fact]
    public void Code_and_text_outputs_are_escaped_and_html_outputs_inserted_as_produced()
    {
        // Given
        var cell = NotebookCell.CSharp("var s = \"<b>\";") with
        {
            ExecutionCount = 1,
            Outputs =
            [
                new StreamOutput("stdout", "a < b\n"),
                new ExecuteResultOutput(1, [new(FormattedOutput.PlainText, "<plain>")]),
                new DisplayDataOutput([new(FormattedOutput.Html, "<table><tr><td>rich</td></tr></table>"), new(FormattedOutput.PlainText, "rich")]),
                new ErrorOutput("CompilationError", "(1,1): error CS1002: ; expected", ["(1,1): error CS1002: ; expected <here>"]),
            ],
        };

        // When
        var html = HtmlHandoutWriter.Write(Notebook(cell));

        // Then
        Assert.Contains("var s = &quot;&lt;b&gt;&quot;;", html);
        Assert.Contains("<pre>a &lt; b\n</pre>", html);
        Assert.Contains("<pre>&lt;plain&gt;</pre>", html);
        Assert.Contains("<table><tr><td>rich</td></tr></table>", html);
        Assert.Contains("<div class=\"output error\"><div class=\"ename\">CompilationError</div><pre>(1,1): error CS1002: ; expected &lt;here&gt;</pre>", html);
    }

    [Fact]
    public void Plotly_is_embedded_once_in_the_head_when_there_are_charts()
    {
        // Given
        var notebook = Notebook(
            NotebookCell.CSharp("a") with { Outputs = [new DisplayDataOutput(Chart)] },
            NotebookCell.CSharp("b") with { Outputs = [new ExecuteResultOutput(2, Chart)] });

        // When
        var html = HtmlHandoutWriter.Write(notebook);

        // Then
        Assert.Single(Regex.Matches(html, "id=\"drivernb-plotly-js\""));
        Assert.True(html.IndexOf("drivernb-plotly-js", StringComparison.Ordinal) < html.IndexOf("</head>", StringComparison.Ordinal));
    }

    [Fact]
    public void Plotly_is_left_out_when_there_are_no_charts()
    {
        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown("# No charts"), NotebookCell.CSharp("1")));

        // Then
        Assert.DoesNotContain("drivernb-plotly-js", html);
        Assert.True(html.Length < 20_000);
    }

    [Fact]
    public void The_page_loads_nothing_from_outside()
    {
        // Given: markdown with a remote image and a link
        var notebook = Notebook(NotebookCell.Markdown("# T\n\n![diagram](https://example.com/d.png) see [docs](https://example.com/docs)"));

        // When
        var html = HtmlHandoutWriter.Write(notebook);

        // Then: links stay, nothing is fetched (no remote src, stylesheet or url()), and a policy forbids fetching
        Assert.DoesNotMatch(ExternalResource(), html);
        Assert.Contains("<a href=\"https://example.com/docs\">docs</a>", html);
        Assert.Contains("<a href=\"https://example.com/d.png\">diagram</a>", html);
        Assert.Contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'sha256-", html);
        Assert.Contains("img-src data: blob:; font-src data:\">", html);
    }

    [Fact]
    public void Local_images_are_embedded()
    {
        // Given
        var folder = Directory.CreateTempSubdirectory("drivernb-img-").FullName;
        File.WriteAllBytes(Path.Combine(folder, "dot.png"), [0x89, 0x50, 0x4E, 0x47]);

        // When
        var html = HtmlHandoutWriter.Write(Notebook(NotebookCell.Markdown("![dot](dot.png)")), new HandoutOptions { BaseDirectory = folder });
        Directory.Delete(folder, recursive: true);

        // Then
        Assert.Contains("src=\"data:image/png;base64,iVBORw==\"", html);
    }

    [GeneratedRegex("""<h\d id="[^"]*" class="page-break">(?<text>[^<]*)</h\d>""")]
    private static partial Regex PageBreakHeadings();

    [GeneratedRegex("""src="(https?:)?//|<link[^>]*href="(https?:)?//|url\(\s*['"]?(https?:)?//|@import""")]
    private static partial Regex ExternalResource();
}
