using DriverNotebooks.Kmdf;

namespace DriverNotebooks;

/// <summary>A KMDF run together with the scenario it ran, so its display can show the scenario's title and story.</summary>
public sealed record LifecycleReport(Scenario Scenario, RunResult Run);
