using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The exhaustive fault sweep and the thread's pattern matrix, derived by running the simulator.</summary>
public sealed class FaultInjection
{
    [Fact]
    public void The_sweep_fails_each_fallible_step_in_turn_and_optionally_every_pair()
    {
        var scenario = BuiltInScenarios.Get("full-lifecycle");

        var singles = FaultSweep.Run(scenario);
        var pairs = FaultSweep.Run(scenario, new FaultSweepOptions { IncludePairs = true, RecordTrace = false });

        var n = singles.FallibleSteps.Count;
        Assert.Equal(n, singles.Points.Count);
        Assert.Equal(n + n * (n - 1) / 2, pairs.Points.Count);
        Assert.Equal(singles.FallibleSteps, singles.Points.Select(p => p.FailedSteps.Single()));
    }

    [Fact]
    public void A_parallel_sweep_gives_the_same_points_in_the_same_order_as_a_sequential_one()
    {
        var scenario = BuiltInScenarios.Get("lookaside-torn-down-while-in-use");

        var parallel = FaultSweep.Run(scenario, new FaultSweepOptions { IncludePairs = true, MaxDegreeOfParallelism = 4 });
        var sequential = FaultSweep.Run(scenario, new FaultSweepOptions { IncludePairs = true, MaxDegreeOfParallelism = 1 });

        Assert.Equal(sequential.Points.Select(p => p.FailedSteps), parallel.Points.Select(p => p.FailedSteps));
        Assert.Equal(sequential.Points.Select(p => p.Result.Findings), parallel.Points.Select(p => p.Result.Findings));
        Assert.Equal(sequential.Points.Select(p => p.Result.Trace), parallel.Points.Select(p => p.Result.Trace));
    }

    [Fact]
    public void A_correct_driver_is_clean_at_every_failure_point_and_every_pair()
    {
        var sweep = FaultSweep.Run(BuiltInScenarios.Get("full-lifecycle"), new FaultSweepOptions { IncludePairs = true, RecordTrace = false });

        Assert.Empty(sweep.Problems);
    }

    [Fact]
    public void The_sweep_finds_the_leak_of_cleanup_in_EvtDriverUnload_at_every_failure_after_the_allocation()
    {
        var scenario = Drivers.GlobalBufferDriver("sweep", freeInUnload: true).Unload().Build();

        var sweep = FaultSweep.Run(scenario);

        var leaking = sweep.Points.Where(p => p.Leaked.Contains("gBuffer")).Select(p => p.FailedSteps.Single());
        Assert.Equal(["DriverEntry.Call(ReadRegistryParameters)", "DriverEntry"], leaking);
        Assert.True(sweep.Baseline.IsClean);
    }

    [Fact]
    public void The_sweep_reports_other_findings_too()
    {
        // A device-add failure in one device of the torn-down-lookaside driver changes which problems appear
        var sweep = FaultSweep.Run(BuiltInScenarios.Get("lookaside-torn-down-while-in-use"));

        var point = sweep.Points.Single(p => p.FailedSteps.Single() == "EvtDriverDeviceAdd#2.WdfDeviceCreate");
        Assert.Empty(point.Result.FreedWhileInUse);
        Assert.NotEmpty(sweep.Baseline.FreedWhileInUse);
    }

    [Fact]
    public void Injected_failures_return_the_requested_status()
    {
        var scenario = Drivers.GlobalBufferDriver("status", freeInUnload: false).Build();

        var result = LifecycleSimulator.Run(scenario, new SimulationOptions().Failing("WdfDriverCreate", NtStatus.NoMemory));

        Assert.Equal(NtStatus.NoMemory, result.Outcome.DriverEntryStatus);
    }

    [Fact]
    public void Pattern_matrix_cleanup_callback_with_globals_after_WdfDriverCreate_and_guarded_frees_is_clean_wherever_DriverEntry_fails()
    {
        var matrix = PatternMatrix.Build();

        foreach (var failure in Enum.GetValues<DriverEntryFailure>())
            Assert.True(matrix[CleanupLocation.DriverCleanupCallback, failure, GlobalsPlacement.AfterWdfDriverCreate, FreeGuard.Guarded].IsClean, failure.ToString());
    }

