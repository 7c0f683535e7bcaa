using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>
/// A one-line plain-text stand-in for a chart, for terminals and text-only viewers. It reads the
/// chart's objects directly: serializing a chart (especially one with Plotly.NET's default template)
/// costs far more than this line is worth.
/// </summary>
public static class ChartText
{
    public static string Describe(GenericChart chart)
    {
        var traces = GenericChart.getTraces(chart).ToList();
        var names = traces
            .Select(t => t.TryGetPropertyValue("name") is { } name ? name.Value as string : null)
            .Where(n => !string.IsNullOrEmpty(n))
            .ToList();
        var title = Title(GenericChart.getLayout(chart));
        var series = names.Count > 0 ? ": " + string.Join(", ", names) : "";
        return $"[chart{(title is null ? "" : $" \"{title.Replace("<br>", " ", StringComparison.Ordinal)}\"")}, {traces.Count} trace{(traces.Count == 1 ? "" : "s")}{series}]";
    }

    private static string? Title(Layout layout)
    {
        if (layout.TryGetPropertyValue("title") is not { } title) return null;
        return title.Value switch
        {
            string text => text,
            IDictionary<string, object> properties => properties.TryGetValue("text", out var text) ? text as string : null,
            DynamicObj.DynamicObj dynamic => dynamic.TryGetPropertyValue("text") is { } text ? text.Value as string : null,
            _ => null,
        };
    }
}
