namespace DriverNotebooks.Kmdf;

/// <summary>
/// The WDF object tree (§3): parents and default parents, post-order cleanup, destroy at refcount zero,
/// each callback at most once, no-delete objects. Siblings are visited in creation order, as the source does;
/// the framework does not promise any sibling order.
/// </summary>
internal sealed partial class LifecycleRun
{
    private readonly ObjectTree _objects = new();

    /// <summary>A new framework object: into the tree under its parent, and into the ledger.</summary>
    private void RegisterObject(FxObject obj, ExecutionContext ctx)
    {
        _objects.Add(obj);
        _ledger.Add(obj.Name, ResourceKind.WdfObject, ctx.Routine, obj);
    }

    private FxObject? ResolveObject(string name, ExecutionContext ctx) => _objects.Resolve(name, ctx);

    private FxObject? LiveObject(string name, ExecutionContext ctx, string ddi)
    {
        var obj = ResolveObject(name, ctx);
        if (obj is null || obj.Destroyed)
        {
            Diagnose(DiagnosticCode.InvalidHandle, ctx.Routine, obj is null
                ? $"{ddi} on '{name}', which does not exist (not created yet, or its creation failed)"
                : $"{ddi} on '{obj.Name}', which was already destroyed");
            return null;
        }
        return obj;
    }

    private NtStatus CreateObject(CreateObjectStep step, ExecutionContext ctx)
    {
        var name = ctx.Own(step.Name);
        var ddi = step.Type.CreateDdi();
        return TracedCall($"{ddi}({name})", ddi, name, ctx, () => CreateObjectCore(step, name, ctx));
    }

