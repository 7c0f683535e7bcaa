using System.Runtime.CompilerServices;

namespace DriverNotebooks.Usb;

/// <summary>
/// Log-linear histogram of request latencies measured in service intervals (always ≥ 1: a request completes at the end
/// of an interval that starts at or after its submission). The bin index is read straight from the IEEE-754 bits of the
/// latency — exponent and top 7 mantissa bits — so each octave has 128 bins, each 1/128 of its value wide, and recording
/// costs a shift and a subtraction.
/// </summary>
internal sealed class LatencyHistogram
{
    private const int MantissaBits = 7;
    private const int DropBits = 52 - MantissaBits;
    private const long FirstBin = 1023L << MantissaBits;

    /// <summary>Octaves covered: latencies from 1 up to 2^42 intervals (runs are capped at 2^40).</summary>
    public const int BinCount = 42 << MantissaBits;

    public readonly long[] Counts = new long[BinCount];

    public void Clear() => Array.Clear(Counts);

    /// <summary>Bin of a latency ≥ 1, given as its IEEE-754 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Index(long latencyBits) => (int)((latencyBits >> DropBits) - FirstBin);

    /// <summary>Lower edge of a bin, in intervals.</summary>
    public static double LowerBound(int index) => BitConverter.Int64BitsToDouble((index + FirstBin) << DropBits);

    /// <summary>Middle of a bin, in intervals.</summary>
    public static double Middle(int index) => (LowerBound(index) + LowerBound(index + 1)) / 2;

    /// <summary>
    /// The quantiles <paramref name="q"/> (ascending) in intervals, in one pass: for each, the middle of the bin holding
    /// rank ceil(q·count), clamped to [min, max].
    /// </summary>
    public void Percentiles(ReadOnlySpan<double> q, Span<double> result, long count, double min, double max)
    {
        var next = 0;
        if (count == 0)
        {
            result.Clear();
            return;
        }
        long seen = 0;
        for (var i = 0; i < Counts.Length && next < q.Length; i++)
        {
            seen += Counts[i];
            while (next < q.Length && seen >= Math.Max(1, (long)Math.Ceiling(q[next] * count)))
                result[next++] = Math.Clamp(Middle(i), min, max);
        }
        while (next < q.Length) result[next++] = max;
    }
}
