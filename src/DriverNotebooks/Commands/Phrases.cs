namespace DriverNotebooks.Commands;

/// <summary>Small helpers for the wording of one-line messages.</summary>
public static class Phrases
{
    /// <summary>"a", "a or b", "a, b or c".</summary>
    public static string OneOf(IReadOnlyList<string> values) => values.Count switch
    {
        0 => "",
        1 => values[0],
        _ => string.Join(", ", values.Take(values.Count - 1)) + " or " + values[^1],
    };

    /// <summary>Quotes a user-supplied value for a message, keeping the message on one line.</summary>
    public static string Quote(string value)
    {
        var oneLine = value.ReplaceLineEndings(" ");
        if (oneLine.Length > 80) oneLine = oneLine[..77] + "...";
        return "'" + oneLine + "'";
    }
}
