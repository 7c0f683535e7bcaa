namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Bins a capture's packets and transactions over time, on the <see cref="DoublingTimeAxis"/> every capture series shares.
/// </summary>
internal sealed class BusSeriesAccumulator
{
    private const int Bins = DoublingTimeAxis.Bins;
    private readonly long[] _packets = new long[Bins];
    private readonly long[] _wireBytes = new long[Bins];
    private readonly long[] _transactions = new long[Bins];
    private readonly long[] _naks = new long[Bins];
    private readonly long[] _delivered = new long[Bins];
    private readonly DoublingTimeAxis _axis;

    public BusSeriesAccumulator() => _axis = new DoublingTimeAxis(Fold);

    public void AddPacket(long t, int wireBytes)
    {
        var i = _axis.Bin(t);
        _packets[i]++;
        _wireBytes[i] += wireBytes;
    }

    public void AddTransaction(long t, bool nak, int deliveredBytes)
    {
        var i = _axis.Bin(t);
        _transactions[i]++;
        if (nak) _naks[i]++;
        if (deliveredBytes > 0) _delivered[i] += deliveredBytes;
    }

    public IReadOnlyList<BusTimeBin> ToBins()
    {
        var width = _axis.WidthNs / 1e9;
        return Enumerable.Range(0, _axis.Used).Select(i => new BusTimeBin(i * width, width, _packets[i], _wireBytes[i], _transactions[i], _naks[i], _delivered[i])).ToArray();
    }

    private void Fold()
    {
        foreach (var series in new[] { _packets, _wireBytes, _transactions, _naks, _delivered }) DoublingTimeAxis.FoldSum(series);
    }
}
