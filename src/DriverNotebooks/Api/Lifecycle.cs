using DriverNotebooks.Kmdf.Scan;
using DriverNotebooks.Commands.Kmdf;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks;

/// <summary>
/// The KMDF lifecycle simulator for notebook code: describe a driver's shape with <see cref="Scenario(string)"/>,
/// then <c>Run</c> it, sweep its failure points with <see cref="Faults"/>, or build the pattern matrix.
/// Every result displays as a verdict, key numbers and a chart. The magic-command form is <c>#!kmdf-lifecycle</c>.
/// </summary>
/// <example>
/// <code>
/// var driver = Lifecycle.Scenario("my-driver")
///     .DriverEntry(e => e
///         .WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBuffer")))
///         .Allocate("gBuffer")
///         .Call("ReadRegistry"))
///     .Unload();
/// Lifecycle.Run(driver, "DriverEntry.Call(ReadRegistry)")
/// </code>
/// </example>
public static class Lifecycle
{
    /// <summary>Starts describing a driver: its DriverEntry, callbacks, devices and the events it goes through.</summary>
    public static ScenarioBuilder Scenario(string name) => Kmdf.Scenario.Named(name);

    /// <summary>A built-in scenario by name (see <see cref="BuiltIns"/>).</summary>
    public static Scenario BuiltIn(string name) => BuiltInScenarios.Get(name);

    /// <summary>Every built-in scenario, one for each case the KMDF team's thread raises and more.</summary>
    public static IReadOnlyList<Scenario> BuiltIns => BuiltInScenarios.All;

    /// <summary>Loads a JSON scenario file (the format <c>drivernb kmdf --scenario file.json</c> reads).</summary>
    public static Scenario Load(string path) => ScenarioJson.Load(path);

    /// <summary>Runs a scenario under the default semantics (<c>--semantics</c>'s), failing the named steps with <c>--status</c>'s default, STATUS_INSUFFICIENT_RESOURCES.</summary>
    public static LifecycleReport Run(Scenario scenario, params string[] failSteps) =>
        Run(scenario, KmdfOptions.DefaultSemantics, failSteps);

    /// <summary>Runs a scenario under the framework source's or the documentation's semantics.</summary>
    public static LifecycleReport Run(Scenario scenario, Semantics semantics, params string[] failSteps)
    {
        var options = new SimulationOptions { Semantics = semantics };
        foreach (var step in failSteps) options = options.Failing(step, KmdfOptions.DefaultStatus);
        return new LifecycleReport(scenario, LifecycleSimulator.Run(scenario, options));
    }

    /// <summary>Fails each fallible step in turn (and every pair with <paramref name="pairs"/>) and reports what leaks.</summary>
    public static FaultSweepResult Faults(Scenario scenario, bool pairs = false) =>
        FaultSweep.Run(scenario, new FaultSweepOptions { IncludePairs = pairs, Status = KmdfOptions.DefaultStatus, Semantics = KmdfOptions.DefaultSemantics });

    /// <summary>
    /// Reads each driver's C source (a folder, or a file with the files beside it) as <c>#!kmdf-scan</c> does: DriverEntry
    /// and its helpers become a scenario, which is run and fault-swept; findings name the file and line. Paths that cannot
    /// be read are listed in <see cref="ScanReport.BadInputs"/> rather than thrown.
    /// </summary>
    public static ScanReport Scan(params string[] paths) => KmdfSourceScanner.Scan(paths, CancellationToken.None);

    /// <summary>Runs side by side: which callbacks ran in each and what each leaked.</summary>
    public static LifecycleComparison Compare(params LifecycleReport[] runs) => new(runs);

    /// <summary>Built-in or file scenarios by name, each run as it stands, side by side.</summary>
    public static LifecycleComparison Compare(params string[] scenarios) =>
        new(scenarios.Select(name => Run(ScenarioSource.Resolve(name))).ToArray());

    /// <summary>Where cleanup lives × where DriverEntry fails × globals before or after WdfDriverCreate.</summary>
    /// <remarks>Without <paramref name="semantics"/>, the default of <c>--semantics</c>.</remarks>
    public static PatternMatrixResult Patterns(Semantics? semantics = null) => PatternMatrix.Build(semantics ?? KmdfOptions.DefaultSemantics);
}
