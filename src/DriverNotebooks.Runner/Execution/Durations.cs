using System.Globalization;

namespace DriverNotebooks.Runner.Execution;

/// <summary>Durations as people type them: <c>30s</c>, <c>500ms</c>, <c>2m</c>, <c>1.5s</c>, <c>1h</c>; a bare number is seconds.</summary>
internal static class Durations
{
    /// <summary>The longest duration accepted: a day.</summary>
    public static readonly TimeSpan Longest = TimeSpan.FromDays(1);

    public static TimeSpan Parse(string text)
    {
        var trimmed = text.Trim();
        var (number, unit) = Split(trimmed);
        if (!double.TryParse(number, NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) || value <= 0 || double.IsInfinity(value))
            throw new FormatException($"expected a positive duration such as 30s, 500ms or 2m");
        var seconds = unit switch
        {
            "ms" => value / 1000,
            "" or "s" => value,
            "m" or "min" => value * 60,
            "h" => value * 3600,
            _ => throw new FormatException($"unknown unit '{unit}'; expected ms, s, m or h (e.g. 30s)"),
        };
        // Checked before a TimeSpan is made: 1e12s would overflow it.
        if (seconds > Longest.TotalSeconds) throw new OverflowException($"out of range; allowed: more than 0 up to {Format(Longest)} (a day)");
        var span = unit switch
        {
            "ms" => TimeSpan.FromMilliseconds(value),
            "m" or "min" => TimeSpan.FromMinutes(value),
            "h" => TimeSpan.FromHours(value),
            _ => TimeSpan.FromSeconds(value),
        };
        return span > TimeSpan.Zero ? span : throw new OverflowException($"out of range; allowed: at least 1 tick (100 ns) up to {Format(Longest)} (a day)");
    }

    /// <summary>The shortest exact spelling that <see cref="Parse"/> reads back: <c>120s</c>, <c>500ms</c>, <c>2m</c>.</summary>
    public static string Format(TimeSpan span)
    {
        if (span.Ticks % TimeSpan.TicksPerHour == 0 && span >= TimeSpan.FromHours(1)) return $"{(long)span.TotalHours}h";
        if (span.Ticks % TimeSpan.TicksPerMinute == 0 && span >= TimeSpan.FromMinutes(1) && span.TotalMinutes < 60 * 24) return $"{(long)span.TotalMinutes}m";
        if (span.Ticks % TimeSpan.TicksPerSecond == 0) return $"{(long)span.TotalSeconds}s";
        return span.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
    }

    private static (string Number, string Unit) Split(string text)
    {
        var end = text.Length;
        while (end > 0 && char.IsAsciiLetter(text[end - 1])) end--;
        return (text[..end].Trim(), text[end..].ToLowerInvariant());
    }
}
