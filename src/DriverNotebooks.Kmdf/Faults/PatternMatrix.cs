namespace DriverNotebooks.Kmdf;

/// <summary>Where the driver's global cleanup code lives.</summary>
public enum CleanupLocation
{
    /// <summary>In EvtDriverUnload (the pattern the blog calls busted).</summary>
    EvtDriverUnload,

    /// <summary>In the WDFDRIVER's EvtCleanupCallback (the blog's advice).</summary>
    DriverCleanupCallback,
}

/// <summary>Where DriverEntry fails, if at all.</summary>
public enum DriverEntryFailure
{
    BeforeWdfDriverCreate,
    WdfDriverCreate,
    AfterWdfDriverCreate,
    None,
}

/// <summary>Where the globals are allocated relative to WdfDriverCreate.</summary>
public enum GlobalsPlacement
{
    BeforeWdfDriverCreate,
    AfterWdfDriverCreate,
}

/// <summary>One cell of the pattern matrix, with the run it came from.</summary>
public sealed record PatternCell(CleanupLocation Cleanup, DriverEntryFailure Failure, GlobalsPlacement Globals, RunResult Result)
{
    /// <summary>Nothing leaked and nothing else went wrong.</summary>
    public bool IsClean => Result.IsClean;

    /// <summary>What leaked.</summary>
    public IReadOnlyList<string> Leaked => Result.Leaked;

    public override string ToString() => $"{Cleanup} × fails {Failure} × globals {Globals}: {(IsClean ? "clean" : "leaks " + string.Join(", ", Leaked))}";
}

/// <summary>The full matrix, 2 × 4 × 2 cells, in enum order (cleanup, then failure, then globals).</summary>
public sealed record PatternMatrixResult(IReadOnlyList<PatternCell> Cells)
{
    /// <summary>The cell for one combination.</summary>
    public PatternCell this[CleanupLocation cleanup, DriverEntryFailure failure, GlobalsPlacement globals] =>
        Cells.First(c => c.Cleanup == cleanup && c.Failure == failure && c.Globals == globals);
}

/// <summary>
/// The thread's pattern matrix — where cleanup lives × where DriverEntry fails × globals before or after
/// WdfDriverCreate — derived by running generated scenarios through the simulator, not from a table.
/// </summary>
public static class PatternMatrix
{
    /// <summary>The globals every generated driver allocates: a pool block and a WDM lookaside list.</summary>
    public static IReadOnlyList<string> Globals { get; } = ["gBuffer", "gLookaside"];

    /// <summary>
    /// The generated driver for one column: DriverEntry = [globals] Call(EarlyInit), WdfDriverCreate, [globals] Call(LateInit),
    /// with the globals freed in <paramref name="cleanup"/>; one device arrives and is removed; then the driver unloads.
    /// </summary>
    public static Scenario ScenarioFor(CleanupLocation cleanup, GlobalsPlacement globals)
    {
        void Allocations(CodeBuilder e) => e.Allocate("gBuffer", ResourceKind.Pool).Allocate("gLookaside", ResourceKind.WdmLookaside);
        void FreeGlobals(CodeBuilder c) => c.Free("gBuffer").Free("gLookaside");
        var name = $"pattern-cleanup-in-{(cleanup == CleanupLocation.EvtDriverUnload ? "evtdriverunload" : "driver-cleanup-callback")}"
            + $"-globals-{(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")}-wdfdrivercreate";
        return Scenario.Named(name)
            .Titled($"Cleanup in {cleanup}, globals {(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")} WdfDriverCreate")
            .DriverEntry(e =>
            {
                if (globals == GlobalsPlacement.BeforeWdfDriverCreate) Allocations(e);
                e.Call("EarlyInit");
                e.WdfDriverCreate(d =>
                {
                    d.OnDeviceAdd(a => a.WdfDeviceCreate());
                    if (cleanup == CleanupLocation.EvtDriverUnload) d.OnUnload(FreeGlobals);
                    else d.OnCleanup(FreeGlobals);
                });
                if (globals == GlobalsPlacement.AfterWdfDriverCreate) Allocations(e);
                e.Call("LateInit");
            })
            .DeviceArrives()
            .RemoveDevice(1)
            .Unload()
            .Build();
    }

    /// <summary>The step id that makes DriverEntry fail at <paramref name="failure"/> in a generated scenario (null for <see cref="DriverEntryFailure.None"/>).</summary>
    public static string? FailingStep(DriverEntryFailure failure) => failure switch
    {
        DriverEntryFailure.BeforeWdfDriverCreate => "DriverEntry.Call(EarlyInit)",
        DriverEntryFailure.WdfDriverCreate => "WdfDriverCreate",
        DriverEntryFailure.AfterWdfDriverCreate => "DriverEntry.Call(LateInit)",
        _ => null,
    };

    /// <summary>Runs all 16 combinations.</summary>
    public static PatternMatrixResult Build(Semantics semantics = Semantics.Source)
    {
        var cells = new List<PatternCell>();
        foreach (var cleanup in Enum.GetValues<CleanupLocation>())
        {
            foreach (var failure in Enum.GetValues<DriverEntryFailure>())
            {
                foreach (var globals in Enum.GetValues<GlobalsPlacement>())
                {
                    var options = new SimulationOptions { Semantics = semantics };
                    if (FailingStep(failure) is { } id) options = options.Failing(id);
                    cells.Add(new PatternCell(cleanup, failure, globals, LifecycleSimulator.Run(ScenarioFor(cleanup, globals), options)));
                }
            }
        }
        return new PatternMatrixResult(cells);
    }
}
