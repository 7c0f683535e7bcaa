using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The C# builder: validation names the scenario and the step's path; step ids are stable and readable.</summary>
public sealed class ScenarioBuilderRules
{
    [Fact]
    public void A_builder_mistake_names_the_scenario_and_the_steps_path()
    {
        var e = Assert.Throws<ScenarioFormatException>(() =>
            Scenario.Named("typo").DriverEntry(x => x.WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBufer")))).Build());

        Assert.Equal("scenario 'typo' ($.driverEntry[0].evtCleanupCallback[0].name): free of 'gBufer', which is never allocated; allowed: (none declared)", e.Message);
    }

    [Fact]
    public void Step_ids_name_the_routine_the_device_instance_and_the_step()
    {
        var scenario = Scenario.Named("ids")
            .DriverEntry(e => e
                .Allocate("gBuffer")
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnPrepareHardware(p => p.Call("Map").Call("Map")))).OnCleanup(c => c.Call("X"))))
            .DeviceArrives(2)
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(
            ["DriverEntry.Allocate(gBuffer)", "WdfDriverCreate", "DriverEntry",
             "EvtDriverDeviceAdd#1.WdfDeviceCreate", "EvtDriverDeviceAdd#1",
             "EvtDevicePrepareHardware#1.Call(Map)", "EvtDevicePrepareHardware#1.Call(Map)[2]", "EvtDevicePrepareHardware#1",
             "EvtDriverDeviceAdd#2.WdfDeviceCreate", "EvtDriverDeviceAdd#2",
             "EvtDevicePrepareHardware#2.Call(Map)", "EvtDevicePrepareHardware#2.Call(Map)[2]", "EvtDevicePrepareHardware#2"],
            result.FallibleSteps);
    }

    [Fact]
    public void Callbacks_only_registered_in_the_framework_are_fallible_when_registered()
    {
        // D0Entry was not registered here, so it is not a failure point
        var scenario = Scenario.Named("unregistered").DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()))).DeviceArrives().Build();

        Assert.DoesNotContain("EvtDeviceD0Entry#1", LifecycleSimulator.Run(scenario).FallibleSteps);
    }

    [Fact]
    public void A_failure_id_that_no_step_reaches_is_reported_as_unreached()
    {
        var scenario = Scenario.Named("unreached").DriverEntry(e => e.WdfDriverCreate()).Build();

        var result = LifecycleSimulator.Run(scenario, "DriverEntry.Allocate(nope)");

        Assert.Equal(["DriverEntry.Allocate(nope)"], result.UnreachedFailures);
    }

    [Fact]
    public void WdfDeviceCreate_outside_EvtDriverDeviceAdd_is_rejected()
    {
        var e = Assert.Throws<ScenarioFormatException>(() => Scenario.Named("where").DriverEntry(x => x.WdfDeviceCreate()).Build());

        Assert.Contains("($.driverEntry[0].step): wdfDeviceCreate belongs in EvtDriverDeviceAdd", e.Message);
    }

    [Fact]
    public void A_failure_path_runs_before_the_routine_returns_the_status()
    {
        var scenario = Scenario.Named("on-failure")
            .DriverEntry(e => e.Allocate("WppTracing", ResourceKind.Tracing).WdfDriverCreate(onFailure: f => f.Free("WppTracing")).Call("NotReached"))
            .Build();

        var result = LifecycleSimulator.Run(scenario, "WdfDriverCreate");

        TraceAssert.InOrder(result.Labels, "WdfDriverCreate", "OnFailure", "Free(WppTracing)", "FxStubDriverUnloadCommon");
        Assert.DoesNotContain("Call(NotReached)", result.Labels);
        Assert.True(result.IsClean);
    }

    [Fact]
    public void Same_scenario_and_options_give_identical_results()
    {
        var scenario = BuiltInScenarios.Get("lookaside-torn-down-while-in-use");
        var options = new SimulationOptions().Failing("EvtDevicePrepareHardware#2");

        var a = LifecycleSimulator.Run(scenario, options);
        var b = LifecycleSimulator.Run(scenario, options);

        Assert.Equal(a.Trace, b.Trace);
        Assert.Equal(a.Findings, b.Findings);
        Assert.Equal(a.Diagnostics, b.Diagnostics);
        Assert.Equal(a.Outcome.DriverUnloadChain, b.Outcome.DriverUnloadChain);
    }
}
