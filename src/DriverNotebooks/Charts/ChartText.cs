using System.Text.Json;
using Plotly.NET;

namespace DriverNotebooks.Charts;

/// <summary>A one-line plain-text stand-in for a chart, for terminals and text-only viewers.</summary>
public static class ChartText
{
    public static string Describe(GenericChart chart)
    {
        using var figure = JsonDocument.Parse(GenericChart.toFigureJson(chart));
        var root = figure.RootElement;
        var title = root.TryGetProperty("layout", out var layout)
                    && layout.TryGetProperty("title", out var t)
                    && t.ValueKind == JsonValueKind.Object
                    && t.TryGetProperty("text", out var text)
            ? text.GetString()
            : null;
        var traces = root.TryGetProperty("data", out var data) ? data.GetArrayLength() : 0;
        var names = root.TryGetProperty("data", out data)
            ? data.EnumerateArray()
                .Select(trace => trace.TryGetProperty("name", out var n) ? n.GetString() : null)
                .Where(n => !string.IsNullOrEmpty(n))
                .ToList()
            : [];
        var series = names.Count > 0 ? ": " + string.Join(", ", names) : "";
        return $"[chart{(title is null ? "" : $" \"{title}\"")}, {traces} trace{(traces == 1 ? "" : "s")}{series}]";
    }
}
