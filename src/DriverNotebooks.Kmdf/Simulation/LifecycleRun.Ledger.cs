namespace DriverNotebooks.Kmdf;

/// <summary>
/// The resource ledger: what the driver (and the framework for it) allocated, who frees it, which devices use it.
/// Findings: freed twice, freed while another device uses it, used after free, and — when the image unloads — leaked.
/// </summary>
internal sealed partial class LifecycleRun
{
    private readonly List<LedgerEntry> _ledger = [];
    private readonly Dictionary<string, LedgerEntry> _live = new(StringComparer.Ordinal);

    private void AddLedger(string name, ResourceKind kind, string allocatedIn, FxObject? obj)
    {
        if (_live.TryGetValue(name, out var previous) && !previous.Released && previous.Object is null)
        {
            _findings.Add(new LedgerFinding(FindingKind.Leaked, name, previous.Kind, previous.AllocatedIn,
                $"allocated again by {allocatedIn} while still allocated: the first allocation is lost"));
        }
        var entry = new LedgerEntry(name, kind, allocatedIn, obj);
        _ledger.Add(entry);
        _live[name] = entry;
    }

    private LedgerEntry? ResolveEntry(string name, ExecutionContext ctx)
    {
        if (ctx.Device > 0 && _live.TryGetValue(ctx.Own(name), out var own)) return own;
        return _live.GetValueOrDefault(name);
    }

    private void FreeFramework(string name, string freedIn)
    {
        if (_live.TryGetValue(name, out var entry) && !entry.Freed)
        {
            entry.Freed = true;
            entry.FreedIn = freedIn;
        }
    }

    private NtStatus Allocate(AllocateStep step, ExecutionContext ctx)
    {
        var name = ctx.Own(step.Name);
        var index = Emit(TraceLayer.Driver, TraceEventKind.Call, $"Allocate({name})", step.Kind.Routines().Allocate, name, ctx.Irql);
        if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected))
        {
            SetStatus(index, injected);
            return injected;
        }
        AddLedger(name, step.Kind, ctx.Routine, null);
        SetStatus(index, NtStatus.Success);
        return NtStatus.Success;
    }

    private void Free(FreeStep step, ExecutionContext ctx)
    {
        var entry = ResolveEntry(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        if (entry is null)
        {
            Emit(TraceLayer.Driver, TraceEventKind.Note, $"Free({name})", "free", name, ctx.Irql, detail: "never allocated: skipped, as the driver's NULL check would");
            return;
        }
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"Free({name})", entry.Kind.Routines().Free, name, ctx.Irql);
        if (entry.Freed)
        {
            _findings.Add(new LedgerFinding(FindingKind.FreedTwice, name, entry.Kind, ctx.Routine, $"already freed by {entry.FreedIn}"));
            return;
        }
        CheckInUse(entry, ctx, "freed");
        entry.Freed = true;
        entry.FreedIn = ctx.Routine;
    }

    private void MarkObjectDeleted(FxObject obj, ExecutionContext ctx)
    {
        if (!_live.TryGetValue(obj.Name, out var entry) || entry.Object != obj) return;
        CheckInUse(entry, ctx, "deleted");
        entry.Freed = true;
        entry.FreedIn = ctx.Routine;
    }

    private void CheckInUse(LedgerEntry entry, ExecutionContext ctx, string verb)
    {
        var others = entry.Users.Where(d => d != ctx.Device && d != entry.Object?.Device).ToList();
        if (others.Count == 0) return;
        _findings.Add(new LedgerFinding(FindingKind.FreedWhileInUse, entry.Name, entry.Kind, ctx.Routine,
            $"{verb} while still used by {string.Join(", ", others.Select(DeviceLabel))}"));
    }

    private void Use(UseStep step, ExecutionContext ctx)
    {
        var entry = ResolveEntry(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"Use({name})", "use", name, ctx.Irql);
        if (entry is null)
        {
            Diagnose(DiagnosticCode.InvalidHandle, ctx.Routine, $"'{name}' used before it was ever allocated or created");
            return;
        }
        if (entry.Freed)
        {
            _findings.Add(new LedgerFinding(FindingKind.UsedAfterFree, name, entry.Kind, ctx.Routine,
                $"{(entry.Object is null ? "freed" : "deleted")} by {entry.FreedIn}"));
            return;
        }
        if (ctx.Device > 0 && !entry.Users.Contains(ctx.Device)) entry.Users.Add(ctx.Device);
    }

    private void EndUse(EndUseStep step, ExecutionContext ctx)
    {
        var entry = ResolveEntry(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"EndUse({name})", "end use", name, ctx.Irql);
        entry?.Users.Remove(ctx.Device);
    }

    /// <summary>A device's uses end when its WDFDEVICE has been cleaned up.</summary>
    private void ReleaseUses(int device)
    {
        if (device == 0) return;
        foreach (var entry in _ledger) entry.Users.Remove(device);
    }

    private void CheckLeaksAtImageUnload()
    {
        foreach (var entry in _ledger)
        {
            if (entry.Released) continue;
            if (entry.Object is null && !ReferenceEquals(_live.GetValueOrDefault(entry.Name), entry)) continue; // reported when overwritten
            var detail = entry.Object switch
            {
                null when entry.Kind == ResourceKind.FrameworkInternal => "the stub never unbound from the KMDF library",
                null => "still allocated when the driver image was unloaded",
                { CleanupRan: true } => "deleted, but a WdfObjectReference was never dropped: never destroyed",
                _ => "never deleted: its parent tree was never torn down",
            };
            _findings.Add(new LedgerFinding(FindingKind.Leaked, entry.Name, entry.Kind, entry.AllocatedIn, detail));
        }
    }
}
