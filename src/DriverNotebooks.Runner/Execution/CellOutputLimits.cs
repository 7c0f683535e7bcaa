namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// How much console text one cell keeps. A cell that prints without end would otherwise fill memory, the
/// notebook file and the front end; Jupyter's own front ends truncate long outputs in a similar way.
/// </summary>
internal static class CellOutputLimits
{
    /// <summary>Characters of console text (stdout and stderr together) one cell keeps: ten million, about 10 MB.</summary>
    public const int StreamCharacters = 10_000_000;

    /// <summary>The line that replaces everything a cell prints past <see cref="StreamCharacters"/>.</summary>
    public static string TruncationNote { get; } =
        $"\n[output truncated: this cell printed more than {StreamCharacters:N0} characters; the rest is not kept]\n";
}
