namespace DriverNotebooks.Jupyter;

/// <summary>
/// The signatures of the last <see cref="Capacity"/> messages received, so a message sent again (captured
/// and replayed: the signature still verifies) is refused, as ipykernel refuses a "Duplicate Signature".
/// Bounded: the oldest signature is forgotten when a new one would pass the capacity. Thread-safe.
/// </summary>
/// <remarks>
/// A message's header carries a fresh msg_id, so a genuine client never repeats a signature. With signing
/// off (an empty key) every signature is empty and nothing is checked, as in ipykernel.
/// </remarks>
public sealed class SignatureHistory(int capacity = SignatureHistory.DefaultCapacity)
{
    /// <summary>How many signatures are remembered by default: 16,384 (about 2 MB).</summary>
    public const int DefaultCapacity = 1 << 14;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();
    private readonly Lock _lock = new();

    public int Capacity { get; } = capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "expected at least 1");

    /// <summary>Records <paramref name="signature"/>; false when it was already among the remembered ones (a replay).</summary>
    public bool TryAdd(ReadOnlySpan<byte> signature)
    {
        if (signature.IsEmpty) return true;
        // Signatures are hex; compare them as a client writes them, case-insensitively (both cases verify).
        var key = System.Text.Encoding.ASCII.GetString(signature).ToLowerInvariant();
        lock (_lock)
        {
            if (!_seen.Add(key)) return false;
            _order.Enqueue(key);
            if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
            return true;
        }
    }
}
