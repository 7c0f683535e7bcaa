using System.Text.Json;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using Plotly.NET;

namespace DriverNotebooks.Tests.Charts;

/// <summary>A chart as one output every front end can draw on its own.</summary>
public class ChartBundleTests
{
    private static GenericChart Chart()
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("x", new[] { 1, 2, 3 });
        trace.SetProperty("y", new[] { 2.0, 4.0, 8.0 });
        return GenericChart.ofTraceObject(false, trace);
    }

    [Fact]
    public void A_chart_output_is_the_plotly_figure_then_html_then_text()
    {
        using var _ = ChartDocument.Begin();

        var bundle = ChartBundle.Render(Chart());

        Assert.Equal([ChartBundle.PlotlyMimeType, FormattedOutput.Html, FormattedOutput.PlainText], bundle.Select(b => b.MimeType));
        Assert.True(ChartBundle.IsChart(bundle));
    }

    [Fact]
    public void The_plotly_figure_is_the_charts_data_and_layout_with_the_drawing_configuration()
    {
        var figureJson = GenericChart.toFigureJson(Chart());

        using var payload = JsonDocument.Parse(ChartBundle.PlotlyFigure(figureJson));
        using var figure = JsonDocument.Parse(figureJson);

        Assert.Equal(figure.RootElement.GetProperty("data").GetRawText(), payload.RootElement.GetProperty("data").GetRawText());
        Assert.Equal(figure.RootElement.GetProperty("layout").GetRawText(), payload.RootElement.GetProperty("layout").GetRawText());
        Assert.False(payload.RootElement.GetProperty("config").GetProperty("displaylogo").GetBoolean());
        Assert.Equal("{\"config\":" + ChartHtml.Config + "}", ChartBundle.PlotlyFigure(" { } "));
    }

    [Fact]
    public void A_chart_outputs_html_never_carries_plotly_js_even_first_in_a_document_that_embeds_it()
    {
        using var _ = ChartDocument.Begin(embedLibraryInFirstChart: true);

        var html = ChartBundle.Render(Chart()).Single(b => b.MimeType == FormattedOutput.Html).Text;

        Assert.False(ChartHtml.ContainsLibrary(html));
        Assert.True(ChartHtml.ContainsLibrary(ChartHtml.Render(Chart())));
    }
}
