namespace DriverNotebooks.Usb;

/// <summary>
/// The request-pipeline model: N requests of L bytes in flight, each turned around in T after it completes
/// (a discrete Little's law; domain file §4.2).
/// </summary>
/// <remarks>
/// <para>Periodic: P = service interval, Bpi = bytes per interval, k = ceil(L/Bpi), s = ceil(T/P);
/// X_pipe = N·L / ((k+s)·P). A completion is seen at the end of the interval that moved the last byte; a request resubmitted
/// T later is first usable at the next interval boundary, so s whole intervals are lost per request.</para>
/// <para>The host moves data for one request per service interval. Sources: for xHCI the Linux driver's comment above
/// <c>xhci_queue_intr_tx()</c> (drivers/usb/host/xhci-ring.c), "When the interrupt endpoint is to be serviced, the xHC will
/// consume (at most) one TD. A TD … can take several service intervals to transmit" [S27b]; for EHCI the queue head's Mult
/// field bounds the transactions per micro-frame and the queue advances to the next qTD only when one retires [S27a] (that the
/// next qTD cannot use the rest of the same micro-frame is our reading, not a quoted rule); the measurements M7/M8 agree (small
/// buffers stay far below the interval's capacity). So a request also caps the rate at L/(k·P), which is below Bpi/P whenever
/// L is not a multiple of Bpi — a term the domain file's min(X_bus, X_pipe) omits. Pinned by
/// <c>A_request_shorter_than_one_high_bandwidth_interval_caps_the_rate_at_one_request_per_interval</c>.</para>
/// <para>Short packets: a transfer ends at its last byte or at the first packet shorter than the max packet size (a
/// zero-length one included) [S27a], [S27c]; the request retires in the interval that carried that packet
/// (<see cref="IntervalsPerTransfer"/>). A device that sends less than asked therefore moves D &lt; L bytes per request and
/// one request per interval.</para>
/// <para>Bulk: X = min(B, N·L / (L/B + T)) with B the bus or effective host bulk rate.</para>
/// </remarks>
public static class PipelineModel
{
    /// <summary>k = ceil(L / Bpi): intervals needed to move one request.</summary>
    public static int IntervalsPerRequest(long transferLength, long bytesPerInterval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(transferLength, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(bytesPerInterval, 1);
        return checked((int)((transferLength + bytesPerInterval - 1) / bytesPerInterval));
    }

    /// <summary>
    /// The short-packet retirement rule: the service intervals one IN transfer occupies when it moves <paramref name="bytes"/> of the
    /// <paramref name="requested"/>. Its packets are the full ones plus, when the transfer ends before the buffer is full or on a
    /// partial packet, the short (or zero-length) packet that ends it; at most <paramref name="packetsPerInterval"/> per interval,
    /// and the request retires in the interval that carried its last packet. Equals ceil(L / Bpi) when the device fills the request.
    /// </summary>
    public static int IntervalsPerTransfer(long bytes, long requested, int maxPacket, int packetsPerInterval)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(bytes);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bytes, requested);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacket, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(packetsPerInterval, 1);
        var packets = bytes / maxPacket;
        if (bytes % maxPacket != 0 || bytes < requested) packets++;
        return checked((int)Math.Max(1, (packets + packetsPerInterval - 1) / packetsPerInterval));
    }

    /// <summary>
    /// Periodic form for a device that ends every transfer after <paramref name="deviceBytes"/> of <paramref name="transferLength"/>
    /// with a short packet: k = <see cref="IntervalsPerTransfer"/>, X_pipe = N·D / ((k+s)·P), at most D / (k·P).
    /// </summary>
    public static PipelineLimit PeriodicShortTransfers(int pendingReads, long transferLength, long deviceBytes, int maxPacket,
        long bytesPerInterval, Duration period, Duration turnaround)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pendingReads, 1);
        var k = IntervalsPerTransfer(deviceBytes, transferLength, maxPacket, checked((int)(bytesPerInterval / maxPacket)));
        var s = (double)LostIntervals(turnaround, period);
        var ps = (double)period.Picoseconds;
        var pipe = (double)pendingReads * deviceBytes * Duration.PicosecondsPerSecond / ((k + s) * ps);
        var cap = (double)deviceBytes * Duration.PicosecondsPerSecond / (k * ps);
        var limited = deviceBytes < (long)k * bytesPerInterval;
        return new PipelineLimit(limited ? Math.Min(pipe, cap) : pipe, PipelineForm.Periodic, k, s,
            (long)(pendingReads - 1) * k * period, Math.Max(1, (long)Math.Ceiling((k + s) / k - 1e-12)), null, limited);
    }

    /// <summary>s = ceil(T / P): whole service intervals lost while a request is turned around (exact in picoseconds).</summary>
    public static long LostIntervals(Duration turnaround, Duration period)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(turnaround.Picoseconds);
        ArgumentOutOfRangeException.ThrowIfLessThan(period.Picoseconds, 1);
        return (turnaround.Picoseconds + period.Picoseconds - 1) / period.Picoseconds;
    }

    /// <summary>Periodic form with a fixed turnaround.</summary>
    public static PipelineLimit Periodic(int pendingReads, long transferLength, long bytesPerInterval, Duration period, Duration turnaround) =>
        Periodic(pendingReads, transferLength, bytesPerInterval, period, (double)LostIntervals(turnaround, period));

    /// <summary>
    /// Periodic form, the pipeline term of X = min(Bpi/P, ·): N·L / ((k+s)·P), capped at L/(k·P) when L is not a multiple of Bpi.
    /// With a given (possibly mean) number of lost intervals per request. With the mean E[ceil(T/P)] of a
    /// random turnaround this is an upper bound (each cycle lasts at least k + s intervals), exact when T is fixed.
    /// </summary>
    public static PipelineLimit Periodic(int pendingReads, long transferLength, long bytesPerInterval, Duration period, double lostIntervals)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pendingReads, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lostIntervals);
        var k = IntervalsPerRequest(transferLength, bytesPerInterval);
        var n = (double)pendingReads;
        var ps = (double)period.Picoseconds;
        var pipe = n * transferLength * Duration.PicosecondsPerSecond / ((k + lostIntervals) * ps);
        var perRequestCap = (double)transferLength * Duration.PicosecondsPerSecond / (k * ps);
        var requestSizeLimited = transferLength % bytesPerInterval != 0;

        // Full rate needs s ≤ (N−1)·k: the other N−1 requests' k intervals each cover one request's turnaround.
        var budget = (long)(pendingReads - 1) * k * period;
        var pendingForCeiling = (long)Math.Ceiling((k + lostIntervals) / k - 1e-12);
        long? lengthForCeiling = null;
        if (lostIntervals == 0) lengthForCeiling = bytesPerInterval;
        else if (pendingReads > 1)
            lengthForCeiling = (long)Math.Ceiling(lostIntervals / (pendingReads - 1) - 1e-12) * bytesPerInterval;
        // When L is a multiple of Bpi the per-request cap equals the bus limit and is left to min(bus, pipeline).
        var limit = requestSizeLimited ? Math.Min(pipe, perRequestCap) : pipe;
        return new PipelineLimit(limit, PipelineForm.Periodic, k, lostIntervals,
            budget, Math.Max(1, pendingForCeiling), lengthForCeiling, requestSizeLimited);
    }

    /// <summary>Bulk form: the pipeline term N·L / (L/B + T) of X = min(B, N·L / (L/B + T)).</summary>
    /// <remarks><c>alignBytes</c>: the transfer length for the ceiling is rounded up to a multiple of it (the max packet size).</remarks>
    public static PipelineLimit Bulk(int pendingReads, long transferLength, double busBytesPerSecond, Duration turnaround, int alignBytes = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pendingReads, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(transferLength, 1);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(busBytesPerSecond);
        ArgumentOutOfRangeException.ThrowIfLessThan(alignBytes, 1);
        var t = turnaround.Seconds;
        var service = transferLength / busBytesPerSecond;
        var pipe = pendingReads * (double)transferLength / (service + t);
        var budget = Duration.FromSeconds((pendingReads - 1) * service);
        var pendingForCeiling = (long)Math.Ceiling(1 + t * busBytesPerSecond / transferLength - 1e-12);
        long? lengthForCeiling = null;
        if (t == 0) lengthForCeiling = alignBytes;
        else if (pendingReads > 1)
        {
            var raw = busBytesPerSecond * t / (pendingReads - 1);
            lengthForCeiling = (long)Math.Ceiling(raw / alignBytes - 1e-9) * alignBytes;
        }
        return new PipelineLimit(pipe, PipelineForm.Bulk, null, null, budget,
            Math.Max(1, pendingForCeiling), lengthForCeiling, false);
    }
}
