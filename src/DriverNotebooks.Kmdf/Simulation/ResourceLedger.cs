namespace DriverNotebooks.Kmdf;

/// <summary>
/// The resource ledger of one run: what the driver (and the framework for it) allocated, who released it, which
/// devices use it, and the findings about it — freed twice, freed while another device uses it, used after free,
/// and, when the image unloads, leaked. Owns the entries and the findings; the steps that touch it live with the run.
/// </summary>
internal sealed class ResourceLedger
{
    private readonly List<LedgerEntry> _entries = [];
    private readonly Dictionary<string, LedgerEntry> _live = new(StringComparer.Ordinal);
    private readonly List<LedgerFinding> _findings = [];

    /// <summary>Findings in the order they were made.</summary>
    public IReadOnlyList<LedgerFinding> Findings => _findings;

    public void Report(FindingKind kind, LedgerEntry entry, string where, string detail) =>
        _findings.Add(new LedgerFinding(kind, entry.Name, entry.Kind, where, detail));

    public void Report(FindingKind kind, string name, ResourceKind resourceKind, string where, string detail) =>
        _findings.Add(new LedgerFinding(kind, name, resourceKind, where, detail));

    /// <summary>A new allocation; allocating a driver resource again while it is still allocated loses the first one.</summary>
    public void Add(string name, ResourceKind kind, string allocatedIn, FxObject? obj)
    {
        if (_live.TryGetValue(name, out var previous) && !previous.Released && previous.Object is null)
        {
            Report(FindingKind.Leaked, previous, previous.AllocatedIn, $"allocated again by {allocatedIn} while still allocated: the first allocation is lost");
        }
        var entry = new LedgerEntry(name, kind, allocatedIn, obj);
        _entries.Add(entry);
        _live[name] = entry;
    }

    /// <summary>A name as the code in <paramref name="ctx"/> sees it: the device's own entry first, then the driver-wide one.</summary>
    public LedgerEntry? Resolve(string name, ExecutionContext ctx)
    {
        if (ctx.Device > 0 && _live.TryGetValue(ctx.Own(name), out var own)) return own;
        return _live.GetValueOrDefault(name);
    }

    /// <summary>Marks an entry freed (or, for an object, deleted) by <paramref name="routine"/>.</summary>
    public static void Release(LedgerEntry entry, string routine)
    {
        entry.Freed = true;
        entry.FreedIn = routine;
    }

    /// <summary>The framework frees its own bookkeeping (FX_DRIVER_GLOBALS, the library reference).</summary>
    public void FreeFramework(string name, string freedIn)
    {
        if (_live.TryGetValue(name, out var entry) && !entry.Freed) Release(entry, freedIn);
    }

    /// <summary>A framework object's cleanup ran: its entry counts as deleted from here on.</summary>
    public void MarkObjectDeleted(FxObject obj, int device, string routine)
    {
        if (!_live.TryGetValue(obj.Name, out var entry) || entry.Object != obj) return;
        CheckInUse(entry, device, routine, "deleted");
        Release(entry, routine);
    }

    /// <summary>Releasing something another device (not the releasing one, nor the object's own) still uses is a finding.</summary>
    public void CheckInUse(LedgerEntry entry, int device, string routine, string verb)
    {
        var others = entry.Users.Where(d => d != device && d != entry.Object?.Device).ToList();
        if (others.Count == 0) return;
        Report(FindingKind.FreedWhileInUse, entry, routine, $"{verb} while still used by {string.Join(", ", others.Select(d => $"device {d}"))}");
    }

    /// <summary>A device's uses end when its WDFDEVICE has been cleaned up.</summary>
    public void ReleaseUses(int device)
    {
        if (device == 0) return;
        foreach (var entry in _entries) entry.Users.Remove(device);
    }

    /// <summary>Names of entries not released yet, in allocation order.</summary>
    public string[] Outstanding() => _entries.Where(e => !e.Released).Select(e => e.Name).ToArray();

    /// <summary>The image is gone: everything still allocated leaked.</summary>
    public void CheckLeaksAtImageUnload()
    {
        foreach (var entry in _entries)
        {
            if (entry.Released) continue;
            if (entry.Object is null && !ReferenceEquals(_live.GetValueOrDefault(entry.Name), entry)) continue; // reported when overwritten
            if (entry.Object is null && entry.Kind.IsWdmLookaside())
            {
                Report(FindingKind.LookasideLeftOnSystemList, entry, entry.AllocatedIn,
                    $"never deleted ({entry.Kind.Routines().Free}): the list stays on the system-wide lookaside list inside the unloaded image, a crash waiting for the next walk of that list");
                continue;
            }
            var detail = entry.Object switch
            {
                null when entry.Kind == ResourceKind.FrameworkInternal => "the stub never unbound from the KMDF library",
                null => "still allocated when the driver image was unloaded",
                { CleanupRan: true } => "deleted, but a WdfObjectReference was never dropped: never destroyed",
                _ => "never deleted: its parent tree was never torn down",
            };
            Report(FindingKind.Leaked, entry, entry.AllocatedIn, detail);
        }
    }
}
