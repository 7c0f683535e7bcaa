using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Places plotly.js once in a document of outputs: prepended to the <c>text/html</c> of the first
/// output that contains a chart. Charts render without the library (<c>ChartDocument.Begin(false)</c>),
/// so the writer of each document (an <c>.ipynb</c>, a Jupyter kernel's session) makes one of these
/// and passes every output's data through it in order.
/// </summary>
internal sealed class ChartLibraryPlacement
{
    /// <summary>True once the library is in the document.</summary>
    public bool Placed { get; private set; }

    /// <summary>The data to store for one output: unchanged, or with the library in front of its HTML.</summary>
    public IReadOnlyList<FormattedOutput> Place(IReadOnlyList<FormattedOutput> data)
    {
        if (Placed) return data;
        var html = data.FirstOrDefault(d => d.MimeType == FormattedOutput.Html);
        if (html is null) return data;
        if (ChartHtml.ContainsLibrary(html.Text))
        {
            Placed = true;
            return data;
        }
        if (!ChartHtml.ContainsChart(html.Text)) return data;
        Placed = true;
        return [.. data.Select(d => ReferenceEquals(d, html) ? d with { Text = PlotlyJs.ScriptElement() + d.Text } : d)];
    }
}
