namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Pairs one endpoint's submits and completions by request id and measures as it goes, in memory bounded by
/// the requests in flight (never by the number of records).
/// </summary>
internal sealed class EndpointAccumulator(int bus, int device, byte endpoint)
{
    private const int MaxWaitingTurnarounds = 4096;

    /// <summary>A submitted request waiting for its completion.</summary>
    internal readonly record struct PendingRequest(long SubmitNs, long Length, SetupPacket? Setup);

    private readonly Dictionary<ulong, PendingRequest> _pending = [];
    private readonly ResubmitPairing _resubmits = new(MaxWaitingTurnarounds);
    private readonly DurationAccumulator _latency = new();
    private readonly DurationAccumulator _turnaround = new();
    private readonly DurationAccumulator _interval = new();
    private readonly TimeSeriesAccumulator _series = new();
    private readonly long[] _timeAtLevel = new long[CaptureLimits.MaxTrackedInFlight + 1];
    private readonly SortedDictionary<string, long> _errors = new(StringComparer.Ordinal);
    private readonly Dictionary<long, long> _requestedLengths = [];
    private byte? _transferType;
    private long _transfers, _bytes, _short, _submitErrors, _unmatched;
    private long _firstSubmit = -1, _lastCompletion = -1, _firstCompletion = -1, _previousCompletion = -1;
    private long _bytesAfterFirstCompletion, _busyAfterFirstCompletion;
    private int _level, _maxLevel;
    private long _levelSince = -1;
    private long _idleSince = -1;
    private long _idleCount, _idleTotal, _idleLongest;

    public void Submit(in UsbRecord record, long t)
    {
        _transferType ??= record.TransferTypeCode;
        if (record.Event == UrbEvent.SubmitError)
        {
            _submitErrors++;
            Count(_errors, record.StatusName);
            return;
        }
        if (_resubmits.Resubmitted(record.RequestId, out var completedAt)) _turnaround.Add(t - completedAt);
        if (_idleSince >= 0 && _level == 0)
        {
            var gap = Math.Max(0, t - _idleSince);
            _idleCount++;
            _idleTotal += gap;
            _idleLongest = Math.Max(_idleLongest, gap);
            _idleSince = -1;
        }
        var length = record.Flavor == CaptureFlavor.Usbmon || !record.IsIn ? record.Length : 0;
        if (record.Flavor == CaptureFlavor.Usbmon && (_requestedLengths.Count < 64 || _requestedLengths.ContainsKey(record.Length)))
        {
            Count(_requestedLengths, record.Length);
        }
        if (_pending.TryAdd(record.RequestId, new PendingRequest(t, length, record.Setup)))
        {
            if (_firstSubmit < 0) _firstSubmit = t;
            SetLevel(t, _level + 1);
        }
        else
        {
            _pending[record.RequestId] = new PendingRequest(t, length, record.Setup);
        }
    }

    /// <summary>Pairs a completion with its submit; returns the submit when there was one.</summary>
    public PendingRequest? Complete(in UsbRecord record, long t)
    {
        _transferType ??= record.TransferTypeCode;
        _resubmits.Completed(record.RequestId, t);
        if (!_pending.Remove(record.RequestId, out var submit))
        {
            _unmatched++;
            return null;
        }
        SetLevel(t, _level - 1);
        if (_level == 0) _idleSince = t;
        var bytes = record.Flavor == CaptureFlavor.UsbPcap && !record.IsIn ? (record.TransferTypeCode == 2 ? 0 : submit.Length) : record.Length;
        _transfers++;
        _bytes += bytes;
        _latency.Add(t - submit.SubmitNs);
        if (_previousCompletion >= 0) _interval.Add(t - _previousCompletion);
        _previousCompletion = t;
        if (_firstCompletion < 0) _firstCompletion = t;
        else _bytesAfterFirstCompletion += bytes;
        _lastCompletion = t;
        _series.AddCompletion(t, bytes);
        if (record.IsError) Count(_errors, record.StatusName);
        else if (record.Flavor == CaptureFlavor.Usbmon && record.IsIn && record.TransferTypeCode != 2 && record.Length < submit.Length) _short++;
        return submit;
    }

    public EndpointMeasurement Finish()
    {
        var end = _lastCompletion >= 0 ? _lastCompletion : _levelSince;
        if (_levelSince >= 0 && end > _levelSince) Advance(end);
        var span = _firstSubmit >= 0 && _lastCompletion > _firstSubmit ? _lastCompletion - _firstSubmit : 0;
        long busy = 0, weighted = 0, total = 0;
        for (var level = 0; level < _timeAtLevel.Length; level++)
        {
            total += _timeAtLevel[level];
            if (level > 0) busy += _timeAtLevel[level];
            weighted += _timeAtLevel[level] * level;
        }
        var median = 0;
        if (total > 0)
        {
            long seen = 0;
            for (; median < _timeAtLevel.Length; median++)
            {
                seen += _timeAtLevel[median];
                if (seen * 2 >= total) break;
            }
        }
        var typical = _requestedLengths.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(8)
            .Select(kv => new LengthCount(kv.Key, kv.Value)).ToArray();
        return new EndpointMeasurement(
            bus, device, endpoint,
            _transferType is { } code ? UsbRecord.TransferTypeOf(code) : null,
            _transfers, _bytes, _short, _submitErrors, _unmatched, _pending.Count,
            _firstSubmit >= 0 ? _firstSubmit / 1e9 : 0,
            _lastCompletion >= 0 ? _lastCompletion / 1e9 : 0,
            span > 0 ? _bytes / (span / 1e9) : 0,
            _lastCompletion > _firstCompletion ? _bytesAfterFirstCompletion / ((_lastCompletion - _firstCompletion) / 1e9) : 0,
            _busyAfterFirstCompletion > 0 ? _bytesAfterFirstCompletion / (_busyAfterFirstCompletion / 1e9) : 0,
            span > 0 ? Math.Min(1, busy / (double)span) : 0,
            new InFlightSummary(_maxLevel, median, total > 0 ? weighted / (double)total : 0),
            _latency.Summary(), _turnaround.Summary(), _interval.Summary(),
            new IdleGapSummary(_idleCount, _idleTotal / 1e9, _idleLongest / 1e9),
            _errors.Select(kv => new StatusCount(kv.Key, kv.Value)).ToArray(),
            typical,
            _series.ToBins(end > 0 ? end : 0));
    }

    private void SetLevel(long t, int level)
    {
        if (_levelSince >= 0) Advance(t);
        _levelSince = Math.Max(t, _levelSince);
        _level = Math.Max(0, level);
        if (_level > _maxLevel) _maxLevel = _level;
        _series.AddLevel(_levelSince, _levelSince, _level);
    }

    private void Advance(long t)
    {
        var dt = t - _levelSince;
        if (dt <= 0) return;
        _timeAtLevel[Math.Min(_level, CaptureLimits.MaxTrackedInFlight)] += dt;
        if (_firstCompletion >= 0 && _level > 0) _busyAfterFirstCompletion += Math.Min(dt, t - _firstCompletion);
        _series.AddLevel(_levelSince, t, _level);
        _levelSince = t;
    }

    private static void Count<TKey>(IDictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.TryGetValue(key, out var n) ? n + 1 : 1;
}