    [Fact]
    public void Pattern_matrix_matches_the_blog_cell_by_cell()
    {
        var matrix = PatternMatrix.Build();
        string[] both = ["gLookaside", "gBuffer"];

        // Nothing fails: every pattern is clean.
        Assert.All(matrix.Cells.Where(c => c.Failure == DriverEntryFailure.None), c => Assert.True(c.IsClean, c.ToString()));
        // EvtDriverUnload never runs after a failing DriverEntry: whatever was allocated leaks.
        Assert.Equal(both, matrix[CleanupLocation.EvtDriverUnload, DriverEntryFailure.AfterWdfDriverCreate, GlobalsPlacement.AfterWdfDriverCreate].Leaked);
        Assert.Equal(both, matrix[CleanupLocation.EvtDriverUnload, DriverEntryFailure.AfterWdfDriverCreate, GlobalsPlacement.BeforeWdfDriverCreate].Leaked);
        Assert.Equal(both, matrix[CleanupLocation.EvtDriverUnload, DriverEntryFailure.WdfDriverCreate, GlobalsPlacement.BeforeWdfDriverCreate].Leaked);
        Assert.Equal(["gLookaside"], matrix[CleanupLocation.EvtDriverUnload, DriverEntryFailure.BetweenGlobals, GlobalsPlacement.AfterWdfDriverCreate, FreeGuard.Guarded].Leaked);
        Assert.True(matrix[CleanupLocation.EvtDriverUnload, DriverEntryFailure.WdfDriverCreate, GlobalsPlacement.AfterWdfDriverCreate].IsClean);
        // The cleanup callback saves the day once WdfDriverCreate succeeded…
        Assert.True(matrix[CleanupLocation.DriverCleanupCallback, DriverEntryFailure.AfterWdfDriverCreate, GlobalsPlacement.BeforeWdfDriverCreate].IsClean);
        // …but not when WdfDriverCreate itself, or something before it, fails after the globals were allocated.
        Assert.Equal(both, matrix[CleanupLocation.DriverCleanupCallback, DriverEntryFailure.WdfDriverCreate, GlobalsPlacement.BeforeWdfDriverCreate].Leaked);
        Assert.Equal(both, matrix[CleanupLocation.DriverCleanupCallback, DriverEntryFailure.BeforeWdfDriverCreate, GlobalsPlacement.BeforeWdfDriverCreate].Leaked);
        Assert.Equal(40, matrix.Cells.Count);
    }

    [Fact]
    public void Pattern_matrix_shows_the_unguarded_free_in_the_cleanup_callback_when_DriverEntry_fails_between_the_globals()
    {
        var matrix = PatternMatrix.Build();

        var unguarded = matrix[CleanupLocation.DriverCleanupCallback, DriverEntryFailure.BetweenGlobals, GlobalsPlacement.AfterWdfDriverCreate, FreeGuard.Unguarded];
        var guarded = matrix[CleanupLocation.DriverCleanupCallback, DriverEntryFailure.BetweenGlobals, GlobalsPlacement.AfterWdfDriverCreate, FreeGuard.Guarded];

        var finding = Assert.Single(unguarded.Result.Findings);
        Assert.Equal((FindingKind.FreedUnallocated, "gBuffer", "WDFDRIVER.EvtCleanupCallback"), (finding.Kind, finding.Resource, finding.Where));
        Assert.True(guarded.IsClean);
    }

    [Fact]
    public void Pattern_matrix_reports_a_WDM_lookaside_list_left_behind_as_left_on_the_system_list()
    {
        var cell = PatternMatrix.Build()[CleanupLocation.EvtDriverUnload, DriverEntryFailure.AfterWdfDriverCreate, GlobalsPlacement.AfterWdfDriverCreate];

        Assert.Equal([FindingKind.LookasideLeftOnSystemList, FindingKind.Leaked], cell.Result.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Pattern_matrix_scenarios_are_generated_not_tabulated()
    {
        var scenario = PatternMatrix.ScenarioFor(CleanupLocation.EvtDriverUnload, GlobalsPlacement.BeforeWdfDriverCreate);

        var result = LifecycleSimulator.Run(scenario, PatternMatrix.FailingStep(DriverEntryFailure.AfterWdfDriverCreate)!);

        Assert.Equal(["gLookaside", "gBuffer"], result.Leaked);
        Assert.Null(PatternMatrix.FailingStep(DriverEntryFailure.None));
    }

    [Fact]
    public void ExInitializeNPagedLookasideList_returns_VOID_so_the_sweep_never_fails_it_while_ExInitializeLookasideListEx_is_a_failure_point()
    {
        var scenario = Scenario.Named("lists")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnCleanup(c => c.FreeIfAllocated("gOld").FreeIfAllocated("gNew")))
                .Allocate("gOld", ResourceKind.WdmLookaside)
                .Allocate("gNew", ResourceKind.WdmLookasideEx))
            .Build();

        var sweep = FaultSweep.Run(scenario);

        Assert.Equal(["WdfDriverCreate", "DriverEntry.Allocate(gNew)", "DriverEntry"], sweep.FallibleSteps);
        Assert.Empty(sweep.Problems);
    }

    [Fact]
    public void The_sweep_shows_an_unguarded_free_in_the_cleanup_callback_when_an_allocation_fails()
    {
        var scenario = Drivers.GlobalBufferDriver("sweep", freeInUnload: false).Unload().Build();

        var sweep = FaultSweep.Run(scenario);

        var point = sweep.Points.Single(p => p.FailedSteps.Single() == "DriverEntry.Allocate(gBuffer)");
        Assert.Equal(["gBuffer"], point.Result.FreedUnallocated);
    }

    [Theory]
    [InlineData(Semantics.Source)]
    [InlineData(Semantics.Docs)]
    public void Every_built_in_runs_to_completion_under_every_single_and_paired_failure(Semantics semantics)
    {
        foreach (var scenario in BuiltInScenarios.All)
        {
            var sweep = FaultSweep.Run(scenario, new FaultSweepOptions { Semantics = semantics, IncludePairs = true, RecordTrace = false });

            Assert.All(sweep.Points, p => Assert.NotNull(p.Result.Outcome.DriverEntryStatus));
            Assert.All(sweep.Points, p => Assert.DoesNotContain(p.FailedSteps[0], p.Result.UnreachedFailures));
        }
    }
}
