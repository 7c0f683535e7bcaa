namespace DriverNotebooks.Kmdf;

/// <summary>Runs scenarios through the KMDF lifecycle model.</summary>
/// <remarks>
/// Deterministic: the same scenario and options always give the same <see cref="RunResult"/>.
/// When a parent object is deleted, its children are visited in creation order, as the framework source does; the
/// framework does not promise any order between siblings (WdfObjectDelete: "not predictable"), so neither should
/// drivers or tests rely on it. Only children-before-parent cleanup and destroy-after-cleanup are framework rules.
/// </remarks>
public static class LifecycleSimulator
{
    /// <summary>Loads the driver, plays the scenario's events, and reports the trace, ledger findings, diagnostics and outcome.</summary>
    public static RunResult Run(Scenario scenario, SimulationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return LifecycleRun.Execute(scenario, options ?? SimulationOptions.Default);
    }

    /// <summary>Runs with the given step ids failing with STATUS_INSUFFICIENT_RESOURCES.</summary>
    public static RunResult Run(Scenario scenario, params string[] failingSteps)
    {
        var options = failingSteps.Aggregate(SimulationOptions.Default, (o, id) => o.Failing(id));
        return Run(scenario, options);
    }
}
