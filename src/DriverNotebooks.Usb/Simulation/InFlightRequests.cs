using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace DriverNotebooks.Usb;

/// <summary>
/// The N requests in flight, kept sorted by (re)submission time: the earliest is the host queue's head if it has been
/// submitted, otherwise every request is still turning around. Times are the IEEE-754 bits of non-negative doubles
/// (service intervals), which order like the doubles. Ties keep their order, so all implementations agree exactly.
/// </summary>
internal interface IInFlightRequests
{
    /// <summary>The earliest submission time.</summary>
    long First { get; }

    /// <summary>Removes the earliest request and inserts its resubmission at <paramref name="time"/>.</summary>
    void ReplaceFirst(long time);

    /// <summary>Writes the N submission times, earliest first.</summary>
    void CopyTo(Span<long> destination);
}

/// <summary>Shared helpers for the in-flight request sets.</summary>
internal static class InFlight
{
    /// <summary>+∞ as IEEE-754 bits: fills the unused lanes and sorts after every real time.</summary>
    public const long Infinity = 0x7FF0_0000_0000_0000;
}

/// <summary>
/// Up to 4 requests in one 256-bit register. Removing the head and inserting t is branch-free: with a = the other lanes
/// shifted down (+∞ last) and a₋₁ = 0, lane i becomes min(aᵢ, max(t, aᵢ₋₁)).
/// </summary>
internal struct VectorRequests4 : IInFlightRequests
{
    private Vector256<long> _times;

    public VectorRequests4(int count) =>
        _times = Vector256.Create(Lane(0, count), Lane(1, count), Lane(2, count), Lane(3, count));

    public readonly long First
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _times.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReplaceFirst(long time)
    {
        var rest = Vector256.ConditionalSelect(Vector256.Create(0L, 0L, 0L, -1L), Vector256.Create(InFlight.Infinity),
            Vector256.Shuffle(_times, Vector256.Create(1L, 2L, 3L, 3L)));
        var before = Vector256.ConditionalSelect(Vector256.Create(-1L, 0L, 0L, 0L), Vector256<long>.Zero,
            Vector256.Shuffle(rest, Vector256.Create(0L, 0L, 1L, 2L)));
        _times = Vector256.Min(rest, Vector256.Max(Vector256.Create(time), before));
    }

    public readonly void CopyTo(Span<long> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = _times.GetElement(i);
    }

    private static long Lane(int lane, int count) => lane < count ? 0 : InFlight.Infinity;
}

/// <summary>Up to 8 requests in one 512-bit register; the same branch-free update as <see cref="VectorRequests4"/>.</summary>
internal struct VectorRequests8 : IInFlightRequests
{
    private Vector512<long> _times;

    public VectorRequests8(int count)
    {
        Span<long> lanes = stackalloc long[8];
        for (var i = 0; i < 8; i++) lanes[i] = i < count ? 0 : InFlight.Infinity;
        _times = Vector512.Create<long>(lanes);
    }

    public readonly long First
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _times.ToScalar();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReplaceFirst(long time)
    {
        var rest = Vector512.ConditionalSelect(Vector512.Create(0L, 0L, 0L, 0L, 0L, 0L, 0L, -1L), Vector512.Create(InFlight.Infinity),
            Vector512.Shuffle(_times, Vector512.Create(1L, 2L, 3L, 4L, 5L, 6L, 7L, 7L)));
        var before = Vector512.ConditionalSelect(Vector512.Create(-1L, 0L, 0L, 0L, 0L, 0L, 0L, 0L), Vector512<long>.Zero,
            Vector512.Shuffle(rest, Vector512.Create(0L, 0L, 1L, 2L, 3L, 4L, 5L, 6L)));
        _times = Vector512.Min(rest, Vector512.Max(Vector512.Create(time), before));
    }

    public readonly void CopyTo(Span<long> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = _times.GetElement(i);
    }
}

/// <summary>Any number of requests in a ring buffer; the resubmission enters at the tail and moves towards the head
/// past later ones (usually none or one).</summary>
internal struct RingRequests : IInFlightRequests
{
    private readonly long[] _ring;
    private readonly int _count;
    private readonly int _mask;
    private int _head;

    /// <param name="ring">A buffer whose length is a power of two and at least <paramref name="count"/>.</param>
    /// <param name="count">Requests in flight.</param>
    public RingRequests(long[] ring, int count)
    {
        _ring = ring;
        _count = count;
        _mask = ring.Length - 1;
        _head = 0;
        Array.Clear(ring, 0, count);
    }

    public readonly long First
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ring), _head);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ReplaceFirst(long time)
    {
        ref var ring = ref MemoryMarshal.GetArrayDataReference(_ring);
        _head = (_head + 1) & _mask;
        var at = (_head + _count - 1) & _mask;
        for (var left = _count - 1; left > 0; left--)
        {
            var before = (at - 1) & _mask;
            var t = Unsafe.Add(ref ring, before);
            if (t <= time) break;
            Unsafe.Add(ref ring, at) = t;
            at = before;
        }
        Unsafe.Add(ref ring, at) = time;
    }

    public readonly void CopyTo(Span<long> destination)
    {
        for (var i = 0; i < destination.Length; i++) destination[i] = _ring[(_head + i) & _mask];
    }
}
