namespace DriverNotebooks.Usb;

/// <summary>Static switch between recording a timeline and not, resolved when the simulator loop is compiled.</summary>
internal interface ITimelineSink
{
    /// <summary>Whether the loops flush per-bucket counters and add queued spans (a timeline is recorded).</summary>
    static abstract bool Enabled { get; }

    /// <summary>Whether each completion is told to <see cref="Completed"/> (the traffic export).</summary>
    static abstract bool Exports { get; }

    /// <summary>The request submitted at <paramref name="submitted"/> completed at the end of interval <paramref name="completed"/>
    /// and is resubmitted at <paramref name="resubmit"/> (service intervals from the start).</summary>
    void Completed(double submitted, long completed, double resubmit);

    void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed);

    void AddQueued(long from, long to);
}

/// <summary>No timeline: every call compiles away.</summary>
internal readonly struct NoTimeline : ITimelineSink
{
    public static bool Enabled => false;

    public static bool Exports => false;

    public void Completed(double submitted, long completed, double resubmit) { }

    public void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed) { }

    public void AddQueued(long from, long to) { }
}

/// <summary>Forwards to a <see cref="TimelineRecorder"/>.</summary>
internal readonly struct RecordingTimeline(TimelineRecorder recorder) : ITimelineSink
{
    public static bool Enabled => true;

    public static bool Exports => false;

    public void Completed(double submitted, long completed, double resubmit) { }

    public void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed) =>
        recorder.Flush(interval, busy, idle, lost, starved, deliveredPackets, droppedFixed, fillFixed);

    public void AddQueued(long from, long to) => recorder.AddQueued(from, to);
}

/// <summary>Collects per-bucket counters from cumulative totals at bucket boundaries.</summary>
internal sealed class TimelineRecorder
{
    private readonly long[] _busy, _idle, _lost, _starved, _delivered, _dropped, _fill;
    private readonly double[] _queued;
    private long _pBusy, _pIdle, _pLost, _pStarved, _pDelivered, _pDropped;

    public TimelineRecorder(long totalIntervals, int buckets)
    {
        TotalIntervals = totalIntervals;
        IntervalsPerBucket = Math.Max(1, (totalIntervals + buckets - 1) / buckets);
        var count = (int)((totalIntervals + IntervalsPerBucket - 1) / IntervalsPerBucket);
        _busy = new long[count]; _idle = new long[count]; _lost = new long[count]; _starved = new long[count];
        _delivered = new long[count]; _dropped = new long[count]; _fill = new long[count];
        _queued = new double[count];
    }

    public long TotalIntervals { get; }

    public long IntervalsPerBucket { get; }

    public int BucketCount => _busy.Length;

    public void Flush(long interval, long busy, long idle, long lost, long starved, long deliveredPackets, long droppedFixed, long fillFixed)
    {
        var b = (int)((interval - 1) / IntervalsPerBucket);
        _busy[b] = busy - _pBusy; _pBusy = busy;
        _idle[b] = idle - _pIdle; _pIdle = idle;
        _lost[b] = lost - _pLost; _pLost = lost;
        _starved[b] = starved - _pStarved; _pStarved = starved;
        _delivered[b] = deliveredPackets - _pDelivered; _pDelivered = deliveredPackets;
        _dropped[b] = droppedFixed - _pDropped; _pDropped = droppedFixed;
        _fill[b] = fillFixed;
    }

    /// <summary>Adds one request queued over intervals [from, to).</summary>
    public void AddQueued(long from, long to)
    {
        to = Math.Min(to, TotalIntervals);
        while (from < to)
        {
            var b = (int)(from / IntervalsPerBucket);
            var bucketEnd = Math.Min((b + 1) * IntervalsPerBucket, to);
            _queued[b] += bucketEnd - from;
            from = bucketEnd;
        }
    }

    public IReadOnlyList<TimelineBucket> Build(double periodSeconds, int maxPacket, int fixedBits)
    {
        var buckets = new TimelineBucket[BucketCount];
        for (var b = 0; b < buckets.Length; b++)
        {
            var start = b * IntervalsPerBucket;
            var n = Math.Min(IntervalsPerBucket, TotalIntervals - start);
            buckets[b] = new TimelineBucket(start * periodSeconds, n, _queued[b] / n, _busy[b], _idle[b], _lost[b], _starved[b],
                _delivered[b] * maxPacket, _dropped[b] >> fixedBits, _fill[b] >> fixedBits);
        }
        return buckets;
    }
}
