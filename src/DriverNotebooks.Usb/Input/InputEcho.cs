using System.Globalization;

namespace DriverNotebooks.Usb;

/// <summary>
/// A user's value as echoed in a message: control characters escaped and a long value cut to its start with
/// its length (a 120,000-digit number is not printed back whole). The same wording as the command layer's Phrases.
/// </summary>
internal static class InputEcho
{
    /// <summary>Longest value echoed whole.</summary>
    public const int MaxLength = 80;

    public static string Shorten(string text)
    {
        var shown = new System.Text.StringBuilder(Math.Min(text.Length, MaxLength) + 32);
        foreach (var c in text.Length > MaxLength ? text[..MaxLength] : text)
        {
            if (char.IsControl(c)) shown.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else shown.Append(c);
        }
        if (text.Length > MaxLength) shown.Append($"\u2026 ({text.Length.ToString("N0", CultureInfo.InvariantCulture)} characters)");
        return shown.ToString();
    }
}
