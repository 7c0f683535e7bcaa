using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DriverNotebooks.Usb;

/// <summary>
/// The discrete-event engine behind <see cref="ReaderSimulation"/>: service-interval resolution, event-driven stepping.
/// Reusable (buffers are kept between runs) but not thread-safe: use one instance per thread.
/// </summary>
/// <remarks>
/// <para>Model. Service opportunities occur at the start of every service interval. N requests start queued at time 0.
/// At an opportunity the head request (FIFO by submission) moves up to the interval's packets; the host serves one request
/// per interval. A request completes at the end of the interval that moved its last byte, draws a turnaround T and is
/// resubmitted at completion + T; it can be served from the first interval that starts at or after that instant, i.e.
/// from interval ceil(completion/P + T/P).</para>
/// <para>Stepping. With an always-ready device the engine jumps a whole request (k intervals) or a whole idle gap
/// (to the next resubmission) in O(1). With a device FIFO it steps interval by interval while a request is queued and
/// jumps idle gaps in closed form (fill = min(depth, fill + n·rate), drops = the excess, lost opportunities counted from
/// the first interval the FIFO holds a packet). Nothing is allocated while running.</para>
/// <para>State. The N submission times are kept sorted (<see cref="IInFlightRequests"/>): in one vector register for
/// N ≤ 4 or N ≤ 8 (a branch-free update per completion), in a ring otherwise; every form gives identical results.
/// Turnarounds are drawn 256 at a time from <see cref="SplitMix64"/> through the quantile table and consumed in order.</para>
/// </remarks>
public sealed partial class ReaderSimulator
{
    private const int FixedBits = SimulationPlan.FixedBits;
    private const int DrawBatch = 256;
    private readonly LatencyHistogram _histogram = new();
    private readonly double[] _draws = new double[DrawBatch];
    private readonly double[] _scaledTurnaround = new double[QuantileTable.Segments + 1];
    private long[] _ring = new long[16];
    private CancellationToken _cancellation;

    /// <summary>
    /// How many service intervals run between two looks at the cancellation token: about 25 ms at the
    /// benchmark's 164 M intervals/s, so a cancelled run stops promptly and the check costs nothing measurable.
    /// </summary>
    internal const long CancellationCheckIntervals = 1L << 22;

    /// <summary>Loop steps between two looks at the token when a timeline sets the segments (each step at least one interval).</summary>
    private const int TimelineCheckSteps = 1 << 20;

    /// <summary>Test hook: use the ring even where a vector register would do.</summary>
    internal bool ForceRing { get; set; }

    /// <summary>Runs one simulation.</summary>
    /// <exception cref="UsbInputException">Settings the model rejects.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled; the run stops within
    /// <see cref="CancellationCheckIntervals"/> service intervals.</exception>
    public SimulationResult Run(SimulationSettings settings, CancellationToken cancellationToken = default)
    {
        var plan = SimulationPlan.Create(settings, _scaledTurnaround);
        TimelineRecorder? recorder = settings.Timeline is { } t ? CreateRecorder(plan, t) : null;
        var totals = Execute(plan, settings.Seed, recorder, cancellationToken);
        return BuildResult(plan, totals, recorder);
    }

    /// <summary>
    /// Runs one simulation and tells the listener <paramref name="listen"/> makes from the plan of every completion,
    /// in order (the traffic export).
    /// </summary>
    internal SimulationResult Run(SimulationSettings settings, Func<SimulationPlan, IRequestListener> listen, CancellationToken cancellationToken = default)
    {
        var plan = SimulationPlan.Create(settings, _scaledTurnaround);
        TimelineRecorder? recorder = settings.Timeline is { } t ? CreateRecorder(plan, t) : null;
        var totals = Execute(plan, settings.Seed, recorder, cancellationToken, listen(plan));
        return BuildResult(plan, totals, recorder);
    }

    private static TimelineRecorder CreateRecorder(SimulationPlan plan, TimelineOptions options)
    {
        if (options.Buckets is < 1 or > 100_000)
            throw UsbInputException.NotAllowed(UsbInputField.Timeline, "timeline buckets", options.Buckets.ToString(), "", "1–100000");
        if (options.LatencyBins is < 1 or > 10_000)
            throw UsbInputException.NotAllowed(UsbInputField.Timeline, "latency bins", options.LatencyBins.ToString(), "", "1–10000");
        return new TimelineRecorder(plan.TotalIntervals, options.Buckets);
    }

