using DriverNotebooks.Kmdf.Scan.Findings;

namespace DriverNotebooks.Kmdf.Scan.Tests;

/// <summary>Each pattern of issue 22, as a small driver we wrote, scanned from its C source.</summary>
public sealed class ScanPatternRules
{
    private static ScanFinding Only(DriverScan driver, ScanFindingKind kind) => Assert.Single(driver.Findings, f => f.Kind == kind);

    [Fact]
    public void The_recommended_driver_is_clean_and_says_what_was_checked()
    {
        // Failure points: WdfDriverCreate and ExAllocatePool2 (WPP_INIT_TRACING and ExInitializeNPagedLookasideList return VOID).
        var driver = TestDrivers.Scan("good-cleanup-callback");
        Assert.True(driver.IsClean, string.Join("\n", driver.Findings));
        Assert.Contains(driver.Analysis.Checked, c => c.Contains("EvtCleanupCallback DriverCleanup reaches WdfDriverCreate", StringComparison.Ordinal));
        Assert.Contains(driver.Analysis.Checked, c => c.StartsWith("2 failure points of DriverEntry", StringComparison.Ordinal));
    }

    [Fact]
    public void Tracing_started_before_WdfDriverCreate_and_not_stopped_on_its_failure_path_leaks_there()
    {
        var driver = TestDrivers.Scan("wpp-not-stopped");
        var leak = Only(driver, ScanFindingKind.LeakOnFailurePath);
        Assert.Equal("WppTracing", leak.Resource);
        Assert.Equal(TestDrivers.LineOf("wpp-not-stopped", "driver.c", "WPP_INIT_TRACING("), leak.Line);
        Assert.Contains($"WdfDriverCreate ({leak.SourceFile}:{TestDrivers.LineOf("wpp-not-stopped", "driver.c", "status = WdfDriverCreate(")}) fails", leak.Message, StringComparison.Ordinal);
        Assert.Single(driver.Findings);
    }

    [Fact]
    public void Cleanup_only_in_EvtDriverUnload_leaks_the_globals_when_a_later_step_of_DriverEntry_fails()
    {
        var driver = TestDrivers.Scan("cleanup-in-unload");
        var leak = Only(driver, ScanFindingKind.LeakOnFailurePath);
        Assert.Equal(("gBuffer", TestDrivers.LineOf("cleanup-in-unload", "driver.c", "gBuffer = ExAllocatePool2")), (leak.Resource, leak.Line));
        Assert.Contains("ReadRegistryParameters", leak.Message, StringComparison.Ordinal);
        var lookaside = Only(driver, ScanFindingKind.LookasideLeftAtUnload);
        Assert.Equal(("gLookaside", TestDrivers.LineOf("cleanup-in-unload", "driver.c", "ExInitializeNPagedLookasideList(")), (lookaside.Resource, lookaside.Line));
    }

    [Fact]
    public void A_call_whose_status_DriverEntry_returns_directly_is_a_failure_point_too()
    {
        // Notebook 1's copy of the thread's mistake ends DriverEntry with "return ReadRegistry(RegistryPath);".
        const string name = "notebook/cleanup-in-unload";
        var driver = TestDrivers.Scan(name);
        var leak = Only(driver, ScanFindingKind.LeakOnFailurePath);
        Assert.Equal(("gBuffer", TestDrivers.LineOf(name, "driver.c", "gBuffer = ExAllocatePool2")), (leak.Resource, leak.Line));
        Assert.Contains($"ReadRegistry (", leak.Message, StringComparison.Ordinal);
        Assert.Contains($"driver.c:{TestDrivers.LineOf(name, "driver.c", "return ReadRegistry(")}", leak.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Notebook_1s_recommended_driver_is_clean_at_every_failure_point_including_its_returned_registry_read()
    {
        var driver = TestDrivers.Scan("notebook/recommended");
        Assert.Empty(driver.Analysis.Findings);
        Assert.Contains(driver.Analysis.Sweep.FallibleSteps, s => s.Contains("ReadRegistry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cleanup_callback_in_attributes_never_passed_to_WdfDriverCreate_is_dead_and_what_it_frees_leaks()
    {
        var driver = TestDrivers.Scan("dead-cleanup-callback");
        var dead = Only(driver, ScanFindingKind.DeadCleanupCallback);
        Assert.Equal(("DriverCleanup", TestDrivers.LineOf("dead-cleanup-callback", "driver.c", "attributes.EvtCleanupCallback")), (dead.Resource, dead.Line));
        Assert.Equal("WppTracing", Only(driver, ScanFindingKind.LeakAtUnload).Resource);
    }

    [Fact]
    public void An_overwritten_WdfDriverCreate_failure_is_reported_with_the_line_that_overwrites_it()
    {
        var driver = TestDrivers.Scan("ignored-create-failure");
        var ignored = Only(driver, ScanFindingKind.IgnoredWdfDriverCreateFailure);
        Assert.Equal(TestDrivers.LineOf("ignored-create-failure", "driver.c", "status = WdfDriverCreate("), ignored.Line);
        Assert.Contains($"line {TestDrivers.LineOf("ignored-create-failure", "driver.c", "status = STATUS_SUCCESS;")}", ignored.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unguarded_free_in_the_cleanup_callback_is_found_on_the_path_where_nothing_was_allocated()
    {
        var driver = TestDrivers.Scan("unguarded-free");
        var free = Only(driver, ScanFindingKind.UnguardedFree);
        Assert.Equal(("gBuffer", TestDrivers.LineOf("unguarded-free", "driver.c", "ExFreePool(gBuffer)")), (free.Resource, free.Line));
        Assert.Contains("ReadRegistryParameters", free.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_free_guarded_by_a_NULL_check_is_clean()
    {
        var driver = TestDrivers.Scan("guarded-free");
        Assert.True(driver.IsClean, string.Join("\n", driver.Findings));
    }

    [Fact]
    public void A_WDM_lookaside_list_never_deleted_is_left_on_the_system_list_at_unload()
    {
        var driver = TestDrivers.Scan("lookaside-left");
        var finding = Only(driver, ScanFindingKind.LookasideLeftAtUnload);
        Assert.Equal(("gRequests", TestDrivers.LineOf("lookaside-left", "driver.c", "ExInitializeNPagedLookasideList(")), (finding.Resource, finding.Line));
    }

    [Fact]
    public void A_non_PnP_driver_with_a_control_device_made_by_a_helper_is_read_in_non_PnP_mode_and_clean()
    {
        var driver = TestDrivers.Scan("nonpnp-good");
        Assert.True(driver.IsClean, string.Join("\n", driver.Findings));
        var create = Assert.IsType<WdfDriverCreateStep>(driver.Analysis.Scenario.Scenario.DriverEntry.Steps.Single(s => s is WdfDriverCreateStep));
        Assert.Equal(DriverMode.NonPnp, create.Mode);
        Assert.Contains(driver.Analysis.Scenario.Scenario.DriverEntry.Steps, s => s is CreateObjectStep { Type: WdfObjectType.ControlDevice, Name: "controlDevice" });
    }

    [Fact]
    public void A_miniport_mode_driver_that_calls_WdfDriverMiniportUnload_from_MiniportDriverUnload_is_clean()
    {
        var driver = TestDrivers.Scan("miniport-good");
        Assert.True(driver.IsClean, string.Join("\n", driver.Findings));
        var create = Assert.IsType<WdfDriverCreateStep>(driver.Analysis.Scenario.Scenario.DriverEntry.Steps[0]);
        Assert.Equal(DriverMode.NoDispatchOverride, create.Mode);
        var ndis = Assert.IsType<ClassInitStep>(driver.Analysis.Scenario.Scenario.DriverEntry.Steps[1]);
        Assert.Contains(ndis.MiniportDriverUnload!.Steps, s => s is WdfDriverMiniportUnloadStep);
    }

    [Fact]
    public void A_miniport_mode_driver_that_forgets_WdfDriverMiniportUnload_leaves_the_framework_driver_behind()
    {
        var driver = TestDrivers.Scan("miniport-no-wdfdriverminiportunload");
        var leaks = driver.Findings.Where(f => f.Kind == ScanFindingKind.LeakAtUnload).Select(f => f.Resource).ToArray();
        Assert.Contains("WDFDRIVER", leaks);
        Assert.All(driver.Findings, f => Assert.Contains("WdfDriverMiniportUnload", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void WdfDriverCreate_in_a_helper_is_read_through_DriverEntry_and_a_global_allocated_before_it_leaks_when_it_fails()
    {
        var driver = TestDrivers.Scan("helper-creates-driver");
        Assert.Equal(("DriverEntry", "InitializeFramework"), (driver.Analysis.Model.Entry.Name, driver.Analysis.Model.CreatingFunction));
        var leak = Only(driver, ScanFindingKind.LeakOnFailurePath);
        Assert.Equal(("gScratch", TestDrivers.LineOf("helper-creates-driver", "driver.c", "gScratch = ExAllocatePool2")), (leak.Resource, leak.Line));
        Assert.Contains($":{TestDrivers.LineOf("helper-creates-driver", "driver.c", "return WdfDriverCreate(")}) fails", leak.Message, StringComparison.Ordinal);
    }
}
