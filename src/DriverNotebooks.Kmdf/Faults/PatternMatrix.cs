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

    /// <summary>Between the globals: the WDM lookaside list is initialized (that cannot fail), then allocating the pool buffer fails.</summary>
    BetweenGlobals,
    None,
}

/// <summary>Whether the cleanup code checks before it frees (a NULL check or an initialized flag).</summary>
public enum FreeGuard
{
    /// <summary>Frees as written: <c>ExFreePool(gBuffer);</c>.</summary>
    Unguarded,

    /// <summary><c>if (gBuffer != NULL) { ExFreePool(gBuffer); gBuffer = NULL; }</c>.</summary>
    Guarded,
}

/// <summary>Where the globals are allocated relative to WdfDriverCreate.</summary>
public enum GlobalsPlacement
{
    BeforeWdfDriverCreate,
    AfterWdfDriverCreate,
}

/// <summary>One cell of the pattern matrix, with the run it came from.</summary>
public sealed record PatternCell(CleanupLocation Cleanup, DriverEntryFailure Failure, GlobalsPlacement Globals, FreeGuard Guard, RunResult Result)
{
    /// <summary>Nothing leaked and nothing else went wrong.</summary>
    public bool IsClean => Result.IsClean;

    /// <summary>What leaked.</summary>
    public IReadOnlyList<string> Leaked => Result.Leaked;

    public override string ToString() =>
        $"{Cleanup} × fails {Failure} × globals {Globals} × {Guard}: {(IsClean ? "clean" : string.Join("; ", Result.Findings.Select(f => $"{f.Kind} {f.Resource}")))}";
}

/// <summary>The full matrix, 2 × 5 × 2 × 2 cells, in enum order (cleanup, then failure, then globals, then guard).</summary>
public sealed record PatternMatrixResult(IReadOnlyList<PatternCell> Cells)
{
    /// <summary>The cell for one combination.</summary>
    public PatternCell this[CleanupLocation cleanup, DriverEntryFailure failure, GlobalsPlacement globals, FreeGuard guard = FreeGuard.Unguarded] =>
        Cells.First(c => c.Cleanup == cleanup && c.Failure == failure && c.Globals == globals && c.Guard == guard);
}

/// <summary>
/// The thread's pattern matrix — where cleanup lives × where DriverEntry fails × globals before or after
/// WdfDriverCreate × frees guarded or not — derived by running generated scenarios through the simulator, not from a table.
/// </summary>
public static class PatternMatrix
{
    /// <summary>The globals every generated driver allocates, in order: a WDM lookaside list (cannot fail) and a pool block.</summary>
    public static IReadOnlyList<string> Globals { get; } = ["gLookaside", "gBuffer"];

    /// <summary>
    /// The generated driver for one row: DriverEntry = [globals] Call(EarlyInit), WdfDriverCreate, [globals] Call(LateInit),
    /// with the globals freed in <paramref name="cleanup"/>, guarded or not; one device arrives and is removed; then the driver unloads.
    /// </summary>
    public static Scenario ScenarioFor(CleanupLocation cleanup, GlobalsPlacement globals, FreeGuard guard = FreeGuard.Unguarded)
    {
        void Allocations(CodeBuilder e) => e.Allocate("gLookaside", ResourceKind.WdmLookaside).Allocate("gBuffer", ResourceKind.Pool);
        void FreeGlobals(CodeBuilder c)
        {
            if (guard == FreeGuard.Guarded) c.FreeIfAllocated("gLookaside").FreeIfAllocated("gBuffer");
            else c.Free("gLookaside").Free("gBuffer");
        }
        var name = $"pattern-cleanup-in-{(cleanup == CleanupLocation.EvtDriverUnload ? "evtdriverunload" : "driver-cleanup-callback")}"
            + $"-globals-{(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")}-wdfdrivercreate"
            + (guard == FreeGuard.Guarded ? "-guarded" : "");
        return Scenario.Named(name)
            .Titled($"Cleanup in {cleanup}, globals {(globals == GlobalsPlacement.BeforeWdfDriverCreate ? "before" : "after")} WdfDriverCreate, {(guard == FreeGuard.Guarded ? "guarded" : "unguarded")} frees")
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
        DriverEntryFailure.BetweenGlobals => "DriverEntry.Allocate(gBuffer)",
        _ => null,
    };

    /// <summary>Runs all 40 combinations.</summary>
    public static PatternMatrixResult Build(Semantics semantics = Semantics.Source)
    {
        var cells = new List<PatternCell>();
        foreach (var cleanup in Enum.GetValues<CleanupLocation>())
        {
            foreach (var failure in Enum.GetValues<DriverEntryFailure>())
            {
                foreach (var globals in Enum.GetValues<GlobalsPlacement>())
                {
                    foreach (var guard in Enum.GetValues<FreeGuard>())
                    {
                        var options = new SimulationOptions { Semantics = semantics };
                        if (FailingStep(failure) is { } id) options = options.Failing(id);
                        cells.Add(new PatternCell(cleanup, failure, globals, guard, LifecycleSimulator.Run(ScenarioFor(cleanup, globals, guard), options)));
                    }
                }
            }
        }
        return new PatternMatrixResult(cells);
    }
}
