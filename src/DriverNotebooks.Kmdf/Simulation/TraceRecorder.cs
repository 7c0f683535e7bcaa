namespace DriverNotebooks.Kmdf;

/// <summary>
/// The trace of one run: ordered events, how deeply the current one is nested, and why the DDI being traced
/// failed. Sequence numbers advance even when events are not kept, so a trace-less run numbers nothing differently.
/// A run that would pass <see cref="ScenarioLimits.MaxTraceEvents"/> stops with a <see cref="ScenarioFormatException"/>.
/// </summary>
internal sealed class TraceRecorder(bool record, string scenario)
{
    private readonly List<TraceEvent> _events = new(capacity: record ? 128 : 0);
    private int _sequence;

    /// <summary>Why the DDI being traced failed; set through <see cref="Fail"/>, consumed by <see cref="SetStatus"/>.</summary>
    private string? _failureReason;

    /// <summary>Call nesting depth of the next event.</summary>
    public int Depth { get; private set; }

    /// <summary>The next events are nested one level deeper (a callee of the last one).</summary>
    public void Enter() => Depth++;

    /// <summary>Back out one level.</summary>
    public void Leave() => Depth--;

    public int Emit(TraceLayer layer, TraceEventKind kind, string label, string routine, string? obj, Irql irql, NtStatus? status, string? detail)
    {
        var index = _sequence++;
        if (index >= ScenarioLimits.MaxTraceEvents)
        {
            throw new ScenarioFormatException("$", $"a run of this scenario passes {ScenarioLimits.Format(ScenarioLimits.MaxTraceEvents)} trace events; allowed: at most {ScenarioLimits.Format(ScenarioLimits.MaxTraceEvents)} per run (ScenarioLimits.MaxTraceEvents): fewer devices, read completions or steps in callbacks", scenarioName: scenario);
        }
        if (record) _events.Add(new TraceEvent(index, layer, kind, label, routine, obj, irql, status, detail, Depth));
        return index;
    }

    /// <summary>Records why a DDI fails, for its trace event, and returns the status.</summary>
    public NtStatus Fail(NtStatus status, string reason)
    {
        _failureReason = reason;
        return status;
    }

    /// <summary>Fills in the status a traced call returned (and the reason given by <see cref="Fail"/>, if any).</summary>
    public void SetStatus(int index, NtStatus status)
    {
        var reason = _failureReason;
        _failureReason = null;
        if (!record) return;
        var e = _events[index];
        e.Status = status;
        if (reason is not null) e.Detail = reason;
    }

    /// <summary>How many events the run produced, kept or not.</summary>
    public int Count => _sequence;

    public TraceEvent[] ToArray() => _events.ToArray();
}
