namespace DriverNotebooks.Usb;

/// <summary>A run divided into equal buckets of service intervals, for charts, plus the latency histogram.</summary>
/// <param name="IntervalsPerBucket">Service intervals per bucket (the last bucket may be shorter).</param>
/// <param name="BucketSeconds">Bus time per full bucket.</param>
/// <param name="Buckets">The buckets, in time order.</param>
/// <param name="LatencyHistogram">Request latency in equal-width bins from 0 to the largest latency.</param>
public sealed record SimulationTimeline(long IntervalsPerBucket, double BucketSeconds, IReadOnlyList<TimelineBucket> Buckets, IReadOnlyList<LatencyBin> LatencyHistogram);

/// <summary>One timeline bucket. Counts are service intervals unless named otherwise.</summary>
/// <param name="StartSeconds">Bus time at the bucket's start.</param>
/// <param name="Intervals">Service intervals in the bucket.</param>
/// <param name="AverageQueuedRequests">Requests queued at the host (submitted, not yet completed), averaged over the bucket's intervals.</param>
/// <param name="BusyIntervals">Intervals that moved data.</param>
/// <param name="IdleIntervals">Intervals with no request queued.</param>
/// <param name="LostOpportunities">Idle intervals in which the device had a packet ready.</param>
/// <param name="StarvedIntervals">Intervals with a request queued but no full packet at the device (NAK).</param>
/// <param name="DeliveredBytes">Bytes moved to the host.</param>
/// <param name="DroppedBytes">Bytes the device dropped because its FIFO was full.</param>
/// <param name="FifoFillBytes">Device FIFO fill at the bucket's end.</param>
public sealed record TimelineBucket(
    double StartSeconds,
    long Intervals,
    double AverageQueuedRequests,
    long BusyIntervals,
    long IdleIntervals,
    long LostOpportunities,
    long StarvedIntervals,
    long DeliveredBytes,
    long DroppedBytes,
    long FifoFillBytes);

/// <summary>One latency histogram bin.</summary>
/// <param name="FromSeconds">Lower edge.</param>
/// <param name="ToSeconds">Upper edge.</param>
/// <param name="Count">Requests whose latency fell in the bin.</param>
public sealed record LatencyBin(double FromSeconds, double ToSeconds, long Count);
