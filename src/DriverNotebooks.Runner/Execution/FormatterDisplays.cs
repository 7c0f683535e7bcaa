using DriverNotebooks.Formatting;
using Microsoft.DotNet.Interactive.Formatting;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// <c>value.Display()</c> in a cell. The extension is Microsoft.DotNet.Interactive.Formatting's own (namespace
/// <c>System</c>, as in Polyglot Notebooks): it formats the value and raises a displayed-value event, which
/// the runner routes to the cell that is running. Outside a cell the library's default applies (the console).
/// </summary>
internal static class FormatterDisplays
{
    private static int _subscribed;

    /// <summary>Subscribes once per process.</summary>
    public static void EnsureSubscribed()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0) Formatter.SubscribeToDisplayedValues(OnDisplayed);
    }

    private static void OnDisplayed(DisplayedValue displayed)
    {
        if (CellContext.Current is not { } cell)
        {
            Formatter.WriteToConsole(displayed);
            return;
        }
        var formatted = displayed.FormattedValues.Select(v => new FormattedOutput(v.MimeType, v.Value)).ToList();
        // Asked for no MIME types, the library formats the type's preferred ones: then the value shows as the
        // notebook formatters lay it out (a result's card, then each chart as an output of its own).
        var preferred = Formatter.GetPreferredMimeTypesFor(displayed.Value?.GetType());
        if (formatted.Select(f => f.MimeType).SequenceEqual(preferred)) cell.Display(displayed.Value, []);
        else cell.Write(new Documents.DisplayDataOutput(formatted));
    }
}
