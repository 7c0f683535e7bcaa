using DriverNotebooks.Runner.Execution;

// In namespace System, as .NET Interactive's own, so cells call value.Display() with no using.
// It lives in the runner only: the DriverNotebooks package runs inside .NET Interactive, where it would clash.
namespace System;

/// <summary><c>value.Display()</c> in a cell, as in Polyglot Notebooks.</summary>
public static class DisplayExtensions
{
    /// <summary>Shows <paramref name="value"/> below the running cell through the notebook formatters.</summary>
    /// <param name="value">Any value; charts draw, results show their verdict and numbers.</param>
    /// <param name="mimeTypes">Only these MIME types, e.g. <c>"text/plain"</c>; all the type prefers when empty.</param>
    public static void Display(this object? value, params string[] mimeTypes) => CellContext.Current?.Display(value, mimeTypes);
}
