namespace DriverNotebooks.Kmdf;

/// <summary>
/// One run of a scenario through the layered model: I/O manager → KMDF stub → KMDF library → driver code,
/// with the WDF object tree and the resource ledger underneath. Knows no specific scenario.
/// </summary>
/// <remarks>Split by layer: <c>.Loader</c> (I/O manager and stub), <c>.Library</c> (WdfDriverCreate, FxDriver::Unload,
/// unbinding), <c>.Code</c> (driver steps), <c>.Objects</c> (object tree walks), <c>.Ledger</c> (resource steps), <c>.Pnp</c>
/// (devices). The mutable state with rules of its own has one owner each: <see cref="ResourceLedger"/> (allocations and
/// findings), <see cref="ObjectTree"/> (framework objects by name) and <see cref="TraceRecorder"/> (events, depth, status).</remarks>
internal sealed partial class LifecycleRun
{
    private readonly Scenario _scenario;
    private readonly SimulationOptions _options;
    private readonly Dictionary<string, NtStatus> _failures = new(StringComparer.Ordinal);
    private readonly List<InjectedFailure> _failureList = [];
    private readonly TraceRecorder _recorder;
    private readonly List<VerifierDiagnostic> _diagnostics = [];
    private readonly List<string> _reached = [];
    private readonly HashSet<string> _reachedSet = new(StringComparer.Ordinal);
    private readonly List<string> _unloadChain = [];

    private LifecycleRun(Scenario scenario, SimulationOptions options)
    {
        _scenario = scenario;
        _options = options;
        _recorder = new TraceRecorder(options.RecordTrace, scenario.Name);
        var all = options.ApplyScenarioFailures ? scenario.Failures.Concat(options.Failures) : options.Failures;
        foreach (var f in all)
        {
            if (_failures.TryAdd(f.StepId, f.Status)) _failureList.Add(f);
            else
            {
                _failures[f.StepId] = f.Status;
                _failureList[_failureList.FindIndex(x => x.StepId == f.StepId)] = f;
            }
        }
    }

    public static RunResult Execute(Scenario scenario, SimulationOptions options)
    {
        var run = new LifecycleRun(scenario, options);
        run.LoadDriver();
        foreach (var e in scenario.Events) run.Handle(e);
        return run.Result();
    }

    private Semantics Semantics => _options.Semantics;

    private void Handle(ScenarioEvent e)
    {
        if (!_imageLoaded)
        {
            Note(TraceLayer.IoManager, $"Ignored({Describe(e)})", e.Device > 0 ? DeviceLabel(e.Device) : null, "the driver image is not loaded; nothing happens");
            return;
        }
        switch (e.Kind)
        {
            case ScenarioEventKind.DeviceArrives:
                for (var i = 0; i < e.Count; i++) DeviceArrives();
                break;
            case ScenarioEventKind.Remove: RemoveDevice(_devices[e.Device - 1]); break;
            case ScenarioEventKind.SurpriseRemove: SurpriseRemoveDevice(_devices[e.Device - 1]); break;
            case ScenarioEventKind.Idle: IdleDevice(_devices[e.Device - 1]); break;
            case ScenarioEventKind.Wake: WakeDevice(_devices[e.Device - 1]); break;
            case ScenarioEventKind.ReadsComplete: ReadsComplete(_devices[e.Device - 1], e.Count); break;
            case ScenarioEventKind.ReadsFail: ReadsFail(_devices[e.Device - 1], e.ReadStatus, e.Disconnected); break;
            case ScenarioEventKind.Unload: UnloadDriver(); break;
        }
    }

    private static string Describe(ScenarioEvent e) => e.Kind switch
    {
        ScenarioEventKind.DeviceArrives => "AddDevice",
        ScenarioEventKind.Remove => "IRP_MN_QUERY_REMOVE_DEVICE",
        ScenarioEventKind.SurpriseRemove => "IRP_MN_SURPRISE_REMOVAL",
        ScenarioEventKind.Idle or ScenarioEventKind.Wake => "IRP_MN_SET_POWER",
        ScenarioEventKind.ReadsComplete => "ReadsComplete",
        ScenarioEventKind.ReadsFail => "ReadsFail",
        _ => "DriverUnload",
    };

