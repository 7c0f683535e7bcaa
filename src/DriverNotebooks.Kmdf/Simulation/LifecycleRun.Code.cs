namespace DriverNotebooks.Kmdf;

/// <summary>Runs driver code: the steps of a body, in order, stopping at the first failure (after its failure path).</summary>
internal sealed partial class LifecycleRun
{
    private NtStatus Exec(Body body, ExecutionContext ctx)
    {
        foreach (var step in body.Steps)
        {
            var status = ExecStep(step, ctx);
            if (status.IsSuccess) continue;
            if (step is FallibleStep { OnFailure: { } onFailure })
            {
                Note(TraceLayer.Driver, "OnFailure", null, $"{step.Display} failed {status}: the driver's failure path runs, then the routine returns");
                Exec(onFailure, ctx);
            }
            return status;
        }
        return NtStatus.Success;
    }

    private NtStatus ExecStep(Step step, ExecutionContext ctx)
    {
        switch (step)
        {
            case AllocateStep a: return Allocate(a, ctx);
            case FreeStep f: Free(f, ctx); break;
            case UseStep u: Use(u, ctx); break;
            case EndUseStep u: EndUse(u, ctx); break;
            case CallStep c: return Call(c, ctx);
            case WdfDriverCreateStep d: return WdfDriverCreate(d, ctx);
            case WdfDeviceCreateStep d: return WdfDeviceCreate(d, ctx);
            case CreateObjectStep o: return CreateObject(o, ctx);
            case SelectConfigStep s: return SelectConfig(s, ctx);
            case ConfigContinuousReaderStep r: return ConfigContinuousReader(r, ctx);
            case IoTargetStartStep t: return IoTargetStart(t, ctx);
            case IoTargetStopStep t: IoTargetStop(t, ctx); break;
            case ObjectDeleteStep d: ObjectDelete(d, ctx); break;
            case ObjectReferenceStep r: ObjectReference(r, ctx); break;
            case ObjectDereferenceStep r: ObjectDereference(r, ctx); break;
            case ClassInitStep c: return ClassInit(c, ctx);
            case SetDriverUnloadStep s: SetDriverUnload(s, ctx); break;
            case CallSavedDriverUnloadStep: CallSavedDriverUnload(ctx); break;
            case WdfDriverMiniportUnloadStep: WdfDriverMiniportUnload(ctx); break;
            default: throw new InvalidOperationException($"unhandled step {step.GetType().Name}");
        }
        return NtStatus.Success;
    }

    private NtStatus Call(CallStep step, ExecutionContext ctx)
    {
        var index = Emit(TraceLayer.Driver, TraceEventKind.Call, $"Call({step.Name})", step.Name, null, ctx.Irql);
        var status = ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected) ? injected : NtStatus.Success;
        SetStatus(index, status);
        return status;
    }

    private NtStatus ClassInit(ClassInitStep step, ExecutionContext ctx)
    {
        var routine = step.Class.InitRoutine();
        if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected))
        {
            Emit(TraceLayer.ClassDriver, TraceEventKind.Call, routine, routine, "DRIVER_OBJECT", ctx.Irql, injected);
            return injected;
        }
        var previous = _driverUnload?.Name ?? "NULL";
        _driverUnload = new ClassUnloadRoutine(step.Class, step.MiniportDriverUnload);
        _addDevice = AddDeviceOwner.ClassDriver;
        _addDeviceClass = step.Class;
        Emit(TraceLayer.ClassDriver, TraceEventKind.Call, routine, routine, "DRIVER_OBJECT", ctx.Irql, NtStatus.Success,
            $"overwrites the dispatch table, AddDevice and DriverUnload ({previous} → {_driverUnload.Name})");
        return NtStatus.Success;
    }

    private void SetDriverUnload(SetDriverUnloadStep step, ExecutionContext ctx)
    {
        var saved = _driverUnload;
        _driverUnload = new DriverUnloadRoutine(step.Routine, step.Body, saved);
        Emit(TraceLayer.Driver, TraceEventKind.Call, $"SetDriverUnload({step.Routine})", "SetDriverUnload", "DRIVER_OBJECT", ctx.Irql,
            detail: $"saves DriverUnload ({saved?.Name ?? "NULL"}) and installs {step.Routine}");
    }

    private void CallSavedDriverUnload(ExecutionContext ctx)
    {
        var saved = ctx.Hook?.Saved;
        Emit(TraceLayer.Driver, TraceEventKind.Call, "CallSavedDriverUnload", "CallSavedDriverUnload", "DRIVER_OBJECT", ctx.Irql,
            detail: saved is null ? "the saved routine is NULL: nothing to call" : $"calls {saved.Name}");
        if (saved is null) return;
        _recorder.Enter();
        InvokeUnload(saved, ctx);
        _recorder.Leave();
    }
}
