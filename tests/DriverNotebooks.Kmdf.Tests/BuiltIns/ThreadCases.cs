using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The "Hindsight is 20/20" thread's cases, as built-in scenarios, with the leaks the thread predicts.</summary>
public sealed class ThreadCases
{
    private static RunResult Run(string name, Semantics semantics = Semantics.Source) =>
        LifecycleSimulator.Run(BuiltInScenarios.Get(name), new SimulationOptions { Semantics = semantics });

    [Fact]
    public void Cleanup_in_EvtDriverUnload_leaks_the_globals_when_DriverEntry_fails_after_WdfDriverCreate()
    {
        var result = Run("cleanup-in-evtdriverunload");

        Assert.Equal(["gBuffer", "gLookaside"], result.Leaked);
        Assert.False(result.Outcome.EvtDriverUnloadRan);
    }

    [Fact]
    public void Cleanup_in_the_WDFDRIVER_cleanup_callback_leaks_nothing_when_DriverEntry_fails_after_WdfDriverCreate()
    {
        var result = Run("cleanup-in-driver-cleanup-callback");

        Assert.True(result.IsClean);
        Assert.True(result.Outcome.DriverCleanupRan);
        Assert.False(result.Outcome.EvtDriverUnloadRan);
    }

    [Fact]
    public void Globals_allocated_before_a_failing_WdfDriverCreate_leak_even_with_cleanup_in_the_callback()
    {
        var result = Run("globals-before-wdfdrivercreate");

        Assert.Equal(["gBuffer", "gLookaside"], result.Leaked);
        Assert.False(result.Outcome.DriverCleanupRan);
    }

    [Fact]
    public void Globals_allocated_after_a_failing_WdfDriverCreate_are_never_allocated()
    {
        var result = Run("globals-after-wdfdrivercreate");

        Assert.True(result.IsClean);
        Assert.DoesNotContain(result.Labels, l => l.StartsWith("Allocate(", StringComparison.Ordinal));
    }

    [Fact]
    public void A_driver_that_initialises_tracing_before_WdfDriverCreate_must_clean_it_up_in_the_failure_path()
    {
        var result = Run("wdfdrivercreate-fails");

        Assert.True(result.IsClean);
        Assert.Equal(["DriverEntry"], result.CallbackLabels);
    }

    [Fact]
    public void Lookaside_lists_shared_by_devices_live_until_after_EvtDriverUnload()
    {
        var result = Run("lookaside-shared-by-devices");

        Assert.True(result.IsClean);
        TraceAssert.InOrder(result.Labels, "Delete(WDFDEVICE#2)", "EvtDriverUnload", "gLookaside.EvtCleanupCallback", "WDFDRIVER.EvtCleanupCallback");
    }

    [Fact]
    public void The_NDIS_WDM_miniport_is_clean_with_WdfDriverMiniportUnload_and_leaks_without_it()
    {
        Assert.True(Run("ndis-miniport-wdfdriverminiportunload").IsClean);
        Assert.Contains("WDFDRIVER", Run("ndis-miniport-forgets-wdfdriverminiportunload").Leaked);
    }

    [Fact]
    public void KS_BDA_chaining_as_the_thread_advises_tears_everything_down()
    {
        Assert.True(Run("ks-bda-unload-chained").IsClean);
        Assert.Contains("gTunerState", Run("ks-bda-no-unload-hook").Leaked);
    }

    [Fact]
    public void A_full_correct_lifecycle_is_clean_and_starts_and_removes_both_devices()
    {
        var result = Run("full-lifecycle");

        Assert.True(result.IsClean);
        Assert.Equal(2, result.Outcome.DevicesStarted);
        Assert.True(result.Outcome.ImageUnloaded);
        Assert.True(result.Outcome.EvtDriverUnloadRan);
    }

