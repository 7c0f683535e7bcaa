namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The time axis every series over a capture shares, in fixed memory: bins start 1 ms wide and, whenever the capture
/// outgrows <see cref="CaptureLimits.MaxTimeBins"/> of them, neighbouring bins merge and the width doubles. The series
/// themselves are the caller's arrays of <see cref="Bins"/> values; <see cref="Bin"/> asks the caller to fold them.
/// </summary>
internal sealed class DoublingTimeAxis(Action foldSeries)
{
    public const int Bins = CaptureLimits.MaxTimeBins;

    /// <summary>The width of every bin now.</summary>
    public long WidthNs { get; private set; } = 1_000_000;

    /// <summary>Bins up to the last one anything fell in.</summary>
    public int Used { get; private set; }

    /// <summary>The bin of <paramref name="t"/> (ns from the capture's start, negative counts as 0), after merging as often as it takes.</summary>
    public int Bin(long t)
    {
        if (t < 0) t = 0;
        var i = t / WidthNs;
        while (i >= Bins)
        {
            foldSeries();
            WidthNs *= 2;
            Used = (Used + 1) / 2;
            i = t / WidthNs;
        }
        if (i + 1 > Used) Used = (int)i + 1;
        return (int)i;
    }

    /// <summary>Bins 2j and 2j+1 summed into bin j, the upper half cleared.</summary>
    public static void FoldSum(long[] series)
    {
        for (var j = 0; j < Bins / 2; j++) series[j] = series[2 * j] + series[2 * j + 1];
        Array.Clear(series, Bins / 2, Bins / 2);
    }

    /// <inheritdoc cref="FoldSum(long[])"/>
    public static void FoldSum(double[] series)
    {
        for (var j = 0; j < Bins / 2; j++) series[j] = series[2 * j] + series[2 * j + 1];
        Array.Clear(series, Bins / 2, Bins / 2);
    }

    /// <summary>The larger of bins 2j and 2j+1 into bin j, the upper half cleared.</summary>
    public static void FoldMax(int[] series)
    {
        for (var j = 0; j < Bins / 2; j++) series[j] = Math.Max(series[2 * j], series[2 * j + 1]);
        Array.Clear(series, Bins / 2, Bins / 2);
    }
}
