using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Tests.Kmdf;

public class LifecycleApiTests
{
    [Fact]
    public void Side_by_side_the_cleanup_callback_runs_only_where_the_cleanup_was_moved_into_it()
    {
        var comparison = Lifecycle.Compare("cleanup-in-evtdriverunload", "cleanup-in-driver-cleanup-callback");

        var callbacks = comparison.Callbacks.ToDictionary(c => c.Callback, c => c.RanIn);
        Assert.Equal([true, true], callbacks["DriverEntry"]);
        Assert.Equal([false, true], callbacks["WDFDRIVER.EvtCleanupCallback"]);
        Assert.DoesNotContain("EvtDriverUnload", callbacks.Keys);
    }

    [Fact]
    public void A_comparison_displays_its_table_then_one_trace_per_run_unless_told_to_leave_the_traces_out()
    {
        var comparison = Lifecycle.Compare("cleanup-in-evtdriverunload", "cleanup-in-driver-cleanup-callback");

        var withTraces = DriverNotebooks.Formatting.NotebookFormatters.FormatOutputs(comparison);
        var tableOnly = DriverNotebooks.Formatting.NotebookFormatters.FormatOutputs(comparison.WithoutTraces());

        Assert.Equal(1 + comparison.Runs.Count, withTraces.Count);
        Assert.All(withTraces.Skip(1), output => Assert.True(DriverNotebooks.Charts.ChartBundle.IsChart(output)));
        Assert.Single(tableOnly);
        Assert.False(DriverNotebooks.Charts.ChartBundle.IsChart(tableOnly[0]));
        Assert.Equal(withTraces[0].Single(o => o.MimeType == "text/plain").Text, tableOnly[0].Single(o => o.MimeType == "text/plain").Text);
    }

    [Fact]
    public void Two_runs_of_one_scenario_are_told_apart_by_the_failure_each_injected()
    {
        var scenario = ScenarioSource.Resolve("cleanup-in-driver-cleanup-callback");
        var asScripted = Lifecycle.Run(scenario);
        var otherFailure = Lifecycle.Run(scenario, "DriverEntry.Allocate(gBuffer)");

        var card = DriverNotebooks.Formatting.KmdfCards.Comparison(Lifecycle.Compare(asScripted, otherFailure)).ToText();

        Assert.Equal("cleanup-in-driver-cleanup-callback", DriverNotebooks.Formatting.KmdfCards.RunLabel(asScripted));
        Assert.Equal("cleanup-in-driver-cleanup-callback, failing DriverEntry.Call(ReadRegistryParameters) + DriverEntry.Allocate(gBuffer)", DriverNotebooks.Formatting.KmdfCards.RunLabel(otherFailure));
        Assert.StartsWith("Side by side: cleanup-in-driver-cleanup-callback vs cleanup-in-driver-cleanup-callback, failing DriverEntry.Call(ReadRegistryParameters) + DriverEntry.Allocate(gBuffer)", card);
    }

    [Fact]
    public void The_merged_callback_order_keeps_each_runs_own_order()
    {
        var comparison = Lifecycle.Compare("full-lifecycle", "surprise-removal-in-d0");

        var merged = comparison.Callbacks.Select(c => c.Callback).ToList();
        foreach (var run in comparison.Runs)
        {
            var positions = run.Run.CallbackLabels.Distinct().Select(label => merged.IndexOf(label)).ToList();
            Assert.All(positions, p => Assert.True(p >= 0));
            Assert.Equal(positions.Order(), positions);
        }
        Assert.True(merged.IndexOf("DriverEntry") < merged.IndexOf("EvtDriverDeviceAdd"));
    }

    [Fact]
    public void A_scenario_written_in_a_cell_runs_with_a_chosen_step_failing()
    {
        var driver = Lifecycle.Scenario("cell-driver")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .Call("ReadRegistry"))
            .Unload();

        var clean = Lifecycle.Run(driver);
        var failing = Lifecycle.Run(driver, "DriverEntry.Call(ReadRegistry)");

        Assert.True(clean.Run.IsClean);
        Assert.True(failing.Run.IsClean);
        Assert.False(failing.Run.Outcome.DriverEntryStatus!.Value.IsSuccess);
        Assert.Contains("WDFDRIVER.EvtCleanupCallback", failing.Run.CallbackLabels);
    }

    [Fact]
    public void A_run_that_skips_the_class_drivers_own_unload_is_clean_only_as_far_as_the_model_can_see()
    {
        var notChained = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-bda-unload-not-chained"));
        var chained = LifecycleSimulator.Run(BuiltInScenarios.Get("ks-bda-unload-chained"));

        Assert.True(notChained.IsClean);
        Assert.Equal(ClassDriver.Ks, DriverNotebooks.Formatting.KmdfCards.SkippedClassDriverUnload(notChained));
        Assert.StartsWith("Clean as far as the model can see", DriverNotebooks.Formatting.KmdfCards.Verdict(notChained));
        Assert.Contains("KS DriverUnload never ran", DriverNotebooks.Formatting.KmdfCards.Verdict(notChained));
        Assert.Null(DriverNotebooks.Formatting.KmdfCards.SkippedClassDriverUnload(chained));
        Assert.StartsWith("Clean: nothing leaks", DriverNotebooks.Formatting.KmdfCards.Verdict(chained));
    }

    [Fact]
    public void A_comparison_names_its_runs_by_letter_in_the_tables_and_keys_each_letter_to_the_run()
    {
        var text = DriverNotebooks.Formatting.KmdfCards.Comparison(Lifecycle.Compare("ks-bda-unload-chained", "ks-bda-unload-not-chained")).ToText();

        Assert.Contains("A  ks-bda-unload-chained: ", text);
        Assert.Contains("B  ks-bda-unload-not-chained: ", text);
        Assert.Contains("ks-bda-unload-not-chained: clean as far as the model can see (KS DriverUnload never ran", text);
    }
}
