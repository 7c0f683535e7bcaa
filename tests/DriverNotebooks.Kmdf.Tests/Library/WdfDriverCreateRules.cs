using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>kmdf-lifecycle.md §1.2: WdfDriverCreate's validation and failure paths.</summary>
public sealed class WdfDriverCreateRules
{
    private static NtStatus StatusOf(RunResult result, string label, int occurrence = 0) =>
        result.Trace.Where(e => e.Label == label).ElementAt(occurrence).Status!.Value;

    [Fact]
    public void A_failed_WdfDriverCreate_clears_the_callbacks_so_driver_cleanup_never_runs()
    {
        var scenario = Scenario.Named("create-fails")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload().OnCleanup().OnDestroy()))
            .Build();

        var result = LifecycleSimulator.Run(scenario, "WdfDriverCreate");

        Assert.Contains("FxObject::DeleteFromFailedCreate", result.Labels);
        Assert.Equal(["DriverEntry"], result.CallbackLabels);
        Assert.False(result.Outcome.WdfDriverCreated);
        Assert.Contains(result.Trace, e => e.Label == "FxLibraryCommonUnregisterClient" && e.Detail!.StartsWith("Driver == NULL", StringComparison.Ordinal));
    }

    [Fact]
    public void WdfDriverCreate_can_only_be_called_once()
    {
        var scenario = Scenario.Named("twice").DriverEntry(e => e.WdfDriverCreate().WdfDriverCreate()).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.Success, StatusOf(result, "WdfDriverCreate", 0));
        Assert.Equal(NtStatus.DriverInternalError, StatusOf(result, "WdfDriverCreate", 1));
        Assert.Equal(NtStatus.DriverInternalError, result.Outcome.DriverEntryStatus);
    }

    [Fact]
    public void A_non_PnP_driver_with_EvtDriverDeviceAdd_is_rejected_before_any_FxDriver_exists()
    {
        var scenario = Scenario.Named("nonpnp-add")
            .DriverEntry(e => e.WdfDriverCreate(d => d.NonPnp().OnDeviceAdd().OnCleanup()))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.InvalidParameter, StatusOf(result, "WdfDriverCreate"));
        Assert.DoesNotContain("FxObject::DeleteFromFailedCreate", result.Labels);
        Assert.DoesNotContain("WDFDRIVER.EvtCleanupCallback", result.CallbackLabels);
    }

    [Fact]
    public void The_WDFDRIVER_may_not_have_a_parent()
    {
        var scenario = Scenario.Named("parent")
            .DriverEntry(e => e.WdfDriverCreate(d => d.WithParent("gObject")).WdfObjectCreate("gObject"))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.WdfParentAssignmentNotAllowed, StatusOf(result, "WdfDriverCreate"));
    }

    [Theory]
    [InlineData(DriverMode.Pnp, false, true)]
    [InlineData(DriverMode.Pnp, true, true)]
    [InlineData(DriverMode.NonPnp, false, false)]
    [InlineData(DriverMode.NonPnp, true, true)]
    [InlineData(DriverMode.NoDispatchOverride, false, false)]
    [InlineData(DriverMode.NoDispatchOverride, true, true)]
    public void DisplaceDriverUnload_is_set_for_PnP_drivers_and_otherwise_only_with_EvtDriverUnload(DriverMode mode, bool withUnload, bool displaced)
    {
        var scenario = Scenario.Named("displace")
            .DriverEntry(e => e.WdfDriverCreate(d =>
            {
                d.Mode(mode);
                if (withUnload) d.OnUnload();
            }))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(displaced, result.Labels.Contains("DisplaceDriverUnload"));
    }

    [Fact]
    public void WDFDRIVER_callbacks_run_at_PASSIVE_LEVEL()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("full-lifecycle"));

        Assert.All(result.Trace.Where(e => e.Label.StartsWith("WDFDRIVER.", StringComparison.Ordinal) || e.Label == "EvtDriverUnload"),
            e => Assert.Equal(Irql.PassiveLevel, e.Irql));
    }
}
