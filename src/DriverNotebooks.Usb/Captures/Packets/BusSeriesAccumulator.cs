namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Bins a capture's packets and transactions over time in fixed memory: bins start 1 ms wide and, whenever the capture
/// outgrows <see cref="CaptureLimits.MaxTimeBins"/> of them, neighbours merge and the width doubles.
/// </summary>
internal sealed class BusSeriesAccumulator
{
    private const int Bins = CaptureLimits.MaxTimeBins;
    private long _widthNs = 1_000_000;
    private readonly long[] _packets = new long[Bins];
    private readonly long[] _wireBytes = new long[Bins];
    private readonly long[] _transactions = new long[Bins];
    private readonly long[] _naks = new long[Bins];
    private readonly long[] _delivered = new long[Bins];
    private int _used;

    public void AddPacket(long t, int wireBytes)
    {
        var i = Bin(t);
        _packets[i]++;
        _wireBytes[i] += wireBytes;
    }

    public void AddTransaction(long t, bool nak, int deliveredBytes)
    {
        var i = Bin(t);
        _transactions[i]++;
        if (nak) _naks[i]++;
        if (deliveredBytes > 0) _delivered[i] += deliveredBytes;
    }

    public IReadOnlyList<BusTimeBin> ToBins()
    {
        var width = _widthNs / 1e9;
        return Enumerable.Range(0, _used).Select(i => new BusTimeBin(i * width, width, _packets[i], _wireBytes[i], _transactions[i], _naks[i], _delivered[i])).ToArray();
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
        foreach (var series in new[] { _packets, _wireBytes, _transactions, _naks, _delivered })
        {
            for (var j = 0; j < Bins / 2; j++) series[j] = series[2 * j] + series[2 * j + 1];
            Array.Clear(series, Bins / 2, Bins / 2);
        }
        _widthNs *= 2;
        _used = (_used + 1) / 2;
    }
}
