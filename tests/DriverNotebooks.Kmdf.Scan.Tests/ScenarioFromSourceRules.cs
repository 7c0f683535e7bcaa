namespace DriverNotebooks.Kmdf.Scan.Tests;

/// <summary>The scenario a scan writes is an ordinary KMDF scenario the user can edit and re-run.</summary>
public sealed class ScenarioFromSourceRules
{
    [Fact]
    public void The_scenario_json_loads_back_and_sweeps_to_the_same_leaks()
    {
        var driver = TestDrivers.Scan("cleanup-in-unload");
        var reloaded = ScenarioJson.Parse(driver.Analysis.Scenario.Json);
        var sweep = FaultSweep.Run(reloaded, new FaultSweepOptions { MaxDegreeOfParallelism = 1 });
        Assert.Equal(driver.Analysis.Sweep.EverLeaked, sweep.EverLeaked);
        Assert.Equal(ScenarioJson.Write(driver.Analysis.Scenario.Scenario), ScenarioJson.Write(reloaded));
    }

    [Fact]
    public void Cleanup_in_EvtDriverUnload_becomes_the_evtDriverUnload_body_of_wdfDriverCreate()
    {
        var driver = TestDrivers.Scan("cleanup-in-unload");
        var create = Assert.IsType<WdfDriverCreateStep>(driver.Analysis.Scenario.Scenario.DriverEntry.Steps[0]);
        Assert.Equal(["Free(gLookaside)", "Free(gBuffer)"], create.EvtDriverUnload!.Steps.Select(s => s.Display));
        Assert.Null(create.EvtCleanupCallback);
    }

    [Fact]
    public void Scanning_twice_writes_byte_identical_scenarios_and_findings()
    {
        var first = KmdfSourceScanner.Scan([TestDrivers.Folder("")]);
        var second = KmdfSourceScanner.Scan([TestDrivers.Folder("")]);
        Assert.Equal(first.Drivers.Select(d => d.Analysis.Scenario.Json), second.Drivers.Select(d => d.Analysis.Scenario.Json));
        Assert.Equal(first.Drivers.SelectMany(d => d.Findings), second.Drivers.SelectMany(d => d.Findings));
    }

    [Fact]
    public void A_folder_of_drivers_reports_each_one_and_exits_1_when_any_has_findings()
    {
        var report = KmdfSourceScanner.Scan([TestDrivers.Folder("")]);
        var folders = Directory.GetDirectories(TestDrivers.Folder("")).Length;
        Assert.Equal(folders, report.Drivers.Count);
        Assert.Equal(1, report.ExitCode);
    }

    [Fact]
    public void A_clean_driver_alone_exits_0()
    {
        Assert.Equal(0, KmdfSourceScanner.Scan([TestDrivers.Folder("good-cleanup-callback")]).ExitCode);
    }
}
