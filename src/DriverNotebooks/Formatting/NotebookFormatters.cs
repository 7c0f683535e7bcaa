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
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartHtml.Render(chart)), FormattedOutput.Html);
        Formatter.Register<GenericChart>((chart, writer) => writer.Write(ChartText.Describe(chart)), FormattedOutput.PlainText);
        Formatter.SetPreferredMimeTypesFor(typeof(GenericChart), FormattedOutput.Html);
        ResultFormatters.Register();
        lock (Gate) _registered = true;
    }

    /// <summary>
    /// The renderings a notebook stores for <paramref name="value"/>: the type's preferred MIME types
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
