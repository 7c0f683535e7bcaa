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
/// Bins an endpoint's completions and requests in flight over time, on the <see cref="DoublingTimeAxis"/> every capture series shares.
/// </summary>
internal sealed class TimeSeriesAccumulator
{
    private const int Bins = DoublingTimeAxis.Bins;
    private readonly long[] _bytes = new long[Bins];
    private readonly long[] _completions = new long[Bins];
    private readonly double[] _inFlightNs = new double[Bins];
    private readonly int[] _maxInFlight = new int[Bins];
    private readonly DoublingTimeAxis _axis;

    public TimeSeriesAccumulator() => _axis = new DoublingTimeAxis(Fold);

    public void AddCompletion(long t, long bytes)
    {
        var i = _axis.Bin(t);
        _bytes[i] += bytes;
        _completions[i]++;
    }

    /// <summary>Records <paramref name="level"/> requests in flight from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public void AddLevel(long from, long to, int level)
    {
        if (to < from) to = from;
        var last = _axis.Bin(to);
        var width = _axis.WidthNs;
        var first = (int)(from / width);
        for (var i = first; i <= last; i++)
        {
            var start = Math.Max(from, i * width);
            var end = Math.Min(to, (i + 1) * width);
            if (end > start) _inFlightNs[i] += (double)(end - start) * level;
            if (level > _maxInFlight[i] && (end > start || from == to)) _maxInFlight[i] = level;
        }
    }

    public IReadOnlyList<TimeBin> ToBins(long endNs)
    {
        var widthNs = _axis.WidthNs;
        var count = Math.Max(_axis.Used, endNs > 0 ? (int)Math.Min(Bins, (endNs - 1) / widthNs + 1) : 0);
        var width = widthNs / 1e9;
        var bins = new TimeBin[count];
        for (var i = 0; i < count; i++)
        {
            bins[i] = new TimeBin(i * width, width, _bytes[i], _completions[i], _inFlightNs[i] / widthNs, _maxInFlight[i]);
        }
        return bins;
    }

    private void Fold()
    {
        DoublingTimeAxis.FoldSum(_bytes);
        DoublingTimeAxis.FoldSum(_completions);
        DoublingTimeAxis.FoldSum(_inFlightNs);
        DoublingTimeAxis.FoldMax(_maxInFlight);
    }
}