    private NtStatus CreateObjectCore(CreateObjectStep step, string name, ExecutionContext ctx)
    {
        if (!RequireDriver(ctx, step.Type.CreateDdi(), out var failure)) return failure;
        FxObject? parent;
        if (step.Parent is not null)
        {
            parent = LiveObject(step.Parent, ctx, $"{step.Type.CreateDdi()} parent");
            if (parent is null) return Fail(NtStatus.InvalidHandle, $"parent '{step.Parent}' does not exist");
        }
        else
        {
            parent = step.Type.DefaultParent() switch
            {
                DefaultParent.Driver => _driver,
                DefaultParent.Device => DeviceObjectOf(ctx),
                _ => null,
            };
            if (step.Type.DefaultParent() == DefaultParent.Required)
            {
                return Fail(NtStatus.WdfParentNotSpecified, $"a {step.Type.HandleType()} has no default parent: name one");
            }
            if (parent is null)
            {
                Diagnose(DiagnosticCode.InvalidHandle, ctx.Routine, $"{step.Type.CreateDdi()}: the device has no WDFDEVICE");
                return Fail(NtStatus.InvalidDeviceState, "the device has no WDFDEVICE yet");
            }
        }
        if (parent.DeletePending)
        {
            return Fail(NtStatus.DeletePending, $"parent {parent.Name} is being deleted and refuses new children");
        }
        if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected)) return injected;
        var obj = new FxObject(name, step.Type, parent, ctx.Device, step.EvtCleanupCallback, step.EvtDestroyCallback) { IsDefaultQueue = step.IsDefaultQueue };
        RegisterObject(obj, ctx);
        return NtStatus.Success;
    }

    private bool RequireDriver(ExecutionContext ctx, string ddi, out NtStatus failure)
    {
        failure = NtStatus.Success;
        if (_driver is not null && _bound) return true;
        Diagnose(DiagnosticCode.NoDriverObject, ctx.Routine, $"{ddi} with no WDFDRIVER (before WdfDriverCreate succeeded, or after the framework unloaded)");
        failure = Fail(NtStatus.InvalidDeviceState, "no WDFDRIVER");
        return false;
    }

    private FxObject? DeviceObjectOf(ExecutionContext ctx) => ctx.Device > 0 ? _devices[ctx.Device - 1].Object : null;

    private NtStatus WdfDeviceCreate(WdfDeviceCreateStep step, ExecutionContext ctx)
    {
        var name = ctx.Own(step.ObjectName);
        return TracedCall("WdfDeviceCreate", "WdfDeviceCreate", name, ctx, () =>
        {
            var node = _devices[ctx.Device - 1];
            if (!RequireDriver(ctx, "WdfDeviceCreate", out var failure)) return failure;
            if (node.Object is not null) return Fail(NtStatus.InvalidDeviceState, "the WDFDEVICE_INIT was already consumed by a first WdfDeviceCreate");
            if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected))
            {
                Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "FxObject::DeleteFromFailedCreate", "FxObject::DeleteFromFailedCreate", name,
                    detail: "callbacks cleared; no WDFDEVICE exists");
                return injected;
            }
            var device = new FxObject(name, WdfObjectType.Device, _driver, ctx.Device, step.EvtCleanupCallback, step.EvtDestroyCallback);
            RegisterObject(device, ctx);
            node.Object = device;
            node.Config = step;
            return NtStatus.Success;
        });
    }

    private NtStatus SelectConfig(SelectConfigStep step, ExecutionContext ctx)
    {
        var pipeName = ctx.Own(step.Pipe);
        return TracedCall($"WdfUsbTargetDeviceSelectConfig({pipeName})", "WdfUsbTargetDeviceSelectConfig", pipeName, ctx, () =>
        {
            if (LiveObject(step.UsbDevice, ctx, "WdfUsbTargetDeviceSelectConfig") is not { } usb) return NtStatus.InvalidHandle;
            if (usb.DeletePending) return Fail(NtStatus.DeletePending, $"{usb.Name} is being deleted");
            if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected)) return injected;
            var interfaceName = ctx.Own("UsbInterface");
            var usbInterface = _objects.Find(interfaceName);
            if (usbInterface is null || usbInterface.Destroyed)
            {
                usbInterface = new FxObject(interfaceName, WdfObjectType.UsbInterface, usb, ctx.Device, null, null);
                RegisterObject(usbInterface, ctx);
            }
            RegisterObject(new FxObject(pipeName, WdfObjectType.UsbPipe, usbInterface, ctx.Device, null, null), ctx);
            return NtStatus.Success;
        });
    }

    private NtStatus ConfigContinuousReader(ConfigContinuousReaderStep step, ExecutionContext ctx)
    {
        var name = ResolveObject(step.Pipe, ctx)?.Name ?? step.Pipe;
        return TracedCall($"WdfUsbTargetPipeConfigContinuousReader({name})", "WdfUsbTargetPipeConfigContinuousReader", name, ctx, () =>
        {
            if (LiveObject(step.Pipe, ctx, "WdfUsbTargetPipeConfigContinuousReader") is not { } pipe) return NtStatus.InvalidHandle;
            if (pipe.Reader is not null) return Fail(NtStatus.InvalidDeviceState, "Continuous reader already initialized");
            if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected)) return injected;
            pipe.Reader = step;
            return NtStatus.Success;
        }, $"configures the reader ({PendingReadsText(step)}); nothing is read until WdfIoTargetStart");
    }

    private static string PendingReadsText(ConfigContinuousReaderStep r) => r.NumPendingReads switch
    {
        0 => $"NumPendingReads 0 → the default {ConfigContinuousReaderStep.DefaultPendingReads}",
        > ConfigContinuousReaderStep.MaxPendingReads => $"NumPendingReads {r.NumPendingReads} → clamped to {ConfigContinuousReaderStep.MaxPendingReads}",
        _ => $"NumPendingReads {r.NumPendingReads}",
    };

    private NtStatus IoTargetStart(IoTargetStartStep step, ExecutionContext ctx)
    {
        var target = ResolveObject(step.Target, ctx);
        var name = target?.Name ?? step.Target;
        return TracedCall($"WdfIoTargetStart({name})", "WdfIoTargetStart", name, ctx, () =>
        {
            if (LiveObject(step.Target, ctx, "WdfIoTargetStart") is not { } live) return NtStatus.InvalidHandle;
            if (live.DeletePending) return Fail(NtStatus.DeletePending, $"{live.Name} is being deleted");
            if (ShouldFail($"{ctx.Routine}.{step.LocalId}", out var injected)) return injected;
            live.TargetStarted = true;
            live.ReadersIdle = false;
            return NtStatus.Success;
        }, target?.Reader is { } reader ? $"sends the continuous reader's {reader.EffectivePendingReads} reads" : null);
    }

    private void IoTargetStop(IoTargetStopStep step, ExecutionContext ctx)
    {
        var target = ResolveObject(step.Target, ctx);
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, $"WdfIoTargetStop({target?.Name ?? step.Target})", "WdfIoTargetStop", target?.Name ?? step.Target, ctx.Irql,
            detail: target?.Reader is not null ? "cancels the reader's sent I/O and re-arms it for the next start" : null);
        if (ctx.Routine.StartsWith("EvtUsbTargetPipeReadersFailed", StringComparison.Ordinal))
        {
            Diagnose(DiagnosticCode.TargetStoppedInReadersFailed, ctx.Routine,
                "WdfIoTargetStop in EvtUsbTargetPipeReadersFailed deadlocks: the framework waits for this callback before it can stop the target");
        }
        if (LiveObject(step.Target, ctx, "WdfIoTargetStop") is { } live)
        {
            live.TargetStarted = false;
            live.ReadersIdle = false;
        }
    }

    private void ObjectDelete(ObjectDeleteStep step, ExecutionContext ctx)
    {
        var obj = ResolveObject(step.Name, ctx);
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, $"WdfObjectDelete({obj?.Name ?? step.Name})", "WdfObjectDelete", obj?.Name ?? step.Name, ctx.Irql);
        if (LiveObject(step.Name, ctx, "WdfObjectDelete") is not { } live) return;
        _recorder.Enter();
        if (live.NoDeleteDdi)
        {
            Diagnose(DiagnosticCode.DeleteOfNoDeleteObject, ctx.Routine, $"Attempt to Delete an Object Which does not allow WdfDeleteObject: {live.Name} ({live.Type.HandleType()})");
            Note(TraceLayer.KmdfLibrary, "FxVerifierDbgBreakPoint", live.Name, "the driver may not delete this object: WdfObjectDelete does nothing");
        }
        else if (live.DeletePending)
        {
            Diagnose(DiagnosticCode.DeletedTwice, ctx.Routine, $"WdfObjectDelete on {live.Name}, which is already being deleted (FxObject::DeleteObject asserts it is called once)");
        }
        else
        {
            DeleteObject(live, ctx);
        }
        _recorder.Leave();
    }

    private void ObjectReference(ObjectReferenceStep step, ExecutionContext ctx)
    {
        var obj = ResolveObject(step.Name, ctx);
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, $"WdfObjectReference({obj?.Name ?? step.Name})", "WdfObjectReference", obj?.Name ?? step.Name, ctx.Irql);
        if (LiveObject(step.Name, ctx, "WdfObjectReference") is { } live) live.DriverReferences++;
    }

    private void ObjectDereference(ObjectDereferenceStep step, ExecutionContext ctx)
    {
        var obj = ResolveObject(step.Name, ctx);
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, $"WdfObjectDereference({obj?.Name ?? step.Name})", "WdfObjectDereference", obj?.Name ?? step.Name, ctx.Irql);
        if (LiveObject(step.Name, ctx, "WdfObjectDereference") is not { } live) return;
        if (live.DriverReferences == 0)
        {
            Diagnose(DiagnosticCode.UnbalancedDereference, ctx.Routine, $"WdfObjectDereference on {live.Name} without a matching WdfObjectReference");
            return;
        }
        live.DriverReferences--;
        _recorder.Enter();
        TryDestroy(live, ctx);
        _recorder.Leave();
    }

    /// <summary>
    /// FxObject::DeleteObject (framework-initiated or from WdfObjectDelete): mark the subtree delete-pending,
    /// run cleanup post-order (children first), then drop the tree references post-order; each object is
    /// destroyed when its count reaches zero.
    /// </summary>
    private void DeleteObject(FxObject obj, ExecutionContext ctx)
    {
        Emit(TraceLayer.ObjectTree, TraceEventKind.Action, $"Delete({obj.Name})", "FxObject::DeleteObject", obj.Name, ctx.Irql,
            detail: obj.Children.Count > 0 ? $"children first: {string.Join(", ", obj.Children.Select(c => c.Name))}" : null);
        _recorder.Enter();
        ObjectTree.MarkDeletePending(obj);
        Dispose(obj, ctx);
        ReleaseTree(obj, ctx);
        _recorder.Leave();
    }

    /// <summary>DisposeChildrenWorker: every child's subtree (head to tail), then the object's own EvtCleanupCallback.</summary>
    private void Dispose(FxObject obj, ExecutionContext ctx)
    {
        foreach (var child in obj.Children.ToArray())
        {
            if (!child.CleanupRan) Dispose(child, ctx);
        }
        CallCleanup(obj, ctx);
    }

    private void CallCleanup(FxObject obj, ExecutionContext ctx)
    {
        if (obj.CleanupRan) return;
        obj.CleanupRan = true;
        obj.DeletePending = true;
        if (obj.TargetStarted)
        {
            obj.TargetStarted = false;
            Note(TraceLayer.KmdfLibrary, "FxIoTarget::Remove", obj.Name, "the target is removed as it is disposed: sent I/O cancelled");
        }
        if (obj.Cleanup is { } cleanup)
        {
            if (obj.Type == WdfObjectType.Driver) _driverCleanupRan = true;
            var routine = $"{obj.Name}.EvtCleanupCallback";
            InvokeCallback(routine, "EvtCleanupCallback", obj.Name, cleanup, new ExecutionContext(routine, obj.Device, Irql.PassiveLevel), returnsStatus: false, fallible: false);
        }
        _ledger.MarkObjectDeleted(obj, ctx.Device, ctx.Routine);
        if (obj.Type == WdfObjectType.Device) _ledger.ReleaseUses(obj.Device);
    }

    /// <summary>DestroyChildren, then the object drops its own tree reference.</summary>
    private void ReleaseTree(FxObject obj, ExecutionContext ctx)
    {
        foreach (var child in obj.Children.ToArray()) ReleaseTree(child, ctx);
        if (obj.TreeReferenceReleased) return;
        obj.TreeReferenceReleased = true;
        TryDestroy(obj, ctx);
    }

    /// <summary>FxObject::ProcessDestroy once the count is zero: cleanup if it somehow has not run, then EvtDestroyCallback.</summary>
    private void TryDestroy(FxObject obj, ExecutionContext ctx)
    {
        if (obj.Destroyed || !obj.TreeReferenceReleased || obj.DriverReferences > 0) return;
        CallCleanup(obj, ctx);
        obj.Destroyed = true;
        if (obj.Destroy is { } destroy)
        {
            var routine = $"{obj.Name}.EvtDestroyCallback";
            InvokeCallback(routine, "EvtDestroyCallback", obj.Name, destroy, new ExecutionContext(routine, obj.Device, Irql.PassiveLevel), returnsStatus: false, fallible: false);
        }
        Emit(TraceLayer.ObjectTree, TraceEventKind.Action, $"Destroy({obj.Name})", "FxObject::ProcessDestroy", obj.Name, ctx.Irql,
            detail: obj.Type == WdfObjectType.Device ? "IoDeleteDevice; the object's memory is freed" : null);
        obj.Detach();
    }
}
