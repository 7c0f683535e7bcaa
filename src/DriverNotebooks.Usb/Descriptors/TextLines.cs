using System.Text;

namespace DriverNotebooks.Usb;

/// <summary>
/// Lines of a text dump, numbered from 1, read as a stream with a cap on line length so that memory stays bounded
/// whatever the file holds.
/// </summary>
internal static class TextLines
{
    /// <summary>The longest line accepted; descriptor dumps have lines of under 200 characters.</summary>
    public const int MaxLineLength = 64 * 1024;

    public static IEnumerable<(int Number, string Text)> Read(TextReader reader, string source)
    {
        var line = new StringBuilder();
        var number = 1;
        var buffer = new char[8192];
        int read;
        var pendingCr = false;
        while ((read = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < read; i++)
            {
                var c = buffer[i];
                if (pendingCr && c == '\n') { pendingCr = false; continue; }
                pendingCr = false;
                if (c is '\n' or '\r')
                {
                    yield return (number++, line.ToString());
                    line.Clear();
                    pendingCr = c == '\r';
                    continue;
                }
                if (line.Length >= MaxLineLength)
                    throw new DescriptorDumpException(source, $"line {number}", $"longer than {MaxLineLength} characters (not a descriptor dump)");
                line.Append(c);
            }
        }
        if (line.Length > 0) yield return (number, line.ToString());
    }

    /// <summary>A number as dumps write it: <c>0x1F</c> hex, <c>31</c> decimal.</summary>
    public static bool TryNumber(string text, out long value)
    {
        text = text.Trim();
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return long.TryParse(text.AsSpan(2), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture, out value);
        return long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary>bcdUSB written as lsusb does (<c>2.10</c>) or as a number (<c>0x210</c>).</summary>
    public static bool TryBcd(string text, out int value)
    {
        value = 0;
        var dot = text.IndexOf('.');
        if (dot > 0)
        {
            var major = text[..dot];
            var minor = text[(dot + 1)..];
            if (!int.TryParse(major, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var ma) ||
                !int.TryParse(minor, System.Globalization.NumberStyles.AllowHexSpecifier, null, out var mi)) return false;
            value = ma << 8 | mi;
            return true;
        }
        if (!TryNumber(text, out var n) || n is < 0 or > 0xFFFF) return false;
        value = (int)n;
        return true;
    }
}
