namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// One bin of an endpoint's activity over time.
/// </summary>
/// <param name="StartSeconds">Start of the bin, seconds from the capture's first record.</param>
/// <param name="WidthSeconds">Bin width (the same for every bin of a series).</param>
/// <param name="Bytes">Bytes of the transfers that completed in the bin.</param>
/// <param name="Completions">Transfers that completed in the bin.</param>
/// <param name="MeanInFlight">Requests in flight, averaged over the bin's time.</param>
/// <param name="MaxInFlight">Most requests in flight at any moment of the bin.</param>
public sealed record TimeBin(double StartSeconds, double WidthSeconds, long Bytes, long Completions, double MeanInFlight, int MaxInFlight)
{
    /// <summary>Bytes per second over the bin.</summary>
    public double BytesPerSecond => WidthSeconds > 0 ? Bytes / WidthSeconds : 0;
}

/// <summary>
/// Bins activity over time in fixed memory: bins start 1 ms wide and, whenever the capture outgrows
/// <see cref="CaptureLimits.MaxTimeBins"/> of them, neighbours merge and the width doubles.
/// </summary>
internal sealed class TimeSeriesAccumulator
{
    private const int Bins = CaptureLimits.MaxTimeBins;
    private long _widthNs = 1_000_000;
    private readonly long[] _bytes = new long[Bins];
    private readonly long[] _completions = new long[Bins];
    private readonly double[] _inFlightNs = new double[Bins];
    private readonly int[] _maxInFlight = new int[Bins];
    private int _used;

    public void AddCompletion(long t, long bytes)
    {
        var i = Bin(t);
        _bytes[i] += bytes;
        _completions[i]++;
    }

    /// <summary>Records <paramref name="level"/> requests in flight from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void AddLevel(long from, long to, int level)
    {
        if (to < from) to = from;
        var last = Bin(to);
        var first = (int)(from / _widthNs);
        for (var i = first; i <= last; i++)
        {
            var start = Math.Max(from, i * _widthNs);
            var end = Math.Min(to, (i + 1) * _widthNs);
            if (end > start) _inFlightNs[i] += (double)(end - start) * level;
            if (level > _maxInFlight[i] && (end > start || from == to)) _maxInFlight[i] = level;
        }
    }

    public IReadOnlyList<TimeBin> ToBins(long endNs)
    {
        var count = Math.Max(_used, endNs > 0 ? (int)Math.Min(Bins, (endNs - 1) / _widthNs + 1) : 0);
        var width = _widthNs / 1e9;
        var bins = new TimeBin[count];
        for (var i = 0; i < count; i++)
        {
            bins[i] = new TimeBin(i * width, width, _bytes[i], _completions[i], _inFlightNs[i] / _widthNs, _maxInFlight[i]);
        }
        return bins;
    }

    private int Bin(long t)
    {
        if (t < 0) t = 0;
        var i = t / _widthNs;
        while (i >= Bins)
        {
            Merge();
            i = t / _widthNs;
        }
        if (i + 1 > _used) _used = (int)i + 1;
        return (int)i;
    }

    private void Merge()
    {
        for (var j = 0; j < Bins / 2; j++)
        {
            _bytes[j] = _bytes[2 * j] + _bytes[2 * j + 1];
            _completions[j] = _completions[2 * j] + _completions[2 * j + 1];
            _inFlightNs[j] = _inFlightNs[2 * j] + _inFlightNs[2 * j + 1];
            _maxInFlight[j] = Math.Max(_maxInFlight[2 * j], _maxInFlight[2 * j + 1]);
        }
        Array.Clear(_bytes, Bins / 2, Bins / 2);
        Array.Clear(_completions, Bins / 2, Bins / 2);
        Array.Clear(_inFlightNs, Bins / 2, Bins / 2);
        Array.Clear(_maxInFlight, Bins / 2, Bins / 2);
        _widthNs *= 2;
        _used = (_used + 1) / 2;
    }
}
