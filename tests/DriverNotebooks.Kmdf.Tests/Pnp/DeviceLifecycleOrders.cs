using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>kmdf-lifecycle.md §4 (a)–(f): the framework's callback orders, checked as exact sequences.</summary>
public sealed class DeviceLifecycleOrders
{
    private static readonly string[] Start =
    [
        "EvtDriverDeviceAdd", "EvtDevicePrepareHardware", "EvtDeviceD0Entry", "EvtDeviceD0EntryPostInterruptsEnabled", "EvtDeviceSelfManagedIoInit",
    ];

    private static readonly string[] DeviceDeletion =
    [
        "Queue#1.EvtCleanupCallback", "WDFDEVICE#1.EvtCleanupCallback", "Queue#1.EvtDestroyCallback", "WDFDEVICE#1.EvtDestroyCallback",
    ];

    private static readonly string[] DriverUnload = ["EvtDriverUnload", "WDFDRIVER.EvtCleanupCallback", "WDFDRIVER.EvtDestroyCallback"];

    [Fact]
    public void Load_and_start_then_orderly_removal_and_unload_follow_tables_a_and_b()
    {
        var scenario = Drivers.PnpDriver("a-b").DeviceArrives().RemoveDevice(1).Unload().Build();

        var result = LifecycleSimulator.Run(scenario);

        string[] expected =
        [
            "DriverEntry", .. Start,
            "EvtDeviceQueryRemove", "EvtDeviceSelfManagedIoSuspend", "EvtDeviceD0ExitPreInterruptsDisabled", "EvtDeviceD0Exit",
            "EvtDeviceReleaseHardware", "EvtDeviceSelfManagedIoFlush", "EvtDeviceSelfManagedIoCleanup", .. DeviceDeletion, .. DriverUnload,
        ];
        Assert.Equal(expected, result.CallbackLabels);
    }

