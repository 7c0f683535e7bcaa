namespace DriverNotebooks.Kmdf;

/// <summary>
/// Fluent builder for a <see cref="Scenario"/>: the driver's code, then what happens to it.
/// <code>
/// Scenario.Named("my-driver")
///     .DriverEntry(e => e
///         .WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBuffer")))
///         .Allocate("gBuffer"))
///     .DeviceArrives().RemoveDevice(1).Unload()
///     .Build();
/// </code>
/// </summary>
public sealed class ScenarioBuilder
{
    private readonly string _name;
    private readonly List<ScenarioEvent> _events = [];
    private readonly List<InjectedFailure> _failures = [];
    private string? _title;
    private string? _description;
    private Body _driverEntry = Body.Empty("$.driverEntry");

    internal ScenarioBuilder(string name) => _name = name;

    /// <summary>One-line title.</summary>
    public ScenarioBuilder Titled(string title) { _title = title; return this; }

    /// <summary>One paragraph: what the scenario shows.</summary>
    public ScenarioBuilder Described(string description) { _description = description; return this; }

    /// <summary>The client DriverEntry, from which every callback is registered.</summary>
    public ScenarioBuilder DriverEntry(Action<CodeBuilder> code) { _driverEntry = CodeBuilder.Build("$.driverEntry", code); return this; }

    private ScenarioBuilder Event(ScenarioEventKind kind, int device = 0, int count = 1)
    {
        _events.Add(new ScenarioEvent(kind, device, count, $"$.events[{_events.Count}]"));
        return this;
    }

    /// <summary>Devices are enumerated (AddDevice + START); they are numbered 1, 2, … in arrival order.</summary>
    public ScenarioBuilder DeviceArrives(int count = 1) => Event(ScenarioEventKind.DeviceArrives, 0, count);

    /// <summary>Orderly removal of device <paramref name="device"/>: query-remove (may be vetoed), then remove.</summary>
    public ScenarioBuilder RemoveDevice(int device) => Event(ScenarioEventKind.Remove, device);

    /// <summary>Surprise removal of device <paramref name="device"/>, then remove.</summary>
    public ScenarioBuilder SurpriseRemoveDevice(int device) => Event(ScenarioEventKind.SurpriseRemove, device);

    /// <summary>Device <paramref name="device"/> idles from D0 into Dx.</summary>
    public ScenarioBuilder IdleDevice(int device) => Event(ScenarioEventKind.Idle, device);

    /// <summary>Device <paramref name="device"/> returns to D0.</summary>
    public ScenarioBuilder WakeDevice(int device) => Event(ScenarioEventKind.Wake, device);

    /// <summary>Each started continuous reader of device <paramref name="device"/> completes <paramref name="count"/> reads.</summary>
    public ScenarioBuilder ReadsComplete(int device, int count = 1) => Event(ScenarioEventKind.ReadsComplete, device, count);

    /// <summary>
    /// A read of each started continuous reader of device <paramref name="device"/> fails with <paramref name="status"/>
    /// (default STATUS_UNSUCCESSFUL; STATUS_DEVICE_NOT_CONNECTED when <paramref name="disconnected"/>).
    /// </summary>
    public ScenarioBuilder ReadsFail(int device, NtStatus? status = null, bool disconnected = false)
    {
        _events.Add(new ScenarioEvent(ScenarioEventKind.ReadsFail, device, 1, $"$.events[{_events.Count}]", status, disconnected));
        return this;
    }

    /// <summary>The system unloads the driver (only happens once all its PnP devices are gone).</summary>
    public ScenarioBuilder Unload() => Event(ScenarioEventKind.Unload);

    /// <summary>Makes a step fail every time this scenario runs (e.g. <c>DriverEntry.Call(ReadRegistry)</c>).</summary>
    public ScenarioBuilder Failing(string stepId, NtStatus? status = null)
    {
        _failures.Add(new InjectedFailure(stepId, status ?? NtStatus.InsufficientResources));
        return this;
    }

    /// <summary>Validates and returns the scenario; throws <see cref="ScenarioFormatException"/> naming the offending step.</summary>
    public Scenario Build() => Scenario.Create(_name, _title, _description, _driverEntry, _events.ToArray(), _failures.ToArray());

    public static implicit operator Scenario(ScenarioBuilder builder) => builder.Build();
}
