namespace DriverNotebooks.Kmdf;

/// <summary>The driver's resource steps (allocate, free, use, end use), executed against the run's <see cref="ResourceLedger"/>.</summary>
internal sealed partial class LifecycleRun
{
    private readonly ResourceLedger _ledger = new();

    private NtStatus Allocate(AllocateStep step, ExecutionContext ctx)
    {
        var name = ctx.Own(step.Name);
        var index = Emit(TraceLayer.Driver, TraceEventKind.Call, $"Allocate({name})", step.Kind.Routines().Allocate, name, ctx.Irql);
        if (step.Kind.CanFail() && ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected))
        {
            SetStatus(index, injected);
            return injected;
        }
        _ledger.Add(name, step.Kind, ctx.Routine, null);
        SetStatus(index, NtStatus.Success);
        return NtStatus.Success;
    }

    private void Free(FreeStep step, ExecutionContext ctx)
    {
        var entry = _ledger.Resolve(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        if (step.Guarded && (entry is null || entry.Freed))
        {
            Emit(TraceLayer.Driver, TraceEventKind.Note, $"Free({name})", "free", name, ctx.Irql,
                detail: entry is null ? "never allocated: the guard (NULL check or initialized flag) skips the free" : "already freed and cleared: the guard skips the free");
            return;
        }
        if (entry is null)
        {
            Emit(TraceLayer.Driver, TraceEventKind.Call, $"Free({name})", "free", name, ctx.Irql,
                detail: "unguarded free of something never allocated in this run: an invalid pointer (NULL or uninitialized)");
            _ledger.Report(FindingKind.FreedUnallocated, name, ResourceKind.Other, ctx.Routine,
                "freed without a guard although never allocated in this run: the free routine gets a NULL or uninitialized value");
            return;
        }
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"Free({name})", entry.Kind.Routines().Free, name, ctx.Irql);
        if (entry.Freed)
        {
            _ledger.Report(FindingKind.FreedTwice, entry, ctx.Routine, $"already freed by {entry.FreedIn}");
            return;
        }
        _ledger.CheckInUse(entry, ctx.Device, ctx.Routine, "freed");
        ResourceLedger.Release(entry, ctx.Routine);
    }

    private void Use(UseStep step, ExecutionContext ctx)
    {
        var entry = _ledger.Resolve(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"Use({name})", "use", name, ctx.Irql);
        if (entry is null)
        {
            Diagnose(DiagnosticCode.InvalidHandle, ctx.Routine, $"'{name}' used before it was ever allocated or created");
            return;
        }
        if (entry.Freed)
        {
            _ledger.Report(FindingKind.UsedAfterFree, entry, ctx.Routine, $"{(entry.Object is null ? "freed" : "deleted")} by {entry.FreedIn}");
            return;
        }
        if (ctx.Device > 0 && !entry.Users.Contains(ctx.Device)) entry.Users.Add(ctx.Device);
    }

    private void EndUse(EndUseStep step, ExecutionContext ctx)
    {
        var entry = _ledger.Resolve(step.Name, ctx);
        var name = entry?.Name ?? ctx.Own(step.Name);
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"EndUse({name})", "end use", name, ctx.Irql);
        entry?.Users.Remove(ctx.Device);
    }
}
