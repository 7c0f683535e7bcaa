namespace DriverNotebooks.Kmdf;

/// <summary>The KMDF library's driver-level code: WdfDriverCreate (§1.2), FxDriver::Unload (§1.3), WdfDriverMiniportUnload (§2).</summary>
internal sealed partial class LifecycleRun
{
    // FX_DRIVER_GLOBALS and FxDriver state.
    private FxObject? _driver;
    private WdfDriverCreateStep? _driverStep;
    private Body? _storedUnload;
    private Body? _storedDeviceAdd;
    private bool _displaceDriverUnload;

    private bool _wdfDriverCreated;
    private bool _evtDriverUnloadRan;
    private bool _driverCleanupRan;

    private NtStatus WdfDriverCreate(WdfDriverCreateStep step, ExecutionContext ctx) =>
        TracedCall("WdfDriverCreate", "WdfDriverCreate", step.ObjectName, ctx, () => WdfDriverCreateCore(step, ctx));

    private NtStatus WdfDriverCreateCore(WdfDriverCreateStep step, ExecutionContext ctx)
    {
        if (_wdfDriverCreated)
        {
            return Fail(NtStatus.DriverInternalError, "WdfDriverCreate can only be called one time per driver");
        }
        if (step.Mode == DriverMode.NonPnp && step.EvtDriverDeviceAdd is not null)
        {
            return Fail(NtStatus.InvalidParameter, "WdfDriverInitNonPnpDriver with an EvtDriverDeviceAdd is invalid; rejected before any FxDriver is allocated");
        }
        if (step.Parent is not null)
        {
            return Fail(NtStatus.WdfParentAssignmentNotAllowed, "the WDFDRIVER is the top of the tree: no parent allowed (FX_VALIDATE_OPTION_PARENT_NOT_ALLOWED)");
        }
        if (ShouldFail(step.LocalId, out var injected))
        {
            Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "FxObject::DeleteFromFailedCreate", "FxObject::DeleteFromFailedCreate", step.ObjectName,
                detail: "callbacks cleared first: the WDFDRIVER's EvtCleanupCallback and EvtDestroyCallback will never run; Driver stays NULL");
            return injected;
        }

        var driver = new FxObject(step.ObjectName, WdfObjectType.Driver, null, 0, step.EvtCleanupCallback, step.EvtDestroyCallback);
        RegisterObject(driver, ctx);
        _driver = driver;
        _driverStep = step;
        _wdfDriverCreated = true;
        var miniport = step.Mode == DriverMode.NoDispatchOverride;
        _storedDeviceAdd = miniport ? null : step.EvtDriverDeviceAdd;
        _storedUnload = !miniport || Semantics == Semantics.Docs ? step.EvtDriverUnload : null;
        _displaceDriverUnload = step.Mode == DriverMode.Pnp || step.EvtDriverUnload is not null;

        string wiring;
        switch (step.Mode)
        {
            case DriverMode.Pnp:
                _driverUnload = new FxDriverUnloadRoutine();
                _addDevice = AddDeviceOwner.Framework;
                _addDeviceClass = null;
                wiring = "AddDevice = FxDriver::AddDevice, DriverUnload = FxDriver::Unload, every IRP_MJ dispatch → FxDevice::Dispatch";
                break;
            case DriverMode.NonPnp:
                _driverUnload = step.EvtDriverUnload is null ? null : new FxDriverUnloadRoutine();
                _addDevice = AddDeviceOwner.None;
                _addDeviceClass = null;
                wiring = step.EvtDriverUnload is null
                    ? "non-PnP: AddDevice = NULL; no EvtDriverUnload, so DriverUnload = NULL: the driver cannot be unloaded"
                    : "non-PnP: AddDevice = NULL, DriverUnload = FxDriver::Unload";
                break;
            default:
                wiring = "NoDispatchOverride: no dispatch, AddDevice or DriverUnload installed; EvtDriverDeviceAdd "
                    + (Semantics == Semantics.Docs ? "not stored; EvtDriverUnload stored (docs semantics)" : "and EvtDriverUnload not stored");
                break;
        }
        Note(TraceLayer.KmdfLibrary, "FxDriver::Initialize", step.ObjectName, $"{wiring}; DisplaceDriverUnload = {(_displaceDriverUnload ? "TRUE" : "FALSE")}");
        return NtStatus.Success;
    }

    /// <summary>§1.3 FxDriver::Unload: EvtDriverUnload (if stored), delete the WDFDRIVER, Driver = NULL.</summary>
    private void FxDriverUnload()
    {
        if (_inUnload) _unloadChain.Add("FxDriver::Unload");
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "FxDriver::Unload", "FxDriver::Unload", _driver?.Name,
            detail: "EvtDriverUnload (if stored), then deletes the WDFDRIVER");
        if (_driver is not { } driver || driver.DeletePending)
        {
            Diagnose(DiagnosticCode.NoDriverObject, "FxDriver::Unload", "no WDFDRIVER: already unloaded (or being deleted), or never created");
            return;
        }
        _recorder.Enter();
        if (_storedUnload is { } unload)
        {
            _evtDriverUnloadRan = true;
            InvokeCallback("EvtDriverUnload", "EvtDriverUnload", driver.Name, unload, ExecutionContext.Driver("EvtDriverUnload"), returnsStatus: false, fallible: false);
        }
        else if (_driverStep?.EvtDriverUnload is not null)
        {
            Note(TraceLayer.KmdfLibrary, "UnloadCallbackNotStored", driver.Name, "registered but not stored (NoDispatchOverride mode): not called");
        }
        DeleteObject(driver, ExecutionContext.Driver("FxDriver::Unload"));
        _driver = null;
        _recorder.Leave();
    }

    /// <summary>§2 WdfDriverMiniportUnload: through FxStubDriverMiniportUnload (which also unbinds) when the stub redirected it.</summary>
    private void WdfDriverMiniportUnload(ExecutionContext ctx)
    {
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, "WdfDriverMiniportUnload", "WdfDriverMiniportUnload", _driver?.Name, ctx.Irql);
        _recorder.Enter();
        if (_driver is null)
        {
            Diagnose(DiagnosticCode.MisusedMiniportUnload, ctx.Routine, "WdfDriverMiniportUnload without a WDFDRIVER (never created, or already unloaded)");
            Note(TraceLayer.KmdfLibrary, "InvalidHandle", null, "no WDFDRIVER: the call is ignored");
        }
        else if (_driverStep?.Mode != DriverMode.NoDispatchOverride)
        {
            Diagnose(DiagnosticCode.MisusedMiniportUnload, ctx.Routine, "WdfDriverMiniportUnload is for drivers created with WdfDriverInitNoDispatchOverride");
            Note(TraceLayer.KmdfLibrary, "NotMiniportMode", _driver.Name, "not a miniport-mode driver: not modelled further");
        }
        else if (_miniportRedirect)
        {
            if (_inUnload) _unloadChain.Add("FxStubDriverMiniportUnload");
            Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "FxStubDriverMiniportUnload", "FxStubDriverMiniportUnload", null,
                detail: "the stub's redirect: the library's WdfDriverMiniportUnload, then FxStubDriverUnloadCommon");
            _recorder.Enter();
            FxDriverUnload();
            StubUnloadCommon();
            _recorder.Leave();
        }
        else
        {
            FxDriverUnload();
        }
        _recorder.Leave();
    }
}
