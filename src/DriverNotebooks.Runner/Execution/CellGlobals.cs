namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// What every cell sees without a <c>using</c>: <c>display(value)</c> as in Polyglot Notebooks, and the
/// cell's <see cref="CancellationToken"/> for long loops that should stop when the cell is interrupted
/// or times out.
/// </summary>
public sealed class CellGlobals
{
    /// <summary>Shows <paramref name="value"/> below the cell, through the notebook formatters (HTML and plain text).</summary>
    /// <param name="value">Any value; charts draw, results show their verdict and numbers.</param>
    /// <param name="mimeTypes">Only these MIME types, e.g. <c>"text/plain"</c>; all the type prefers when empty.</param>
#pragma warning disable IDE1006 // The lower-case name is Polyglot's, kept so notebooks run unchanged.
    public void display(object? value, params string[] mimeTypes) => CellContext.Current?.Display(value, mimeTypes);
#pragma warning restore IDE1006

    /// <summary>Signalled when the running cell is interrupted or passes its timeout.</summary>
    public CancellationToken CancellationToken => CellContext.Current?.CancellationToken ?? CancellationToken.None;
}
