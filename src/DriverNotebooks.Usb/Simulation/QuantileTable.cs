namespace DriverNotebooks.Usb;

/// <summary>
/// A distribution sampled through its inverse CDF: 4097 knots of the quantile function at u = i/4096, linearly
/// interpolated. One 64-bit random word gives a sample: the top 12 bits pick the segment, the low 52 the position in it.
/// </summary>
/// <remarks>
/// Interior knots are exact quantiles, so the table's median is exact and its 99th percentile is within the interpolation
/// error of one 1/4096-wide segment (well under 0.1 % for the distributions here). The two end knots sit at
/// u = 1/8192 and 1 − 1/8192 instead of 0 and 1, which truncates the extreme 0.012 % of each tail: a lognormal with
/// σ = 0.87 is cut at about 24 × its median, an exponential at 9 × its mean.
/// </remarks>
public sealed class QuantileTable
{
    /// <summary>Bits of the random word that choose the segment.</summary>
    public const int SegmentBits = 12;

    /// <summary>Number of segments: 4096.</summary>
    public const int Segments = 1 << SegmentBits;

    private const ulong FractionMask = (1UL << (64 - SegmentBits)) - 1;
    private const double FractionScale = 1.0 / (1UL << (64 - SegmentBits));

    private readonly double[] _knots;

    /// <summary>Tabulates <paramref name="quantile"/> (a non-decreasing function of u in (0, 1)).</summary>
    public QuantileTable(Func<double, double> quantile)
    {
        ArgumentNullException.ThrowIfNull(quantile);
        _knots = new double[Segments + 1];
        for (var i = 0; i <= Segments; i++) _knots[i] = quantile(KnotPosition(i));
        for (var i = 1; i <= Segments; i++)
            if (!(_knots[i] >= _knots[i - 1])) throw new ArgumentException("the quantile function must be non-decreasing and finite", nameof(quantile));
    }

    private QuantileTable(double[] knots) => _knots = knots;

    /// <summary>A table whose every knot is <paramref name="value"/>: a fixed value drawn through the same code path.</summary>
    public static QuantileTable Constant(double value)
    {
        var knots = new double[Segments + 1];
        Array.Fill(knots, value);
        return new QuantileTable(knots);
    }

    /// <summary>The u at which knot <paramref name="index"/> is evaluated: i/4096, with the ends moved in to 1/8192 and 1 − 1/8192.</summary>
    public static double KnotPosition(int index) => index switch
    {
        0 => 0.5 / Segments,
        Segments => 1 - 0.5 / Segments,
        _ => (double)index / Segments,
    };

    /// <summary>The knot values (a method, not a property, so result records serialize without it).</summary>
    public ReadOnlySpan<double> GetKnots() => _knots;

    /// <summary>The tabulated quantile at <paramref name="u"/> in [0, 1).</summary>
    public double Quantile(double u)
    {
        if (!(u >= 0 && u < 1)) throw new ArgumentOutOfRangeException(nameof(u), u, "must be in [0, 1)");
        var pos = u * Segments;
        var i = (int)pos;
        var f = pos - i;
        return _knots[i] + f * (_knots[i + 1] - _knots[i]);
    }

    /// <summary>One sample from 64 random bits (top 12 bits: segment; low 52: position).</summary>
    public double Sample(ulong bits) => Sample(_knots, bits);

    /// <summary>The sampling rule on any knot array of length 4097 (the simulator's scaled copy).</summary>
    internal static double Sample(double[] knots, ulong bits)
    {
        var i = (int)(bits >> (64 - SegmentBits));
        var f = (bits & FractionMask) * FractionScale;
        var v = knots[i];
        return v + f * (knots[i + 1] - v);
    }

    /// <summary>Mean of the tabulated distribution (each segment is uniform between its knots).</summary>
    public double Mean
    {
        get
        {
            var sum = 0.0;
            for (var i = 0; i < Segments; i++) sum += _knots[i] + _knots[i + 1];
            return sum / (2.0 * Segments);
        }
    }

    /// <summary>E[ceil(X / <paramref name="unit"/>)] for the tabulated X, computed exactly segment by segment.</summary>
    public double ExpectedCeiling(double unit) => ExpectedCeiling(_knots, 1.0 / unit);

    /// <summary>E[ceil(scale · X)] over a knot array.</summary>
    internal static double ExpectedCeiling(double[] knots, double scale)
    {
        var sum = 0.0;
        for (var i = 0; i < Segments; i++)
        {
            var a = knots[i] * scale;
            var b = knots[i + 1] * scale;
            sum += a == b ? Math.Ceiling(a) : (IntegralOfCeiling(b) - IntegralOfCeiling(a)) / (b - a);
        }
        return sum / Segments;
    }

    /// <summary>∫₀^y ceil(t) dt for y ≥ 0.</summary>
    private static double IntegralOfCeiling(double y)
    {
        var n = Math.Floor(y);
        return n * (n + 1) / 2 + (n + 1) * (y - n);
    }
}
