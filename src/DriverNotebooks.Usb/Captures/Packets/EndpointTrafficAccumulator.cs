namespace DriverNotebooks.Usb.Captures;

/// <summary>Counts one endpoint's transactions into an <see cref="EndpointTraffic"/>, in fixed memory.</summary>
internal sealed class EndpointTrafficAccumulator(int bus, int device, byte endpointAddress)
{
    private readonly long[] _outcomes = new long[Enum.GetValues<TransactionOutcome>().Length];
    private TransferType? _splitType;
    private long _transactions, _setups, _pings, _startSplits, _completeSplits, _data, _badData, _bytes;
    private int _maxPayload;
    private long _first = long.MaxValue, _last, _firstDelivery = -1, _lastDelivery, _deliveries;
    private int _pendingSplitBytes = -1;

    /// <summary>Counts <paramref name="t"/>; returns the payload bytes it delivered (0 when none).</summary>
    public int Add(in UsbTransaction t, long startNs, long endNs)
    {
        _transactions++;
        _outcomes[(int)t.Outcome]++;
        if (startNs < _first) _first = startNs;
        if (endNs > _last) _last = endNs;
        if (t.Token == UsbPid.Setup) _setups++;
        if (t.Token == UsbPid.Ping) _pings++;
        if (t.Split is { } split)
        {
            _splitType = split.TransferType;
            if (split.Complete) _completeSplits++;
            else _startSplits++;
        }
        if (t.DataPid is not null)
        {
            if (t.DataIntact) _data++;
            else _badData++;
            if (t.DataIntact && t.DataBytes > _maxPayload) _maxPayload = t.DataBytes;
        }
        var delivered = Delivered(t);
        if (delivered >= 0)
        {
            _bytes += delivered;
            _deliveries++;
            if (_firstDelivery < 0) _firstDelivery = startNs;
            _lastDelivery = endNs;
        }
        return Math.Max(delivered, 0);
    }

    /// <summary>
    /// The payload bytes <paramref name="t"/> hands over for good (0 for an acknowledged zero-length packet), or -1 when it
    /// hands over none. A start split's OUT or SETUP data only reaches the hub: it counts when the complete split that
    /// follows is acknowledged.
    /// </summary>
    private int Delivered(in UsbTransaction t)
    {
        var intact = t.DataPid is not null && t.DataIntact;
        if (t.Split is { Complete: false } start && t.Token != UsbPid.In && start.EndpointType != 1)
        {
            _pendingSplitBytes = intact && t.Outcome == TransactionOutcome.Ack ? t.DataBytes : -1;
            return -1;
        }
        if (t.Split is { Complete: true } && t.Token != UsbPid.In)
        {
            var pending = _pendingSplitBytes;
            if (t.Outcome != TransactionOutcome.Nyet) _pendingSplitBytes = -1;
            return t.Outcome == TransactionOutcome.Ack ? pending : -1;
        }
        return intact && IsAccepted(t) ? t.DataBytes : -1;
    }

    private static bool IsAccepted(in UsbTransaction t) => t.Outcome is TransactionOutcome.Ack or TransactionOutcome.Nyet or TransactionOutcome.NoHandshake;

    public EndpointTraffic Finish(bool timingConfirmed)
    {
        double? throughput = timingConfirmed && _deliveries >= 2 && _lastDelivery > _firstDelivery
            ? _bytes / ((_lastDelivery - _firstDelivery) / 1e9)
            : null;
        return new EndpointTraffic(bus, device, endpointAddress, _splitType, _transactions,
            _outcomes[(int)TransactionOutcome.Ack], _outcomes[(int)TransactionOutcome.Nak], _outcomes[(int)TransactionOutcome.Stall],
            _outcomes[(int)TransactionOutcome.Nyet], _outcomes[(int)TransactionOutcome.Err], _outcomes[(int)TransactionOutcome.NoHandshake],
            _outcomes[(int)TransactionOutcome.NoResponse], _outcomes[(int)TransactionOutcome.Broken],
            _setups, _pings, _startSplits, _completeSplits, _data, _badData, _bytes, _maxPayload,
            _first == long.MaxValue ? 0 : _first / 1e9, _last / 1e9, throughput)
        {
            Type = (endpointAddress & 0x0F) == 0 ? TransferType.Control : _splitType,
        };
    }
}
