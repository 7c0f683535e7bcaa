namespace DriverNotebooks.Kmdf;

/// <summary>
/// A validated, immutable scenario: the shape of a driver's DriverEntry and callbacks (all reachable from
/// <see cref="DriverEntry"/>), the events that happen to it, and failures it scripts.
/// Build one with <see cref="Named"/>, load one with <see cref="ScenarioJson"/>, or take a built-in from <see cref="BuiltInScenarios"/>.
/// </summary>
public sealed class Scenario
{
    private Scenario(string name, string title, string description, Body driverEntry, IReadOnlyList<ScenarioEvent> events, IReadOnlyList<InjectedFailure> failures)
    {
        Name = name;
        Title = title;
        Description = description;
        DriverEntry = driverEntry;
        Events = events;
        Failures = failures;
    }

    /// <summary>Starts a scenario builder: <c>Scenario.Named("my-driver").DriverEntry(e => …).DeviceArrives().Unload()</c>.</summary>
    public static ScenarioBuilder Named(string name) => new(name);

    /// <summary>Stable kebab-case name.</summary>
    public string Name { get; }

    /// <summary>One-line title.</summary>
    public string Title { get; }

    /// <summary>One paragraph: what the scenario shows and what to look for.</summary>
    public string Description { get; }

    /// <summary>The client DriverEntry. Every callback is registered from here (WdfDriverCreate, WdfDeviceCreate…).</summary>
    public Body DriverEntry { get; }

    /// <summary>What happens after load, in order.</summary>
    public IReadOnlyList<ScenarioEvent> Events { get; }

    /// <summary>Steps this scenario makes fail every time it runs (on top of any injected by the run's options).</summary>
    public IReadOnlyList<InjectedFailure> Failures { get; }

    /// <summary>Validates the parts and assigns step ids; throws <see cref="ScenarioFormatException"/> on the first problem.</summary>
    internal static Scenario Create(string name, string? title, string? description, Body driverEntry, IReadOnlyList<ScenarioEvent> events, IReadOnlyList<InjectedFailure> failures)
    {
        ScenarioValidator.Validate(name, driverEntry, events, failures);
        return new Scenario(name, string.IsNullOrWhiteSpace(title) ? name : title, description ?? "", driverEntry, events, failures);
    }

    public override string ToString() => $"{Name}: {Title}";
}
