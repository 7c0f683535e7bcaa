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

    /// <summary>Longest user-supplied value quoted whole in a message; a longer one keeps its start and says how long it was.</summary>
    public const int MaxQuotedLength = 80;

    /// <summary>Longest one-line message printed or stored (an exception's message can be megabytes).</summary>
    public const int MaxMessageLength = 2_000;

    /// <summary>Quotes a user-supplied value for a message, keeping the message on one line and short.</summary>
    public static string Quote(string value) => "'" + Shorten(EscapeControl(value.ReplaceLineEndings(" ")), MaxQuotedLength) + "'";

    /// <summary>
    /// <paramref name="text"/> cut to its first <paramref name="max"/> characters with how long it was, e.g.
    /// <c>12345678… (120,000 characters)</c>; unchanged when it fits.
    /// </summary>
    public static string Shorten(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = max;
        if (cut > 0 && char.IsHighSurrogate(text[cut - 1])) cut--;
        return string.Concat(text.AsSpan(0, cut), $"\u2026 ({text.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} characters)");
    }

    /// <summary>
    /// Control characters shown escaped (ESC as <c>\u001b</c>), so text from a file or a cell cannot clear the
    /// terminal, set its title or move the cursor. Line feeds and tabs are kept; carriage returns too when
    /// followed by a line feed.
    /// </summary>
    public static string EscapeControl(string text)
    {
        var first = -1;
        for (var i = 0; i < text.Length; i++)
        {
            if (NeedsEscape(text, i)) { first = i; break; }
        }
        if (first < 0) return text;
        var escaped = new System.Text.StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (NeedsEscape(text, i)) escaped.Append("\\u").Append(((int)text[i]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            else escaped.Append(text[i]);
        }
        return escaped.ToString();
    }

    /// <summary>A message as one printable line: line breaks become spaces, control characters are escaped, a long one is cut.</summary>
    public static string OneLine(string message) => Shorten(EscapeControl(message.ReplaceLineEndings(" ")), MaxMessageLength);

    private static bool NeedsEscape(string text, int i)
    {
        var c = text[i];
        if (c is '\n' or '\t') return false;
        if (c == '\r') return i + 1 >= text.Length || text[i + 1] != '\n';
        // C0, DEL and C1 controls, and the bidirectional overrides that reorder what a terminal shows.
        return char.IsControl(c) || c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';
    }
}
