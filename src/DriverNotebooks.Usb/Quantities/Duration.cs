namespace DriverNotebooks.Usb;

/// <summary>
/// A non-negative span of bus time held as whole picoseconds, so that 2.083 ns (one high-speed bit time),
/// 125 µs and 4.096 s are all exact and ratios such as 375 µs / 125 µs come out as exactly 3.
/// </summary>
/// <remarks><see cref="TimeSpan"/> has 100 ns ticks and cannot hold bit times; a <c>double</c> of seconds
/// cannot hold 300 µs exactly. The range is about 106 days.</remarks>
public readonly record struct Duration(long Picoseconds) : IComparable<Duration>
{
    /// <summary>Picoseconds in one nanosecond.</summary>
    public const long PicosecondsPerNanosecond = 1_000;
    /// <summary>Picoseconds in one microsecond.</summary>
    public const long PicosecondsPerMicrosecond = 1_000_000;
    /// <summary>Picoseconds in one millisecond.</summary>
    public const long PicosecondsPerMillisecond = 1_000_000_000;
    /// <summary>Picoseconds in one second.</summary>
    public const long PicosecondsPerSecond = 1_000_000_000_000;

    /// <summary>No time at all.</summary>
    public static Duration Zero => default;

    /// <summary>The duration in seconds.</summary>
    public double Seconds => Picoseconds / (double)PicosecondsPerSecond;

    /// <summary>The duration in milliseconds.</summary>
    public double Milliseconds => Picoseconds / (double)PicosecondsPerMillisecond;

    /// <summary>The duration in microseconds.</summary>
    public double Microseconds => Picoseconds / (double)PicosecondsPerMicrosecond;

    /// <summary>The duration in nanoseconds.</summary>
    public double Nanoseconds => Picoseconds / (double)PicosecondsPerNanosecond;

    /// <summary>Rounds <paramref name="seconds"/> to the nearest picosecond.</summary>
    public static Duration FromSeconds(double seconds) => FromScaled(seconds, PicosecondsPerSecond);

    /// <summary>Rounds <paramref name="milliseconds"/> to the nearest picosecond.</summary>
    public static Duration FromMilliseconds(double milliseconds) => FromScaled(milliseconds, PicosecondsPerMillisecond);

    /// <summary>Rounds <paramref name="microseconds"/> to the nearest picosecond.</summary>
    public static Duration FromMicroseconds(double microseconds) => FromScaled(microseconds, PicosecondsPerMicrosecond);

    /// <summary>Rounds <paramref name="nanoseconds"/> to the nearest picosecond.</summary>
    public static Duration FromNanoseconds(double nanoseconds) => FromScaled(nanoseconds, PicosecondsPerNanosecond);

    /// <summary>Adds two durations.</summary>
    public static Duration operator +(Duration a, Duration b) => new(checked(a.Picoseconds + b.Picoseconds));

    /// <summary>Subtracts two durations.</summary>
    public static Duration operator -(Duration a, Duration b) => new(checked(a.Picoseconds - b.Picoseconds));

    /// <summary>Multiplies a duration by a whole count.</summary>
    public static Duration operator *(long count, Duration d) => new(checked(count * d.Picoseconds));

    /// <summary>Compares two durations.</summary>
    public static bool operator <(Duration a, Duration b) => a.Picoseconds < b.Picoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator >(Duration a, Duration b) => a.Picoseconds > b.Picoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator <=(Duration a, Duration b) => a.Picoseconds <= b.Picoseconds;

    /// <summary>Compares two durations.</summary>
    public static bool operator >=(Duration a, Duration b) => a.Picoseconds >= b.Picoseconds;

    /// <inheritdoc />
    public int CompareTo(Duration other) => Picoseconds.CompareTo(other.Picoseconds);

    /// <summary>Formats with the largest unit that keeps the number at least 1, e.g. <c>125 µs</c>.</summary>
    public override string ToString() => Quantities.FormatDuration(this);

    private static Duration FromScaled(double value, long scale)
    {
        var ps = Math.Round(value * scale);
        if (double.IsNaN(ps) || ps < long.MinValue || ps > long.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(value), value, "duration out of range");
        return new Duration((long)ps);
    }
}