    /// <summary>Runs a prepared plan with one seed; the histogram holds the latencies afterwards.</summary>
    /// <remarks><paramref name="listener"/>, when given, is told of every completion (the traffic export).</remarks>
    internal RunTotals Execute(SimulationPlan plan, ulong seed, TimelineRecorder? recorder, CancellationToken cancellationToken = default, IRequestListener? listener = null)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _cancellation = cancellationToken;
        _histogram.Clear();
        var n = plan.PendingReads;
        if (!ForceRing && n <= 4 && Vector256.IsHardwareAccelerated) return Execute(plan, seed, recorder, new VectorRequests4(n), listener);
        if (!ForceRing && n <= 8 && Vector512.IsHardwareAccelerated) return Execute(plan, seed, recorder, new VectorRequests8(n), listener);
        var capacity = (int)BitOperations.RoundUpToPowerOf2((uint)n);
        if (_ring.Length < capacity) _ring = new long[capacity];
        return Execute(plan, seed, recorder, new RingRequests(_ring, n), listener);
    }

    private RunTotals Execute<TRequests>(SimulationPlan plan, ulong seed, TimelineRecorder? recorder, TRequests requests, IRequestListener? listener)
        where TRequests : struct, IInFlightRequests
    {
        var rng = new SplitMix64(seed);
        if (listener is not null)
        {
            // The export: the same loops, told of each completion through the timeline type.
            if (recorder is null)
            {
                var whole = Math.Min(plan.TotalIntervals, CancellationCheckIntervals);
                return plan.HasDevice
                    ? RunWithFifo(plan, ref rng, requests, new ExportingTimeline(listener), whole)
                    : RunAlwaysReady(plan, ref rng, requests, new ExportingTimeline(listener), whole);
            }
            return plan.HasDevice
                ? RunWithFifo(plan, ref rng, requests, new RecordingExportingTimeline(recorder, listener), recorder.IntervalsPerBucket)
                : RunAlwaysReady(plan, ref rng, requests, new RecordingExportingTimeline(recorder, listener), recorder.IntervalsPerBucket);
        }
        if (recorder is null)
        {
            // Without a timeline the segments only serve the cancellation check.
            var segment = Math.Min(plan.TotalIntervals, CancellationCheckIntervals);
            return plan.HasDevice
                ? RunWithFifo(plan, ref rng, requests, new NoTimeline(), segment)
                : RunAlwaysReady(plan, ref rng, requests, new NoTimeline(), segment);
        }
        return plan.HasDevice
            ? RunWithFifo(plan, ref rng, requests, new RecordingTimeline(recorder), recorder.IntervalsPerBucket)
            : RunAlwaysReady(plan, ref rng, requests, new RecordingTimeline(recorder), recorder.IntervalsPerBucket);
    }

    /// <summary>The device always has data: every served interval moves min(packets per interval, remaining) packets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RunTotals RunAlwaysReady<TRequests, TTimeline>(SimulationPlan plan, ref SplitMix64 rngState, TRequests requests, TTimeline timeline, long bucket)
        where TRequests : struct, IInFlightRequests
        where TTimeline : struct, ITimelineSink
    {
        ref var draws = ref MemoryMarshal.GetArrayDataReference(_draws);
        ref var hist = ref MemoryMarshal.GetArrayDataReference(_histogram.Counts);
        var table = plan.ScaledTurnaround;
        var rng = rngState;
        var k = plan.IntervalsPerRequest;
        var end = plan.TotalIntervals;
        var segEnd = Math.Min(end, bucket);

        var headLeft = k;
        long j = 0, idle = 0;
        var done = Completions.None;
        var untilCheck = TimelineCheckSteps;

        while (true)
        {
            // With a timeline, segments are the timeline's buckets, which can be long: count steps instead.
            if (TTimeline.Enabled && --untilCheck == 0)
            {
                untilCheck = TimelineCheckSteps;
                _cancellation.ThrowIfCancellationRequested();
            }
            if (j >= segEnd)
            {
                if (TTimeline.Enabled)
                    timeline.Flush(j, j - idle, idle, idle, 0, done.Count * plan.PacketsPerRequest + Partial(plan, k - headLeft), 0, 0);
                if (j >= end) break;
                _cancellation.ThrowIfCancellationRequested();
                segEnd = Math.Min(end, segEnd + bucket);
            }

            var first = requests.First;
            if (first > BitConverter.DoubleToInt64Bits(j))
            {
                // Nothing submitted: no IN token until the next resubmission. Jump there.
                var next = (long)Math.Ceiling(BitConverter.Int64BitsToDouble(first));
                var stop = next < segEnd ? next : segEnd;
                idle += stop - j;
                j = stop;
                continue;
            }

            var room = segEnd - j;
            if (headLeft > room)
            {
                headLeft -= (int)room;
                j = segEnd;
                continue;
            }

            // The head request completes at the end of its last interval.
            j += headLeft;
            headLeft = k;
            requests.ReplaceFirst(Complete(ref done, ref hist, ref draws, table, ref rng, timeline, first, j));
        }

        rngState = rng;
        if (TTimeline.Enabled) AddOpenSpans(timeline, requests, plan.PendingReads, end);
        // Every interval that is not idle moved data: the device always has some.
        return new RunTotals(done.Count, end - idle, idle, idle, 0, done.Count * plan.PacketsPerRequest + Partial(plan, k - headLeft),
            0, 0, done.LatencySum, done.Count == 0 ? 0 : done.LatencyMin, done.LatencyMax);
    }

    /// <summary>A device producing into a FIFO: step per interval while requests are queued, jump idle gaps in closed form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private RunTotals RunWithFifo<TRequests, TTimeline>(SimulationPlan plan, ref SplitMix64 rngState, TRequests requests, TTimeline timeline, long bucket)
        where TRequests : struct, IInFlightRequests
        where TTimeline : struct, ITimelineSink
    {
        ref var draws = ref MemoryMarshal.GetArrayDataReference(_draws);
        ref var hist = ref MemoryMarshal.GetArrayDataReference(_histogram.Counts);
        var table = plan.ScaledTurnaround;
        var rng = rngState;
        var ppi = plan.PacketsPerInterval;
        var perRequest = plan.PacketsPerRequest;
        var packet = plan.PacketFixed;
        var q = plan.ProductionFixed;
        var depth = plan.DepthFixed;
        var end = plan.TotalIntervals;
        var segEnd = Math.Min(end, bucket);

        var headLeft = perRequest;
        long j = 0, busy = 0, idle = 0, lost = 0, starved = 0, delivered = 0, dropped = 0, fill = 0;
        var done = Completions.None;
        var untilCheck = TimelineCheckSteps;

        while (true)
        {
            if (TTimeline.Enabled && --untilCheck == 0)
            {
                untilCheck = TimelineCheckSteps;
                _cancellation.ThrowIfCancellationRequested();
            }
            if (j >= segEnd)
            {
                if (TTimeline.Enabled) timeline.Flush(j, busy, idle, lost, starved, delivered, dropped, fill);
                if (j >= end) break;
                _cancellation.ThrowIfCancellationRequested();
                segEnd = Math.Min(end, segEnd + bucket);
            }

            var first = requests.First;
            if (first > BitConverter.DoubleToInt64Bits(j))
            {
                var next = (long)Math.Ceiling(BitConverter.Int64BitsToDouble(first));
                var stop = next < segEnd ? next : segEnd;
                var gap = stop - j;
                idle += gap;
                if (fill >= packet) lost += gap;
                else
                {
                    var firstReady = (packet - fill + q - 1) / q;
                    if (gap > firstReady) lost += gap - firstReady;
                }
                var filled = (Int128)fill + (Int128)q * gap;
                if (filled > depth)
                {
                    dropped += (long)(filled - depth);
                    fill = depth;
                }
                else fill = (long)filled;
                j = stop;
                continue;
            }

            // One service interval: whole packets from the FIFO, then this interval's production (overflow dropped).
            int moved;
            if (ppi == 1)
            {
                moved = fill >= packet ? 1 : 0;
                fill -= packet & -(long)moved;
            }
            else
            {
                var limit = headLeft < ppi ? headLeft : ppi;
                moved = 0;
                while (moved < limit && fill >= packet)
                {
                    fill -= packet;
                    moved++;
                }
            }
            fill += q;
            var over = fill - depth;
            over &= ~(over >> 63);
            dropped += over;
            fill -= over;
            j++;
            if (moved == 0)
            {
                starved++;
                continue;
            }
            busy++;
            delivered += moved;
            headLeft -= moved;
            if (headLeft > 0) continue;

            headLeft = perRequest;
            requests.ReplaceFirst(Complete(ref done, ref hist, ref draws, table, ref rng, timeline, first, j));
        }

        rngState = rng;
        if (TTimeline.Enabled) AddOpenSpans(timeline, requests, plan.PendingReads, end);
        return new RunTotals(done.Count, busy, idle, lost, starved, delivered, dropped, fill, done.LatencySum, done.Count == 0 ? 0 : done.LatencyMin, done.LatencyMax);
    }

    /// <summary>What the completions of one run add up to, and where in the current batch of drawn turnarounds it is.</summary>
    private struct Completions
    {
        public long Count;
        public double LatencySum;
        public double LatencyMin;
        public double LatencyMax;
        public int Drawn;

        public static Completions None => new() { LatencyMin = double.PositiveInfinity, Drawn = DrawBatch };
    }

    /// <summary>
    /// The one place a request completes (both stepping modes): at the end of interval <paramref name="j"/> the head
    /// request, submitted at <paramref name="first"/>, records its latency and draws its turnaround; the result is its
    /// resubmission time (as ordered bits) for <see cref="IInFlightRequests.ReplaceFirst"/>, left to the caller so the
    /// request set stays a register-held local of the event loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private long Complete<TTimeline>(ref Completions done, ref long hist, ref double draws, double[] table, ref SplitMix64 rng,
        TTimeline timeline, long first, long j)
        where TTimeline : struct, ITimelineSink
    {
        done.Count++;
        var submitted = BitConverter.Int64BitsToDouble(first);
        double end = j;
        var latency = end - submitted;
        done.LatencySum += latency;
        done.LatencyMin = double.MinNative(done.LatencyMin, latency);
        done.LatencyMax = double.MaxNative(done.LatencyMax, latency);
        Unsafe.Add(ref hist, LatencyHistogram.Index(BitConverter.DoubleToInt64Bits(latency)))++;
        if (TTimeline.Enabled) timeline.AddQueued((long)Math.Ceiling(submitted), j);

        if (done.Drawn == DrawBatch)
        {
            FillDraws(table, ref rng);
            done.Drawn = 0;
        }
        var resubmit = end + Unsafe.Add(ref draws, done.Drawn++);
        if (TTimeline.Exports) timeline.Completed(submitted, j, resubmit);
        return BitConverter.DoubleToInt64Bits(resubmit);
    }

    /// <summary>
    /// The next <see cref="DrawBatch"/> turnarounds, in service intervals, from the scaled quantile table (see
    /// <see cref="QuantileTable"/>): drawn in a tight loop of independent iterations, consumed in order by the event loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillDraws(double[] table, ref SplitMix64 rng)
    {
        const int fractionBits = 64 - QuantileTable.SegmentBits;
        const double fractionScale = 1.0 / (1L << fractionBits);
        ref var knots = ref MemoryMarshal.GetArrayDataReference(table);
        ref var draws = ref MemoryMarshal.GetArrayDataReference(_draws);
        var local = rng;
        for (var d = 0; d < DrawBatch; d++)
        {
            var bits = local.NextUInt64();
            var i = (int)(bits >> fractionBits);
            var f = (long)(bits & ((1UL << fractionBits) - 1)) * fractionScale;
            var v = Unsafe.Add(ref knots, i);
            Unsafe.Add(ref draws, d) = v + f * (Unsafe.Add(ref knots, i + 1) - v);
        }
        rng = local;
    }

    private static long Partial(SimulationPlan plan, int servedIntervals) =>
        Math.Min(plan.PacketsPerRequest, (long)servedIntervals * plan.PacketsPerInterval);

    private static void AddOpenSpans<TRequests, TTimeline>(TTimeline timeline, TRequests requests, int n, long end)
        where TRequests : struct, IInFlightRequests
        where TTimeline : struct, ITimelineSink
    {
        var times = new long[n];
        requests.CopyTo(times);
        foreach (var t in times) timeline.AddQueued((long)Math.Ceiling(BitConverter.Int64BitsToDouble(t)), end);
    }
}