    [Fact]
    public void The_first_D0Entry_comes_from_WdfPowerDeviceD3Final_and_removal_exits_to_it()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("d3final").DeviceArrives().RemoveDevice(1).Build());

        Assert.Equal("PreviousState = WdfPowerDeviceD3Final", result.Event("EvtDeviceD0Entry").Detail);
        Assert.Equal("TargetState = WdfPowerDeviceD3Final", result.Event("EvtDeviceD0Exit").Detail);
    }

    [Fact]
    public void The_START_IRP_precedes_PrepareHardware_and_REMOVE_precedes_the_power_down()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("irps").DeviceArrives().RemoveDevice(1).Build());

        TraceAssert.InOrder(result.Labels, "AddDevice", "EvtDriverDeviceAdd", "IRP_MN_START_DEVICE", "EvtDevicePrepareHardware",
            "IRP_MN_QUERY_REMOVE_DEVICE", "EvtDeviceQueryRemove", "IRP_MN_REMOVE_DEVICE", "EvtDeviceSelfManagedIoSuspend");
    }

    [Fact]
    public void Surprise_removal_in_D0_powers_down_then_releases_hardware_then_waits_for_REMOVE_table_c()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("c").DeviceArrives().SurpriseRemoveDevice(1).Unload().Build());

        string[] expected =
        [
            "DriverEntry", .. Start,
            "EvtDeviceSurpriseRemoval", "EvtDeviceSelfManagedIoSuspend", "EvtDeviceD0ExitPreInterruptsDisabled", "EvtDeviceD0Exit",
            "EvtDeviceReleaseHardware", "EvtDeviceSelfManagedIoFlush", "EvtDeviceSelfManagedIoCleanup", .. DeviceDeletion, .. DriverUnload,
        ];
        Assert.Equal(expected, result.CallbackLabels);
        TraceAssert.InOrder(result.Labels, "IRP_MN_SURPRISE_REMOVAL", "EvtDeviceSelfManagedIoFlush", "IRP_MN_REMOVE_DEVICE", "EvtDeviceSelfManagedIoCleanup");
    }

    [Fact]
    public void Surprise_removal_in_Dx_calls_ReleaseHardware_right_after_SurpriseRemoval()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("c-dx").DeviceArrives().IdleDevice(1).SurpriseRemoveDevice(1).Build());

        var afterSurprise = result.CallbackLabels.SkipWhile(l => l != "EvtDeviceSurpriseRemoval").ToArray();
        Assert.Equal(["EvtDeviceSurpriseRemoval", "EvtDeviceReleaseHardware", "EvtDeviceSelfManagedIoFlush", "EvtDeviceSelfManagedIoCleanup", .. DeviceDeletion], afterSurprise);
    }

    [Fact]
    public void Idling_suspends_self_managed_IO_and_exits_D0_and_waking_reverses_it()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("idle").DeviceArrives().IdleDevice(1).WakeDevice(1).Build());

        var power = result.CallbackLabels.Skip(1 + Start.Length).ToArray();
        Assert.Equal(
            ["EvtDeviceSelfManagedIoSuspend", "EvtDeviceD0ExitPreInterruptsDisabled", "EvtDeviceD0Exit",
             "EvtDeviceD0Entry", "EvtDeviceD0EntryPostInterruptsEnabled", "EvtDeviceSelfManagedIoRestart"],
            power);
        Assert.Equal("PreviousState = WdfPowerDeviceD3", result.Trace.Last(e => e.Label == "EvtDeviceD0Entry").Detail);
    }

    [Fact]
    public void Orderly_removal_from_Dx_does_not_power_down_again()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("remove-dx").DeviceArrives().IdleDevice(1).RemoveDevice(1).Build());

        Assert.Equal(1, result.Count("EvtDeviceD0Exit"));
        TraceAssert.InOrder(result.CallbackLabels, "EvtDeviceQueryRemove", "EvtDeviceReleaseHardware");
    }

    [Fact]
    public void EvtDriverDeviceAdd_failing_before_WdfDeviceCreate_runs_nothing_else_table_e()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("device-add-fails-before-wdfdevicecreate"));

        Assert.Equal(["DriverEntry", "EvtDriverDeviceAdd", "EvtDriverUnload", "WDFDRIVER.EvtCleanupCallback"], result.CallbackLabels);
        Assert.False(result.Event("EvtDriverDeviceAdd").Status!.Value.IsSuccess);
    }

    [Fact]
    public void EvtDriverDeviceAdd_failing_after_WdfDeviceCreate_deletes_the_device_without_hardware_or_self_managed_IO_callbacks()
    {
        var scenario = Scenario.Named("e-after")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a =>
            {
                Drivers.DeviceAddWithEverything()(a);
                a.Call("WdfDeviceCreateDeviceInterface");
            })))
            .DeviceArrives()
            .Failing("EvtDriverDeviceAdd#1.Call(WdfDeviceCreateDeviceInterface)")
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["DriverEntry", "EvtDriverDeviceAdd", .. DeviceDeletion], result.CallbackLabels);
        Assert.Contains("DeleteDeviceFromFailedCreate", result.Labels);
    }

    [Fact]
    public void Release_hardware_runs_even_when_prepare_hardware_fails_table_f()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("f").DeviceArrives().Unload().Failing("EvtDevicePrepareHardware#1").Build());

        Assert.Equal(
            ["DriverEntry", "EvtDriverDeviceAdd", "EvtDevicePrepareHardware", "EvtDeviceReleaseHardware", .. DeviceDeletion, .. DriverUnload],
            result.CallbackLabels);
    }

    [Fact]
    public void A_failing_first_D0Entry_gets_no_D0Exit()
    {
        var result = LifecycleSimulator.Run(Drivers.PnpDriver("d0").DeviceArrives().Failing("EvtDeviceD0Entry#1").Build());

        Assert.DoesNotContain("EvtDeviceD0Exit", result.CallbackLabels);
        Assert.DoesNotContain("EvtDeviceSelfManagedIoInit", result.CallbackLabels);
        TraceAssert.InOrder(result.CallbackLabels, "EvtDeviceD0Entry", "EvtDeviceReleaseHardware", "WDFDEVICE#1.EvtCleanupCallback");
    }

    [Fact]
    public void A_vetoed_query_remove_leaves_the_device_started()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("query-remove-vetoed"));

        TraceAssert.InOrder(result.Labels, "EvtDeviceQueryRemove", "IRP_MN_CANCEL_REMOVE_DEVICE", "DriverUnloadDeferred", "IRP_MN_SURPRISE_REMOVAL");
        var firstRemoveCleanup = result.IndexOf("WDFDEVICE#1.EvtCleanupCallback");
        Assert.True(result.IndexOf("IRP_MN_SURPRISE_REMOVAL") < firstRemoveCleanup);
        Assert.True(result.IsClean);
    }

    [Fact]
    public void Callbacks_the_driver_did_not_register_are_skipped()
    {
        var scenario = Scenario.Named("sparse")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnD0Entry().OnReleaseHardware()))))
            .DeviceArrives()
            .RemoveDevice(1)
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["DriverEntry", "EvtDriverDeviceAdd", "EvtDeviceD0Entry", "EvtDeviceReleaseHardware"], result.CallbackLabels);
    }

    [Fact]
    public void Device_callbacks_run_at_PASSIVE_LEVEL_and_a_continuous_readers_completion_at_DISPATCH_LEVEL()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("usb-continuous-reader"));

        Assert.All(result.Trace.Where(e => e.Kind == TraceEventKind.Callback && e.Label.StartsWith("EvtDevice", StringComparison.Ordinal)),
            e => Assert.Equal(Irql.PassiveLevel, e.Irql));
        Assert.All(result.Trace.Where(e => e.Label == "EvtUsbTargetPipeReadComplete"), e => Assert.Equal(Irql.DispatchLevel, e.Irql));
    }

    [Fact]
    public void A_continuous_reader_reads_only_between_WdfIoTargetStart_in_D0Entry_and_WdfIoTargetStop_in_D0Exit()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("usb-continuous-reader"));

        // 2 reads in D0, none while idle in Dx, 1 after waking
        Assert.Equal(3, result.Count("EvtUsbTargetPipeReadComplete"));
        TraceAssert.InOrder(result.Labels, "WdfUsbTargetPipeConfigContinuousReader(InterruptPipe#1)", "EvtDeviceD0Entry", "WdfIoTargetStart(InterruptPipe#1)",
            "EvtUsbTargetPipeReadComplete", "EvtDeviceD0Exit", "WdfIoTargetStop(InterruptPipe#1)", "ReadsComplete", "EvtDeviceD0Entry", "EvtUsbTargetPipeReadComplete");
        Assert.True(result.IsClean);
    }

    [Fact]
    public void A_continuous_reader_left_running_in_Dx_is_flagged()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("usb-continuous-reader-not-stopped"));

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.ReaderRunningInDx);
        Assert.Equal(1, result.Count("EvtUsbTargetPipeReadComplete"));
    }

    [Fact]
    public void Configuring_a_continuous_reader_twice_fails()
    {
        var scenario = Scenario.Named("reader-twice")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnPrepareHardware(p => p
                .WdfUsbTargetDeviceCreate("Usb")
                .WdfUsbTargetDeviceSelectConfig("Usb", "Pipe")
                .WdfUsbTargetPipeConfigContinuousReader("Pipe")
                .WdfUsbTargetPipeConfigContinuousReader("Pipe"))))))
            .DeviceArrives()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.InvalidDeviceState, result.Trace.Where(e => e.Label == "WdfUsbTargetPipeConfigContinuousReader(Pipe#1)").Last().Status);
    }

    [Fact]
    public void Callbacks_that_return_VOID_carry_no_status_in_the_trace()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("surprise-removal-in-d0"));

        Assert.All(["EvtDeviceSurpriseRemoval", "EvtDeviceSelfManagedIoFlush", "EvtDeviceSelfManagedIoCleanup"],
            label => Assert.Null(result.Event(label).Status));
        Assert.Equal(NtStatus.Success, result.Event("EvtDevicePrepareHardware").Status);
        Assert.Equal(NtStatus.Success, result.Event("EvtDeviceD0Exit").Status);
    }
}
