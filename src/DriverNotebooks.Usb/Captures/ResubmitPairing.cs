namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Pairs each submit on an endpoint with the completion it follows, for the driver's turnaround (complete → resubmit).
/// A request that comes back under the id it completed with (a KMDF continuous reader reuses its requests, so its IRPs;
/// a Linux driver resubmits its URB from the completion handler) is paired with its own completion. A submit under an id
/// that is not waiting (a driver allocating a new request each time) takes the oldest completion still waiting.
/// Memory is bounded: beyond <c>capacity</c> waiting completions the oldest is forgotten, and the queue of completions
/// in arrival order sheds the entries paired by id as they reach its head, or all at once when they pile up behind
/// one that is still waiting.
/// </summary>
internal sealed class ResubmitPairing(int capacity)
{
    /// <summary>Completions waiting for a resubmit, oldest first; an entry whose id has since been paired is skipped.</summary>
    private readonly Queue<(ulong Id, long At)> _order = new();

    /// <summary>The waiting completion of each id.</summary>
    private readonly Dictionary<ulong, long> _waiting = [];

    public void Completed(ulong id, long at)
    {
        if (_waiting.Count >= capacity) TakeOldest(out _);
        _waiting[id] = at;
        _order.Enqueue((id, at));
        DropStale();
    }

    /// <summary>Entries in the arrival-order queue, stale ones included (tests: memory stays bounded).</summary>
    internal int Queued => _order.Count;

    /// <summary>The completion a submit of <paramref name="id"/> follows, if any is waiting.</summary>
    public bool Resubmitted(ulong id, out long completedAt)
    {
        if (!_waiting.Remove(id, out completedAt)) return TakeOldest(out completedAt);
        DropStale();
        return true;
    }

    /// <summary>Drops paired entries from the head; rebuilds the queue when stale entries outnumber the waiting ones.</summary>
    private void DropStale()
    {
        while (_order.TryPeek(out var head) && !IsWaiting(head)) _order.Dequeue();
        if (_order.Count <= 2 * _waiting.Count + 64) return;
        var live = _order.Where(IsWaiting).ToList();
        _order.Clear();
        foreach (var entry in live) _order.Enqueue(entry);
    }

    private bool IsWaiting((ulong Id, long At) entry) => _waiting.TryGetValue(entry.Id, out var at) && at == entry.At;

    private bool TakeOldest(out long completedAt)
    {
        while (_order.TryDequeue(out var entry))
        {
            // Skip entries paired by id since, or superseded by a later completion of the same id.
            if (IsWaiting(entry))
            {
                _waiting.Remove(entry.Id, out completedAt);
                return true;
            }
        }
        completedAt = 0;
        return false;
    }
}
