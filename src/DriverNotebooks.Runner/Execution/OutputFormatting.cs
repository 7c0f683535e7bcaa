using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace DriverNotebooks.Runner.Execution;

/// <summary>How the runner turns displayed values into MIME bundles: through the notebook formatters.</summary>
public static class OutputFormatting
{
    private static readonly Lazy<string> ScriptElement = new(PlotlyJs.ScriptElement, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary><c>PlotlyJs.ScriptElement()</c>, built once per process (it escapes 3.5 MB of script).</summary>
    public static string PlotlyScriptElement => ScriptElement.Value;

    /// <summary>
    /// <see cref="NotebookFormatters.Format"/>, except that a chart's HTML and plain text are rendered
    /// side by side: each serializes the whole figure with Plotly.NET, which takes a noticeable time.
    /// The result is the same list in the same order (HTML, then plain text).
    /// </summary>
    public static IReadOnlyList<FormattedOutput> Format(object? value)
    {
        if (value is not GenericChart chart) return NotebookFormatters.Format(value);
        NotebookFormatters.EnsureRegistered();
        var html = Task.Run(() => chart.ToDisplayString(FormattedOutput.Html));
        var plain = chart.ToDisplayString(FormattedOutput.PlainText);
        return [new FormattedOutput(FormattedOutput.Html, html.GetAwaiter().GetResult()), new FormattedOutput(FormattedOutput.PlainText, plain)];
    }
}
