using DriverNotebooks.Charts;
using Plotly.NET;

namespace DriverNotebooks.Tests.Charts;

public class ChartHtmlTests
{
    private static GenericChart Chart(string name)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2, 3 });
        trace.SetProperty("y", new[] { 2.0, 4.0, 8.0 });
        trace.SetProperty("name", name);
        return GenericChart.ofTraceObject(false, trace);
    }

    [Fact]
    public void The_same_chart_renders_the_same_bytes_in_every_document()
    {
        string first, second;
        using (ChartDocument.Begin()) first = ChartHtml.Render(Chart("a"));
        using (ChartDocument.Begin()) second = ChartHtml.Render(Chart("a"));

        Assert.Equal(first, second);
    }

    [Fact]
    public void Identical_charts_in_one_document_get_distinct_element_ids()
    {
        using var _ = ChartDocument.Begin();
        var first = ChartHtml.Render(Chart("a"));
        var second = ChartHtml.Render(Chart("a"));

        Assert.NotEqual(first, second);
        Assert.Contains("-2\"", second);
    }

    [Fact]
    public void A_script_closing_tag_in_a_trace_name_cannot_end_the_script_element()
    {
        using var _ = ChartDocument.Begin();
        var html = ChartHtml.Render(Chart("</script><img src=x onerror=alert(1)>"));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "</script>"));
        Assert.Contains("\\u003c/script\\u003e", html);
    }

    [Fact]
    public void A_document_that_embeds_the_library_does_so_in_its_first_chart_only()
    {
        using var _ = ChartDocument.Begin(embedLibraryInFirstChart: true);
        var first = ChartHtml.Render(Chart("a"));
        var second = ChartHtml.Render(Chart("b"));

        Assert.True(ChartHtml.ContainsLibrary(first));
        Assert.False(ChartHtml.ContainsLibrary(second));
        Assert.True(ChartHtml.ContainsChart(second));
    }

    [Fact]
    public void A_document_whose_writer_places_the_library_gets_charts_without_it()
    {
        using var _ = ChartDocument.Begin(embedLibraryInFirstChart: false);

        Assert.False(ChartHtml.ContainsLibrary(ChartHtml.Render(Chart("a"))));
    }

    [Fact]
    public void The_embedded_library_is_plotly_js_from_plotly_net_itself()
    {
        Assert.StartsWith("/**", PlotlyJs.Library.TrimStart());
        Assert.Contains("plotly.js v" + PlotlyJs.Version, PlotlyJs.Library);
        Assert.DoesNotContain("</script", PlotlyJs.EscapeForScriptElement(PlotlyJs.Library), StringComparison.OrdinalIgnoreCase);
    }
}

public class ChartTextTests
{
    [Fact]
    public void A_chart_reads_as_one_line_with_its_title_and_series_names()
    {
        var trace = new Plotly.NET.Trace2D("scatter");
        trace.SetProperty("name", "pipeline model");
        var layout = new Plotly.NET.Layout();
        layout.SetProperty("title", new Dictionary<string, object> { ["text"] = "Throughput" });
        var chart = Plotly.NET.GenericChart.setLayout(layout, Plotly.NET.GenericChart.ofTraceObject(false, trace));

        Assert.Equal("[chart \"Throughput\", 1 trace: pipeline model]", DriverNotebooks.Charts.ChartText.Describe(chart));
    }
}
