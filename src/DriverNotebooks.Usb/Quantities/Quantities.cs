using System.Globalization;

namespace DriverNotebooks.Usb;

/// <summary>
/// Parsing and formatting of the quantities a user types: durations (<c>300us</c>), rates (<c>8MB/s</c>)
/// and byte counts (<c>4KiB</c>). Decimal prefixes are powers of 1000 (MB = 10^6 B), binary ones powers
/// of 1024 (MiB). Numbers are read with invariant culture and exact decimal arithmetic, so <c>0.3ms</c>
/// and <c>300us</c> give the same value.
/// </summary>
public static class Quantities
{
    private static readonly (string Unit, long Picoseconds)[] DurationUnits =
    [
        ("ps", 1), ("ns", Duration.PicosecondsPerNanosecond),
        ("us", Duration.PicosecondsPerMicrosecond), ("\u00b5s", Duration.PicosecondsPerMicrosecond),
        ("\u03bcs", Duration.PicosecondsPerMicrosecond),
        ("ms", Duration.PicosecondsPerMillisecond), ("s", Duration.PicosecondsPerSecond),
    ];

    private static readonly (string Unit, decimal Bytes)[] ByteUnits =
    [
        ("", 1m), ("B", 1m), ("kB", 1e3m), ("KB", 1e3m), ("MB", 1e6m), ("GB", 1e9m),
        ("KiB", 1024m), ("MiB", 1024m * 1024m), ("GiB", 1024m * 1024m * 1024m),
    ];

    /// <summary>Why a number too large for exact arithmetic (beyond ±7.9e28, e.g. <c>1e300</c>) is refused.</summary>
    private const string NumberOutOfRange = "out of range: the number is beyond ±79,228,162,514,264,337,593,543,950,335";

    /// <summary>Why a duration beyond what one run can represent is refused, with the range allowed.</summary>
    private static readonly string DurationOutOfRange =
        $"out of range: a duration is 0 to {(long.MaxValue / Duration.PicosecondsPerSecond).ToString("N0", CultureInfo.InvariantCulture)} s (about 106 days)";

    private const string DurationAllowed = "a number followed by ns, us, \u00b5s, ms or s, e.g. 300us";
    private const string RateAllowed = "a positive number followed by B/s, kB/s, MB/s, GB/s, KiB/s, MiB/s or GiB/s, e.g. 8MB/s";
    private const string BytesAllowed = "a whole number of bytes, optionally with B, kB, MB, GB, KiB, MiB or GiB, e.g. 4KiB";

    /// <summary>Parses a non-negative duration such as <c>300us</c>, <c>0.3 ms</c>, <c>80µs</c> or <c>1e-4s</c>.</summary>
    /// <exception cref="UsbInputException">With <see cref="UsbInputException.Field"/> = <paramref name="field"/>.</exception>
    public static Duration ParseDuration(string text, string field = UsbInputField.Turnaround) =>
        TryParseDuration(text, out var value, out var error) ? value : throw Bad(field, text, DurationAllowed, error!);

    /// <summary>Try-pattern twin of <see cref="ParseDuration"/>; <paramref name="error"/> says what was wrong.</summary>
    public static bool TryParseDuration(string? text, out Duration value, out string? error)
    {
        value = default;
        if (!TrySplit(text, out var number, out var unit, out error))
        {
            if (error == NumberOutOfRange) error = DurationOutOfRange;
            return false;
        }
        if (unit.Length == 0)
        {
            if (number == 0m) return true;
            error = "a duration needs a unit";
            return false;
        }
        foreach (var (name, ps) in DurationUnits)
        {
            if (!string.Equals(unit, name, StringComparison.Ordinal)) continue;
            if (number < 0m) { error = "a duration cannot be negative"; return false; }
            var total = number * ps;
            if (total > long.MaxValue) { error = DurationOutOfRange; return false; }
            value = new Duration((long)decimal.Round(total, MidpointRounding.AwayFromZero));
            return true;
        }
        error = $"unknown unit \"{unit}\"";
        return false;
    }

    /// <summary>Parses a positive rate in bytes per second such as <c>8MB/s</c>, <c>40 MiB/s</c> or <c>5000</c> (B/s).</summary>
    /// <exception cref="UsbInputException">With <see cref="UsbInputException.Field"/> = <paramref name="field"/>.</exception>
    public static double ParseRate(string text, string field = UsbInputField.BulkRate) =>
        TryParseRate(text, out var value, out var error) ? value : throw Bad(field, text, RateAllowed, error!);

    /// <summary>Try-pattern twin of <see cref="ParseRate"/>.</summary>
    public static bool TryParseRate(string? text, out double bytesPerSecond, out string? error)
    {
        bytesPerSecond = 0;
        if (!TrySplit(text, out var number, out var unit, out error)) return false;
        if (unit.EndsWith("b/s", StringComparison.Ordinal) || unit.EndsWith("bps", StringComparison.Ordinal))
        {
            error = "bits per second are not accepted; give bytes per second (B/s)";
            return false;
        }
        if (unit.Length > 0)
        {
            if (!unit.EndsWith("/s", StringComparison.Ordinal)) { error = $"unknown unit \"{unit}\""; return false; }
            unit = unit[..^2];
            if (unit.Length == 0) { error = "unknown unit \"/s\""; return false; }
        }
        if (!TryByteUnit(unit, out var scale)) { error = $"unknown unit \"{unit}/s\""; return false; }
        if (number <= 0m) { error = "a rate must be greater than zero"; return false; }
        bytesPerSecond = (double)(number * scale);
        return true;
    }