    [Fact]
    public void Every_built_in_has_a_stable_kebab_case_name_a_title_and_a_description()
    {
        Assert.Equal(BuiltInScenarios.Names.Count, BuiltInScenarios.Names.Distinct().Count());
        Assert.All(BuiltInScenarios.All, s =>
        {
            Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Name);
            Assert.NotEqual(s.Name, s.Title);
            Assert.True(s.Description.Length > 80, s.Name);
        });
    }

    [Theory]
    [InlineData("cleanup-in-evtdriverunload", "gBuffer,gLookaside")]
    [InlineData("cleanup-in-driver-cleanup-callback", "")]
    [InlineData("globals-before-wdfdrivercreate", "gBuffer,gLookaside")]
    [InlineData("globals-after-wdfdrivercreate", "")]
    [InlineData("wdfdrivercreate-fails", "")]
    [InlineData("lookaside-wdm-freed-in-unload", "gLookaside")]
    [InlineData("lookaside-wdf-driver-parented", "")]
    [InlineData("lookaside-shared-by-devices", "")]
    [InlineData("lookaside-torn-down-while-in-use", "")]
    [InlineData("ndis-miniport-wdfdriverminiportunload", "")]
    [InlineData("ndis-miniport-forgets-wdfdriverminiportunload", "FX_DRIVER_GLOBALS,KmdfLibraryReference,WDFDRIVER,gBuffer,gRxLookaside")]
    [InlineData("ndis-miniport-forgets-with-evtdriverunload", "gStats")]
    [InlineData("ndis-miniport-evtdriverunload-docs-vs-source", "gStats")]
    [InlineData("ks-bda-unload-chained", "")]
    [InlineData("ks-bda-unload-not-chained", "")]
    [InlineData("ks-bda-no-unload-hook", "FX_DRIVER_GLOBALS,KmdfLibraryReference,WDFDRIVER,gTunerState")]
    [InlineData("ks-pnp-mode-evtdriverunload-never-runs", "gStats")]
    [InlineData("full-lifecycle", "")]
    [InlineData("surprise-removal-in-d0", "")]
    [InlineData("surprise-removal-in-dx", "")]
    [InlineData("device-add-fails-before-wdfdevicecreate", "")]
    [InlineData("device-add-fails-after-wdfdevicecreate", "")]
    [InlineData("prepare-hardware-fails", "")]
    [InlineData("d0-entry-fails", "")]
    [InlineData("query-remove-vetoed", "")]
    [InlineData("usb-continuous-reader", "")]
    [InlineData("usb-continuous-reader-not-stopped", "")]
    [InlineData("usb-continuous-reader-reads-fail", "")]
    [InlineData("non-pnp-driver", "")]
    [InlineData("non-pnp-driver-without-evtdriverunload", "")]
    [InlineData("wdfobjectdelete-on-wdfdriver", "")]
    public void Each_built_in_leaks_exactly_what_it_is_meant_to(string name, string leaked)
    {
        var expected = leaked.Length == 0 ? [] : leaked.Split(',');

        Assert.Equal(expected, Run(name).Leaked);
    }

    [Fact]
    public void The_catalogue_table_covers_every_built_in()
    {
        var covered = typeof(ThreadCases).GetMethod(nameof(Each_built_in_leaks_exactly_what_it_is_meant_to))!
            .GetCustomAttributes(typeof(InlineDataAttribute), false).Cast<InlineDataAttribute>()
            .Select(a => (string)a.GetData(null!).First()[0]);

        Assert.Equal(BuiltInScenarios.Names.Order(), covered.Order());
    }

    [Fact]
    public void A_callback_label_in_a_trace_always_means_the_callback_ran()
    {
        // Notes and actions never reuse the label of a callback, so the CLI's label list can be read literally.
        foreach (var scenario in BuiltInScenarios.All)
        {
            var result = LifecycleSimulator.Run(scenario);
            var callbacks = result.CallbackLabels.ToHashSet();
            var others = result.Trace.Where(e => e.Kind != TraceEventKind.Callback).Select(e => e.Label);
            Assert.DoesNotContain(others, callbacks.Contains);
            Assert.DoesNotContain(result.Trace.Where(e => e.Kind != TraceEventKind.Callback), e => e.Label.StartsWith("Evt", StringComparison.Ordinal) || e.Label == "DriverEntry");
        }
    }
}