    private static string DeviceLabel(int n) => $"device {n}";

    // ---- fault injection -------------------------------------------------------------------------

    /// <summary>Records that a fallible step was reached and says whether it is to fail.</summary>
    private bool ShouldFail(string stepId, out NtStatus status)
    {
        if (_reachedSet.Add(stepId)) _reached.Add(stepId);
        return _failures.TryGetValue(stepId, out status);
    }

    // ---- trace ------------------------------------------------------------------------------------

    private int Emit(TraceLayer layer, TraceEventKind kind, string label, string routine, string? obj, Irql irql = Irql.PassiveLevel, NtStatus? status = null, string? detail = null) =>
        _recorder.Emit(layer, kind, label, routine, obj, irql, status, detail);

    private void Note(TraceLayer layer, string label, string? obj, string detail) =>
        Emit(layer, TraceEventKind.Note, label, label, obj, Irql.PassiveLevel, null, detail);

    private void SetStatus(int index, NtStatus status) => _recorder.SetStatus(index, status);

    /// <summary>Records why a DDI fails, for its trace event, and returns the status.</summary>
    private NtStatus Fail(NtStatus status, string reason) => _recorder.Fail(status, reason);

    private void Diagnose(DiagnosticCode code, string where, string message) => _diagnostics.Add(new VerifierDiagnostic(code, where, message));

    /// <summary>
    /// Traces a DDI the driver calls, runs its implementation one level deeper, and records the status it returned
    /// (with the reason, when the implementation gave one through <see cref="Fail"/>).
    /// </summary>
    private NtStatus TracedCall(string label, string routine, string? obj, ExecutionContext ctx, Func<NtStatus> implementation, string? detail = null)
    {
        var index = Emit(TraceLayer.KmdfLibrary, TraceEventKind.Call, label, routine, obj, ctx.Irql, null, detail);
        _recorder.Enter();
        var status = implementation();
        _recorder.Leave();
        SetStatus(index, status);
        return status;
    }

    /// <summary>
    /// Calls driver code: traces the callback, runs the body one level deeper, and (for callbacks that return an
    /// NTSTATUS and can fail) applies an injected failure after the body ran.
    /// </summary>
    private NtStatus InvokeCallback(string label, string routine, string? obj, Body body, ExecutionContext ctx, bool returnsStatus, bool fallible, string? detail = null)
    {
        var index = Emit(TraceLayer.Driver, TraceEventKind.Callback, label, routine, obj, ctx.Irql, null, detail);
        _recorder.Enter();
        var status = Exec(body, ctx);
        if (fallible && ShouldFail(ctx.Routine, out var injected) && status.IsSuccess) status = injected;
        _recorder.Leave();
        if (returnsStatus) SetStatus(index, status);
        return returnsStatus ? status : NtStatus.Success;
    }

    private RunResult Result()
    {
        var outstanding = _imageLoaded ? _ledger.Outstanding() : [];
        var reached = _reachedSet;
        return new RunResult
        {
            Scenario = _scenario.Name,
            Options = _options,
            Failures = _failureList.ToArray(),
            Trace = _recorder.ToArray(),
            TraceEventCount = _recorder.Count,
            Findings = _ledger.Findings.ToArray(),
            Diagnostics = _diagnostics.ToArray(),
            Outstanding = outstanding,
            FallibleSteps = _reached.ToArray(),
            UnreachedFailures = _failureList.Where(f => !reached.Contains(f.StepId)).Select(f => f.StepId).ToArray(),
            Outcome = new RunOutcome(
                _driverEntryStatus,
                _wdfDriverCreated,
                _evtDriverUnloadRan,
                _driverCleanupRan,
                _driverUnloadCalled,
                !_imageLoaded && _driverEntryStatus is not null,
                !_bound && _driverEntryStatus is not null,
                _devicesStarted,
                _devices.Count(d => d.State == DeviceState.Started),
                _unloadChain.ToArray()),
        };
    }
}
