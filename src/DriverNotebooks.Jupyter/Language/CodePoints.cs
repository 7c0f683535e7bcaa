namespace DriverNotebooks.Jupyter;

/// <summary>
/// Jupyter counts cursor positions in Unicode code points (protocol 5.2 and later); .NET strings
/// count UTF-16 code units. An emoji is one position for the client and two chars here.
/// </summary>
internal static class CodePoints
{
    /// <summary>The UTF-16 index of the <paramref name="codePoints"/>-th code point, clamped to the text.</summary>
    public static int ToUtf16Index(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;
        }
        return index;
    }

    /// <summary>How many code points come before the UTF-16 index <paramref name="index"/>.</summary>
    public static int FromUtf16Index(string text, int index)
    {
        var codePoints = 0;
        for (var i = 0; i < index && i < text.Length; i++)
        {
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1]))) codePoints++;
        }
        return codePoints;
    }
}
