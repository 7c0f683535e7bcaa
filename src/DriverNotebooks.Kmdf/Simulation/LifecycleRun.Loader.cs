namespace DriverNotebooks.Kmdf;

/// <summary>The I/O manager and the KMDF stub: load, DriverEntry, displacement of DriverUnload, unload.</summary>
internal sealed partial class LifecycleRun
{
    private const string DriverGlobals = "FX_DRIVER_GLOBALS";
    private const string LibraryReference = "KmdfLibraryReference";

    private bool _imageLoaded;
    private NtStatus? _driverEntryStatus;
    private bool _bound;
    private bool _driverUnloadCalled;

    // DRIVER_OBJECT fields that matter.
    private UnloadRoutine? _driverUnload;
    private AddDeviceOwner _addDevice = AddDeviceOwner.None;
    private ClassDriver? _addDeviceClass;

    /// <summary>Whose routine DriverObject->DriverExtension->AddDevice is.</summary>
    private enum AddDeviceOwner
    {
        None,
        Framework,
        ClassDriver,
    }

    // Stub state.
    private UnloadRoutine? _displaced;
    private bool _miniportRedirect;

    /// <summary>§1.1: the I/O manager calls FxDriverEntry; the stub binds, calls DriverEntry, then displaces or unbinds.</summary>
    private void LoadDriver()
    {
        _imageLoaded = true;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "LoadImage", "IopLoadDriver", "DRIVER_OBJECT", detail: "calls the image entry point, the stub's FxDriverEntry");
        Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "FxDriverEntry", "FxDriverEntryWorker", null, detail: "copies RegistryPath, binds to the library, then calls DriverEntry");
        _recorder.Enter();
        Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "WdfVersionBind", "WdfVersionBind", null, detail: "FxLibraryCommonRegisterClient allocates FX_DRIVER_GLOBALS (zero-filled)");
        _ledger.Add(DriverGlobals, ResourceKind.FrameworkInternal, "WdfVersionBind", null);
        _ledger.Add(LibraryReference, ResourceKind.FrameworkInternal, "WdfVersionBind", null);
        _bound = true;

        var ctx = ExecutionContext.Driver("DriverEntry");
        var status = InvokeCallback("DriverEntry", "DriverEntry", "DRIVER_OBJECT", _scenario.DriverEntry, ctx, returnsStatus: true, fallible: true);
        _driverEntryStatus = status;

        if (status.IsSuccess)
        {
            if (_driver is null)
                Diagnose(DiagnosticCode.SuccessWithoutDriver, "DriverEntry",
                    "DriverEntry returned success but no WDFDRIVER exists; framework calls are invalid from here on (kmdf-lifecycle.md §1.4, last row)");
            DisplaceDriverUnload();
            _recorder.Leave();
            return;
        }

        Note(TraceLayer.KmdfStub, "DriverEntryFailed", null,
            $"the stub prints \"DriverEntry failed {status.Hex} for driver …\" ({status}), then unbinds; DriverUnload is neither touched nor called");
        StubUnloadCommon();
        _recorder.Leave();
        UnloadImage("DriverEntry failed");
    }

    /// <summary>§1.1 step 3, sampled after DriverEntry returned: whatever DriverUnload holds now is what gets saved.</summary>
    private void DisplaceDriverUnload()
    {
        if (_displaceDriverUnload)
        {
            _displaced = _driverUnload;
            _driverUnload = new FxStubDriverUnloadRoutine();
            Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "DisplaceDriverUnload", "FxDriverEntryWorker", "DRIVER_OBJECT",
                detail: $"DisplaceDriverUnload is set: saves DriverUnload ({_displaced?.Name ?? "NULL"}) and installs FxStubDriverUnload");
        }
        else if (_driverStep?.Mode == DriverMode.NoDispatchOverride && _driver is not null)
        {
            _miniportRedirect = true;
            Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "RedirectMiniportUnload", "FxDriverEntryWorker", null,
                detail: "miniport mode without EvtDriverUnload: WdfDriverMiniportUnload now goes through FxStubDriverMiniportUnload, which also unbinds");
        }
    }

    /// <summary>FxStubDriverUnloadCommon → WdfVersionUnbind → FxLibraryCommonUnregisterClient (§1.1 step 5).</summary>
    private void StubUnloadCommon()
    {
        if (_inUnload) _unloadChain.Add("FxStubDriverUnloadCommon");
        Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "FxStubDriverUnloadCommon", "FxStubDriverUnloadCommon", null, detail: "unbinds class extensions, then WdfVersionUnbind");
        _recorder.Enter();
        if (_bound) UnregisterClient();
        else Note(TraceLayer.KmdfStub, "AlreadyUnbound", null, "the stub already unbound");
        _recorder.Leave();
    }

    /// <summary>The library side of unbinding: delete the WDFDRIVER if it still exists, free the client's globals.</summary>
    private void UnregisterClient()
    {
        Emit(TraceLayer.KmdfLibrary, TraceEventKind.Action, "FxLibraryCommonUnregisterClient", "FxLibraryCommonUnregisterClient", _driver?.Name,
            detail: _driver is not null ? "Driver != NULL: deletes the WDFDRIVER, then frees the globals" : "Driver == NULL: nothing to delete; frees the globals");
        _recorder.Enter();
        if (_driver is { DeletePending: false } driver) DeleteObject(driver, ExecutionContext.Driver("FxLibraryCommonUnregisterClient"));
        _driver = null;
        _ledger.FreeFramework(DriverGlobals, "WdfVersionUnbind");
        _ledger.FreeFramework(LibraryReference, "WdfVersionUnbind");
        _bound = false;
        _recorder.Leave();
    }

    /// <summary>The I/O manager's unload: only once every PnP device is gone, and only if DriverUnload is set.</summary>
    private void UnloadDriver()
    {
        var present = _devices.Count(d => d.State == DeviceState.Started);
        if (present > 0)
        {
            Note(TraceLayer.IoManager, "DriverUnloadDeferred", "DRIVER_OBJECT", $"not called: {present} device(s) still present; DriverUnload comes only after all the driver's devices are removed");
            return;
        }
        if (_driverUnload is null)
        {
            Note(TraceLayer.IoManager, "DriverUnloadIsNull", "DRIVER_OBJECT", "DriverObject->DriverUnload is NULL: the driver cannot be unloaded");
            return;
        }
        _driverUnloadCalled = true;
        _inUnload = true;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "DriverUnload", "DriverUnload", "DRIVER_OBJECT", detail: $"calls DriverObject->DriverUnload = {_driverUnload.Name}");
        _recorder.Enter();
        InvokeUnload(_driverUnload, ExecutionContext.Driver("DriverUnload"));
        _recorder.Leave();
        _inUnload = false;
        UnloadImage("DriverUnload returned");
    }

    private bool _inUnload;

    private void InvokeUnload(UnloadRoutine routine, ExecutionContext ctx)
    {
        if (routine is not FxDriverUnloadRoutine) _unloadChain.Add(routine.Name); // FxDriverUnload records itself
        switch (routine)
        {
            case FxStubDriverUnloadRoutine:
                Emit(TraceLayer.KmdfStub, TraceEventKind.Action, "FxStubDriverUnload", "FxStubDriverUnload", null,
                    detail: $"calls the displaced routine ({_displaced?.Name ?? "NULL"}) first, then FxStubDriverUnloadCommon");
                _recorder.Enter();
                if (_displaced is { } displaced and not FxStubDriverUnloadRoutine) InvokeUnload(displaced, ctx);
                StubUnloadCommon();
                _recorder.Leave();
                break;
            case FxDriverUnloadRoutine:
                FxDriverUnload();
                break;
            case ClassUnloadRoutine c:
                Emit(TraceLayer.ClassDriver, TraceEventKind.Action, c.Name, c.Name, null,
                    detail: c.MiniportDriverUnload is null ? "the class driver's own unload" : "NDIS calls the miniport's MiniportDriverUnload");
                if (c.MiniportDriverUnload is { } mu)
                {
                    _recorder.Enter();
                    InvokeCallback("MiniportDriverUnload", "MiniportDriverUnload", null, mu, ExecutionContext.Driver("MiniportDriverUnload"), returnsStatus: false, fallible: false);
                    _recorder.Leave();
                }
                break;
            case DriverUnloadRoutine r:
                InvokeCallback(r.Routine, r.Routine, "DRIVER_OBJECT", r.Body, ExecutionContext.Driver(r.Routine) with { Hook = r }, returnsStatus: false, fallible: false);
                break;
        }
    }

    private void UnloadImage(string why)
    {
        _imageLoaded = false;
        Emit(TraceLayer.IoManager, TraceEventKind.Action, "UnloadImage", "MmUnloadSystemImage", "DRIVER_OBJECT", detail: $"{why}: the driver image is unloaded");
        _ledger.CheckLeaksAtImageUnload();
    }
}