    /// <summary>Parses a non-negative whole byte count such as <c>1024</c>, <c>16KiB</c> or <c>1.5kB</c>.</summary>
    /// <exception cref="UsbInputException">With <see cref="UsbInputException.Field"/> = <paramref name="field"/>.</exception>
    public static long ParseBytes(string text, string field = UsbInputField.Transfer) =>
        TryParseBytes(text, out var value, out var error) ? value : throw Bad(field, text, BytesAllowed, error!);

    /// <summary>Try-pattern twin of <see cref="ParseBytes"/>.</summary>
    public static bool TryParseBytes(string? text, out long bytes, out string? error)
    {
        bytes = 0;
        if (!TrySplit(text, out var number, out var unit, out error)) return false;
        if (!TryByteUnit(unit, out var scale)) { error = $"unknown unit \"{unit}\""; return false; }
        var total = number * scale;
        if (total < 0m) { error = "a byte count cannot be negative"; return false; }
        if (total != decimal.Truncate(total)) { error = "not a whole number of bytes"; return false; }
        if (total > long.MaxValue) { error = "too large"; return false; }
        bytes = (long)total;
        return true;
    }

    /// <summary>Formats a rate with a decimal prefix and up to three decimals: 8,192,000 → <c>8.192 MB/s</c>.</summary>
    public static string FormatRate(double bytesPerSecond)
    {
        if (double.IsNaN(bytesPerSecond)) return "NaN B/s";
        if (double.IsInfinity(bytesPerSecond)) return "\u221e B/s";
        // Pick the prefix after rounding to three decimals, so 999,999.9 B/s prints as 1 MB/s, not 1000 kB/s.
        var a = Math.Round(Math.Abs(bytesPerSecond), 3);
        var (scale, unit) = a >= 999_999_999.5 ? (1e9, "GB/s") : a >= 999_999.9995 ? (1e6, "MB/s") : a >= 999.9999995 ? (1e3, "kB/s") : (1.0, "B/s");
        return Number(bytesPerSecond / scale) + " " + unit;
    }

    /// <summary>Formats a duration with the largest unit that keeps the number at least 1: <c>125 µs</c>, <c>20.835 µs</c>.</summary>
    public static string FormatDuration(Duration duration)
    {
        var ps = Math.Abs(duration.Picoseconds);
        if (ps == 0) return "0 s";
        var (scale, unit) = ps >= Duration.PicosecondsPerSecond ? (Duration.PicosecondsPerSecond, "s")
            : ps >= Duration.PicosecondsPerMillisecond ? (Duration.PicosecondsPerMillisecond, "ms")
            : ps >= Duration.PicosecondsPerMicrosecond ? (Duration.PicosecondsPerMicrosecond, "\u00b5s")
            : ps >= Duration.PicosecondsPerNanosecond ? (Duration.PicosecondsPerNanosecond, "ns")
            : (1L, "ps");
        return Number(duration.Picoseconds / (double)scale) + " " + unit;
    }

    /// <summary>Formats seconds as <see cref="FormatDuration"/> does (rounded to the picosecond).</summary>
    public static string FormatSeconds(double seconds) => FormatDuration(Duration.FromSeconds(seconds));

    /// <summary>Formats a byte count: exact below 100,000 (<c>1024 B</c>), decimal prefixes above (<c>131.072 kB</c>… <c>1.5 MB</c>).</summary>
    public static string FormatBytes(double bytes)
    {
        var a = Math.Abs(bytes);
        if (a < 100_000) return Number(bytes) + " B";
        var (scale, unit) = a >= 1e9 ? (1e9, "GB") : a >= 1e6 ? (1e6, "MB") : (1e3, "kB");
        return Number(bytes / scale) + " " + unit;
    }

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static bool TryByteUnit(string unit, out decimal scale)
    {
        foreach (var (name, bytes) in ByteUnits)
        {
            if (string.Equals(unit, name, StringComparison.Ordinal)) { scale = bytes; return true; }
        }
        scale = 0;
        return false;
    }

    private static bool TrySplit(string? text, out decimal number, out string unit, out string? error)
    {
        number = 0;
        unit = "";
        error = null;
        var s = text?.Trim() ?? "";
        if (s.Length == 0) { error = "empty value"; return false; }
        var i = 0;
        if (s[i] is '+' or '-') i++;
        while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.')) i++;
        if (i < s.Length && s[i] is 'e' or 'E' && i + 1 < s.Length
            && (char.IsAsciiDigit(s[i + 1]) || (s[i + 1] is '+' or '-' && i + 2 < s.Length && char.IsAsciiDigit(s[i + 2]))))
        {
            i += 2;
            while (i < s.Length && char.IsAsciiDigit(s[i])) i++;
        }
        var numberText = s[..i];
        unit = s[i..].Trim();
        if (!decimal.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out number))
        {
            error = numberText.Length == 0 ? "no number"
                : double.TryParse(numberText, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? NumberOutOfRange
                : $"\"{InputEcho.Shorten(numberText)}\" is not a number";
            return false;
        }
        return true;
    }

    private static UsbInputException Bad(string field, string? text, string allowed, string error) =>
        new(field, text ?? "", allowed, $"{field} \"{InputEcho.Shorten(text ?? "")}\" cannot be read ({error}); allowed: {allowed}");
}
