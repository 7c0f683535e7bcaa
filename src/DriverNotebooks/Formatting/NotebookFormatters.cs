using DriverNotebooks.Charts;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace DriverNotebooks.Formatting;

/// <summary>
/// Registers every DriverNotebooks formatter with Microsoft.DotNet.Interactive.Formatting and turns
/// displayed values into the MIME bundles that notebooks store. One place for the runner, the
/// Jupyter kernel and the Polyglot extension.
/// </summary>
public static class NotebookFormatters
{
    private static readonly object Gate = new();
    private static bool _registered;

    /// <summary>Registers the formatters once per process.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (_registered) return;
            Register();
            _registered = true;
        }
    }

    /// <summary>
    /// Registers the formatters now. Call after <see cref="Formatter.ResetToDefault"/>; otherwise
    /// prefer <see cref="EnsureRegistered"/>.
    /// </summary>
    public static void Register()
    {
        // A chart on its own is one output: the plotly figure first (front ends with a plotly renderer draw it
        // offline), HTML for the others. Its HTML never carries plotly.js: that figure is what front ends show.
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartBundle.PlotlyFigure(GenericChart.toFigureJson(chart))), ChartBundle.PlotlyMimeType);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Render(GenericChart.toFigureJson(chart), ChartDocument.Current, mayCarryLibrary: false)), FormattedOutput.Html);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartText.Describe(chart)), FormattedOutput.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), ChartBundle.PlotlyMimeType, FormattedOutput.Html);
        ResultFormatters.Register();
        lock (Gate) _registered = true;
    }

    /// <summary>
    /// The outputs a notebook stores for <paramref name="value"/>, in order. A result with charts shows as
    /// its card followed by one output per chart (<see cref="ChartBundle"/>), so each chart draws on its own
    /// in every front end; a chart is one chart output; any other value is the one bundle of <see cref="Format"/>.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FormattedOutput>> FormatOutputs(object? value)
    {
        EnsureRegistered();
        switch (value)
        {
            case GenericChart chart:
                return [ChartBundle.Render(chart)];
            case not null when ResultFormatters.TryGetParts(value, out var card, out var charts):
                var outputs = new List<IReadOnlyList<FormattedOutput>>(1 + charts.Count)
                {
                    new FormattedOutput[] { new(FormattedOutput.Html, card.ToHtml()), new(FormattedOutput.PlainText, card.ToText()) },
                };
                var document = ChartDocument.Current;
                outputs.AddRange(charts.Select(c => ChartBundle.Render(c, document)));
                return outputs;
            default:
                return [Format(value)];
        }
    }

    /// <summary>
    /// The renderings of <paramref name="value"/> as one output: the type's preferred MIME types
    /// (HTML for most objects) followed by plain text, which every value gets.
    /// </summary>
    public static IReadOnlyList<FormattedOutput> Format(object? value)
    {
        EnsureRegistered();
        if (value is null) return [new FormattedOutput(FormattedOutput.PlainText, Formatter.NullString)];
        var outputs = new List<FormattedOutput>(2);
        foreach (var mimeType in Formatter.GetPreferredMimeTypesFor(value.GetType()))
        {
            if (mimeType != FormattedOutput.PlainText) outputs.Add(new FormattedOutput(mimeType, value.ToDisplayString(mimeType)));
        }
        outputs.Add(new FormattedOutput(FormattedOutput.PlainText, value.ToDisplayString(FormattedOutput.PlainText)));
        return outputs;
    }
}
