namespace DriverNotebooks.Kmdf;

/// <summary>
/// The PnP manager and the framework's PnP/power/self-managed-I/O state machines, reduced to the callback
/// orders of kmdf-lifecycle.md §4 (a)–(f). Callbacks the driver did not register are skipped.
/// </summary>
internal sealed partial class LifecycleRun
{
    private const string D3Final = "WdfPowerDeviceD3Final";
    private const string D3 = "WdfPowerDeviceD3";

    private readonly List<DeviceNode> _devices = [];
    private int _devicesStarted;

    private static ExecutionContext DeviceContext(DeviceNode node, string routine) => new(routine, node.Number, Irql.PassiveLevel);

    /// <summary>Invokes a registered device callback; returns success when it is not registered.</summary>
    private NtStatus DeviceCallback(DeviceNode node, DeviceCallback callback, string? detail = null, bool fallible = true)
    {
        if (node.Config is null || !node.Config.Callbacks.TryGetValue(callback, out var body)) return NtStatus.Success;
        var name = callback.ToString();
        return InvokeCallback(name, name, node.Object?.Name, body, DeviceContext(node, $"{name}#{node.Number}"),
            returnsStatus: callback.ReturnsStatus(), fallible: fallible && callback.IsFallible(), detail);
    }

    /// <summary>§4 (a) AddDevice and START, or (e) EvtDriverDeviceAdd failing.</summary>
    private void DeviceArrives()
    {
        var node = new DeviceNode(_devices.Count + 1);
        _devices.Add(node);
        var label = DeviceLabel(node.Number);
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "AddDevice", "AddDevice", label, detail: $"PnP manager enumerates {label} and calls the driver's AddDevice");
        _recorder.Enter();
        try
        {
            if (_addDevice == AddDeviceOwner.ClassDriver)
            {
                Note(TraceLayer.ClassDriver, "AddDeviceOwnedByClassDriver", label, $"AddDevice belongs to {_addDeviceClass}: KMDF's EvtDriverDeviceAdd is not called");
                node.State = DeviceState.Ignored;
                return;
            }
            if (_addDevice != AddDeviceOwner.Framework)
            {
                Note(TraceLayer.IoManager, "AddDeviceIsNull", label, "DriverExtension->AddDevice is NULL (non-PnP or miniport driver): the device is not added to this driver");
                node.State = DeviceState.Ignored;
                return;
            }
            Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "FxDriver::AddDevice", "FxDriver::AddDevice", label);
            if (_storedDeviceAdd is null)
            {
                Note(TraceLayer.KmdfLibrary, "NoEvtDriverDeviceAdd", label, "no EvtDriverDeviceAdd registered: no WDFDEVICE is created");
                node.State = DeviceState.Failed;
                return;
            }
            var status = InvokeCallback("EvtDriverDeviceAdd", "EvtDriverDeviceAdd", _driver?.Name, _storedDeviceAdd,
                DeviceContext(node, $"EvtDriverDeviceAdd#{node.Number}"), returnsStatus: true, fallible: true);
            if (!status.IsSuccess)
            {
                if (node.Object is { } device)
                {
                    Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "DeleteDeviceFromFailedCreate", "FxDevice::DeleteDeviceFromFailedCreate", device.Name,
                        detail: "simulates a remove: no hardware, power or self-managed I/O callbacks");
                    _recorder.Enter();
                    DeleteObject(device, DeviceContext(node, "DeleteDeviceFromFailedCreate"));
                    _recorder.Leave();
                }
                Note(TraceLayer.IoManager, "AddDeviceFailed", label, $"AddDevice failed {status}: the PnP manager fails the device node");
                node.State = DeviceState.Failed;
                _ledger.ReleaseUses(node.Number);
                return;
            }
            if (node.Object is null)
            {
                Diagnose(DiagnosticCode.DeviceAddWithoutDevice, $"EvtDriverDeviceAdd#{node.Number}", "EvtDriverDeviceAdd returned success without creating a WDFDEVICE");
                node.State = DeviceState.Failed;
                return;
            }
        }
        finally
        {
            _recorder.Leave();
        }
        StartDevice(node);
    }

    /// <summary>§4 (a) 5–11, (f) PrepareHardware failing, and D0Entry failing on the first start.</summary>
    private void StartDevice(DeviceNode node)
    {
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_START_DEVICE", "IRP_MN_START_DEVICE", node.Object?.Name,
            detail: "sent down the stack first; the framework acts on the way back up");
        _recorder.Enter();
        var status = DeviceCallback(node, Kmdf.DeviceCallback.EvtDevicePrepareHardware);
        if (status.IsSuccess)
        {
            status = DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0Entry, $"PreviousState = {D3Final}");
            if (!status.IsSuccess) Note(TraceLayer.KmdfLibrary, "NoD0Exit", node.Object?.Name, "EvtDeviceD0Exit is not called: EvtDeviceD0Entry failed");
        }
        if (!status.IsSuccess)
        {
            DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceReleaseHardware, "called even though the start failed: EvtDevicePrepareHardware had been called");
            Note(TraceLayer.KmdfLibrary, "PnpEventFailed", node.Object?.Name, $"start failed {status}: self-managed I/O is still in Created (flush invokes nothing); START completes with the error");
            _recorder.Leave();
            node.State = DeviceState.Failed;
            Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_REMOVE_DEVICE", "IRP_MN_REMOVE_DEVICE", node.Object?.Name, detail: "the PnP manager removes the failed device");
            _recorder.Enter();
            RemovedCommon(node);
            _recorder.Leave();
            return;
        }
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0EntryPostInterruptsEnabled, $"PreviousState = {D3Final}");
        node.SelfManagedIoStarted = true;
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoInit);
        node.InD0 = true;
        node.State = DeviceState.Started;
        _devicesStarted++;
        _recorder.Leave();
    }

    /// <summary>§4 (b) 1–12: query-remove (may veto), then the orderly removal.</summary>
    private void RemoveDevice(DeviceNode node)
    {
        if (!RequireStarted(node, "IRP_MN_QUERY_REMOVE_DEVICE")) return;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_QUERY_REMOVE_DEVICE", "IRP_MN_QUERY_REMOVE_DEVICE", node.Object?.Name);
        _recorder.Enter();
        var status = DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceQueryRemove);
        _recorder.Leave();
        if (!status.IsSuccess)
        {
            Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_CANCEL_REMOVE_DEVICE", "IRP_MN_CANCEL_REMOVE_DEVICE", node.Object?.Name,
                detail: $"query-remove vetoed ({status}): the device stays started");
            return;
        }
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_REMOVE_DEVICE", "IRP_MN_REMOVE_DEVICE", node.Object?.Name);
        _recorder.Enter();
        if (node.InD0) PowerDown(node, D3Final);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceReleaseHardware);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoFlush);
        RemovedCommon(node);
        _recorder.Leave();
    }

    /// <summary>§4 (c): surprise removal from D0 (or straight to ReleaseHardware from Dx), then REMOVE.</summary>
    private void SurpriseRemoveDevice(DeviceNode node)
    {
        if (!RequireStarted(node, "IRP_MN_SURPRISE_REMOVAL")) return;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_SURPRISE_REMOVAL", "IRP_MN_SURPRISE_REMOVAL", node.Object?.Name,
            detail: node.InD0 ? "device in D0" : "device already in Dx: no power-down callbacks");
        _recorder.Enter();
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSurpriseRemoval);
        if (node.InD0) PowerDown(node, D3Final);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceReleaseHardware);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoFlush);
        Note(TraceLayer.KmdfLibrary, "PnpEventFailedWaitForRemove", node.Object?.Name, "surprise-remove IRP completed; waiting for IRP_MN_REMOVE_DEVICE");
        _recorder.Leave();
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_REMOVE_DEVICE", "IRP_MN_REMOVE_DEVICE", node.Object?.Name);
        _recorder.Enter();
        RemovedCommon(node);
        _recorder.Leave();
    }

    /// <summary>§3.5 PnpEventRemovedCommonCode + DeleteDevice: SMIO cleanup, then the WDFDEVICE subtree is deleted.</summary>
    private void RemovedCommon(DeviceNode node)
    {
        if (node.SelfManagedIoStarted) DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoCleanup);
        if (node.Object is { } device) DeleteObject(device, DeviceContext(node, "PnpEventRemovedCommonCode"));
        _ledger.ReleaseUses(node.Number);
        node.State = DeviceState.Removed;
        node.InD0 = false;
    }

    /// <summary>PowerGotoD3Stopped / going to Dx: SMIO suspend, D0ExitPreInterruptsDisabled, D0Exit.</summary>
    private void PowerDown(DeviceNode node, string target)
    {
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, target == D3Final ? "PowerGotoD3Stopped" : "PowerGotoDx", "power state machine", node.Object?.Name,
            detail: $"leaving D0 for {target}; power-managed queues are held after SelfManagedIoSuspend");
        _recorder.Enter();
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoSuspend);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0ExitPreInterruptsDisabled, $"TargetState = {target}");
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0Exit, $"TargetState = {target}");
        node.InD0 = false;
        foreach (var pipe in ReadersOf(node).Where(p => p.TargetStarted))
        {
            Diagnose(DiagnosticCode.ReaderRunningInDx, $"EvtDeviceD0Exit#{node.Number}",
                $"the continuous reader on {pipe.Name} is still started after EvtDeviceD0Exit: it is not power-managed by the framework (call WdfIoTargetStop in EvtDeviceD0Exit)");
        }
        _recorder.Leave();
    }

    private void IdleDevice(DeviceNode node)
    {
        if (!RequireStarted(node, "IRP_MN_SET_POWER")) return;
        if (!node.InD0)
        {
            Note(TraceLayer.IoManager, "AlreadyInDx", node.Object?.Name, "the device is already in Dx");
            return;
        }
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_SET_POWER", "IRP_MN_SET_POWER", node.Object?.Name, detail: "D0 → Dx (idle)");
        _recorder.Enter();
        PowerDown(node, D3);
        _recorder.Leave();
    }

    private void WakeDevice(DeviceNode node)
    {
        if (!RequireStarted(node, "IRP_MN_SET_POWER")) return;
        if (node.InD0)
        {
            Note(TraceLayer.IoManager, "AlreadyInD0", node.Object?.Name, "the device is already in D0");
            return;
        }
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "IRP_MN_SET_POWER", "IRP_MN_SET_POWER", node.Object?.Name, detail: "Dx → D0");
        _recorder.Enter();
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0Entry, $"PreviousState = {D3}", fallible: false);
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceD0EntryPostInterruptsEnabled, $"PreviousState = {D3}");
        DeviceCallback(node, Kmdf.DeviceCallback.EvtDeviceSelfManagedIoRestart);
        node.InD0 = true;
        _recorder.Leave();
    }

    /// <summary>The device's continuous readers for a read event, or null (with a note) when the device is not started or has none.</summary>
    private List<FxObject>? PostedReaders(DeviceNode node, string action)
    {
        if (!RequireStarted(node, action)) return null;
        var readers = ReadersOf(node).ToList();
        if (readers.Count > 0) return readers;
        Note(TraceLayer.KmdfLibrary, "NoContinuousReader", node.Object?.Name, "the device has no continuous reader");
        return null;
    }

    /// <summary>§5: each started continuous reader of the device completes reads; stopped ones read nothing.</summary>
    private void ReadsComplete(DeviceNode node, int count)
    {
        if (PostedReaders(node, "ReadsComplete") is not { } readers) return;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "ReadsComplete", "IoCompleteRequest", node.Object?.Name,
            detail: $"data arrives: up to {count} read(s) complete on each posted continuous reader");
        _recorder.Enter();
        foreach (var pipe in readers)
        {
            if (!pipe.TargetStarted)
            {
                Note(TraceLayer.KmdfLibrary, "ReaderStopped", pipe.Name, "the pipe's target is stopped: no reads are pending, the data is not read");
                continue;
            }
            if (pipe.ReadersIdle)
            {
                Note(TraceLayer.KmdfLibrary, "ReadersNotRestarted", pipe.Name, "the readers failed and were not restarted: no reads are pending, the data is not read");
                continue;
            }
            for (var i = 0; i < count; i++)
            {
                var ctx = new ExecutionContext($"EvtUsbTargetPipeReadComplete#{node.Number}", node.Number, Irql.DispatchLevel);
                InvokeCallback("EvtUsbTargetPipeReadComplete", "EvtUsbTargetPipeReadComplete", pipe.Name, pipe.Reader!.EvtUsbTargetPipeReadComplete, ctx, returnsStatus: false, fallible: false,
                    detail: "from the read's completion routine; the framework then re-sends the read from a DPC");
            }
        }
        _recorder.Leave();
    }

    /// <summary>
    /// §5 items 11–13: a read of each started reader completes with an error. Cancellation does nothing; otherwise the
    /// framework's work item waits for every reader to be idle, calls EvtUsbTargetPipeReadersFailed (or restarts by
    /// default), and resets the pipe and sends all the reads again only if asked to and the device is still connected.
    /// </summary>
    private void ReadsFail(DeviceNode node, NtStatus status, bool disconnected)
    {
        if (PostedReaders(node, "ReadsFail") is not { } readers) return;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "ReadsFail", "IoCompleteRequest", node.Object?.Name,
            detail: $"a read on each posted continuous reader completes with {status}{(disconnected ? "; the device is no longer on the bus" : "")}");
        _recorder.Enter();
        foreach (var pipe in readers) ReaderFailed(node, pipe, status, disconnected);
        _recorder.Leave();
    }

    private void ReaderFailed(DeviceNode node, FxObject pipe, NtStatus status, bool disconnected)
    {
        var reader = pipe.Reader!;
        if (!pipe.TargetStarted || pipe.ReadersIdle)
        {
            Note(TraceLayer.KmdfLibrary, "NoReadsPending", pipe.Name, "no reads are pending on this pipe: nothing can fail");
            return;
        }
        if (status == NtStatus.Cancelled)
        {
            Note(TraceLayer.KmdfLibrary, "ReadCancelled", pipe.Name, "STATUS_CANCELLED (a stop or a removal): the framework does nothing");
            return;
        }
        var n = reader.EffectivePendingReads;
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "QueueReadersFailedWorkItem", "FxUsbPipeContinuousReader::QueueWorkItemLocked", pipe.Name,
            detail: $"the target is started: a work item is queued; the other {n - 1} of {n} reads are not sent again, and the work item waits until all {n} are idle");
        bool restart;
        if (reader.EvtUsbTargetPipeReadersFailed is { } failed)
        {
            restart = reader.RestartReaders;
            var ctx = new ExecutionContext($"EvtUsbTargetPipeReadersFailed#{node.Number}", node.Number, Irql.PassiveLevel);
            InvokeCallback("EvtUsbTargetPipeReadersFailed", "EvtUsbTargetPipeReadersFailed", pipe.Name, failed, ctx, returnsStatus: false, fallible: false,
                detail: $"Status = {status}; no read is in progress; returns {(restart ? "TRUE (restart)" : "FALSE (do not restart)")}");
        }
        else
        {
            restart = true;
            Note(TraceLayer.KmdfLibrary, "DefaultRestart", pipe.Name, "no EvtUsbTargetPipeReadersFailed registered: the framework restarts the readers by default");
        }
        if (restart && !disconnected)
        {
            Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "RestartReaders", "FxUsbPipeRequestWorkItemHandler", pipe.Name,
                detail: $"the device is connected: the pipe is reset (the device, if its port is disabled) and all {n} reads are sent again");
            return;
        }
        pipe.ReadersIdle = true;
        Note(TraceLayer.KmdfLibrary, "ReadersNotRestarted", pipe.Name, (restart ? "the device is not connected, so" : "the callback returned FALSE, so")
            + " the reads are not sent again: the reader stays idle until the driver stops and restarts the pipe's target");
    }

    private IEnumerable<FxObject> ReadersOf(DeviceNode node) => _objects.ReadersOf(node.Number);

    private bool RequireStarted(DeviceNode node, string label)
    {
        if (node.State == DeviceState.Started) return true;
        Note(TraceLayer.IoManager, $"DeviceNotStarted({label})", DeviceLabel(node.Number), $"{DeviceLabel(node.Number)} is not started ({node.State.ToString().ToLowerInvariant()}): nothing happens");
        return false;
    }
}
