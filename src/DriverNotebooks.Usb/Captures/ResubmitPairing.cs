namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Pairs each submit on an endpoint with the completion it follows, for the driver's turnaround (complete → resubmit).
/// A request that comes back under the id it completed with (a KMDF continuous reader reuses its requests, so its IRPs;
/// a Linux driver resubmits its URB from the completion handler) is paired with its own completion. A submit under an id
/// that is not waiting (a driver allocating a new request each time) takes the oldest completion still waiting.
/// Memory is bounded: beyond <c>capacity</c> waiting completions the oldest is forgotten.
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
    }

    /// <summary>The completion a submit of <paramref name="id"/> follows, if any is waiting.</summary>
    public bool Resubmitted(ulong id, out long completedAt) =>
        _waiting.Remove(id, out completedAt) || TakeOldest(out completedAt);

    private bool TakeOldest(out long completedAt)
    {
        while (_order.TryDequeue(out var entry))
        {
            // Skip entries paired by id since, or superseded by a later completion of the same id.
            if (_waiting.TryGetValue(entry.Id, out var at) && at == entry.At)
            {
                _waiting.Remove(entry.Id);
                completedAt = at;
                return true;
            }
        }
        completedAt = 0;
        return false;
    }
}
