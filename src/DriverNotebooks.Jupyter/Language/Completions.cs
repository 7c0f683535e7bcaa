namespace DriverNotebooks.Jupyter;

/// <summary>
/// What to offer at a cursor: the texts that may replace the cell's text from
/// <see cref="Start"/> to <see cref="End"/> (UTF-16 indices into the cell).
/// </summary>
internal sealed record Completions(IReadOnlyList<string> Matches, int Start, int End)
{
    public static Completions None(int cursor) => new([], cursor, cursor);
}
