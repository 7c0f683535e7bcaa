using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>The USB continuous reader when reads fail (kmdf-lifecycle.md §5 items 2 and 11–14).</summary>
public sealed class ContinuousReaderRules
{
    private static ScenarioBuilder Reader(int numPendingReads = 0, Action<CodeBuilder>? onReadersFailed = null, bool restart = true) =>
        Scenario.Named("reader").DriverEntry(e => e
            .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev
                .OnPrepareHardware(p => p
                    .WdfUsbTargetDeviceCreate("UsbDevice")
                    .WdfUsbTargetDeviceSelectConfig("UsbDevice", "Pipe")
                    .WdfUsbTargetPipeConfigContinuousReader("Pipe", r => r.Call("Consume"), numPendingReads: numPendingReads,
                        onReadersFailed: onReadersFailed, restartReaders: restart))
                .OnD0Entry(d0 => d0.WdfIoTargetStart("Pipe"))
                .OnD0Exit(dx => dx.WdfIoTargetStop("Pipe"))))))
            .DeviceArrives();

    [Fact]
    public void A_failed_read_drains_the_readers_calls_EvtUsbTargetPipeReadersFailed_and_resends_every_read_when_it_returns_TRUE()
    {
        var result = LifecycleSimulator.Run(Reader(numPendingReads: 4, onReadersFailed: f => f.Call("Log")).ReadsFail(1).ReadsComplete(1).Build());

        TraceAssert.InOrder(result.Labels, "ReadsFail", "QueueReadersFailedWorkItem", "EvtUsbTargetPipeReadersFailed", "RestartReaders", "EvtUsbTargetPipeReadComplete");
        Assert.Contains("3 of 4 reads", result.Event("QueueReadersFailedWorkItem").Detail);
        Assert.Contains("all 4 reads are sent again", result.Event("RestartReaders").Detail);
        Assert.Equal(Irql.PassiveLevel, result.Event("EvtUsbTargetPipeReadersFailed").Irql);
        Assert.Null(result.Event("EvtUsbTargetPipeReadersFailed").Status); // it returns a BOOLEAN, not a status
    }

    [Fact]
    public void When_EvtUsbTargetPipeReadersFailed_returns_FALSE_nothing_is_read_until_the_target_is_stopped_and_started_again()
    {
        var result = LifecycleSimulator.Run(Reader(onReadersFailed: f => f.Call("Log"), restart: false)
            .ReadsFail(1).ReadsComplete(1).IdleDevice(1).WakeDevice(1).ReadsComplete(1).Build());

        Assert.Equal(1, result.Count("EvtUsbTargetPipeReadComplete"));
        TraceAssert.InOrder(result.Labels, "ReadersNotRestarted", "ReadersNotRestarted", "WdfIoTargetStop(Pipe#1)", "WdfIoTargetStart(Pipe#1)", "EvtUsbTargetPipeReadComplete");
    }

    [Fact]
    public void A_disconnected_device_gets_no_new_reads_even_when_the_callback_asks_for_a_restart()
    {
        var result = LifecycleSimulator.Run(Reader(onReadersFailed: f => f.Call("Log"), restart: true).ReadsFail(1, disconnected: true).Build());

        Assert.Contains("returns TRUE", result.Event("EvtUsbTargetPipeReadersFailed").Detail);
        Assert.DoesNotContain("RestartReaders", result.Labels);
        Assert.Contains("not connected", result.Event("ReadersNotRestarted").Detail);
        Assert.Contains("STATUS_DEVICE_NOT_CONNECTED", result.Event("ReadsFail").Detail);
    }

    [Fact]
    public void Without_EvtUsbTargetPipeReadersFailed_the_framework_restarts_the_readers_by_default()
    {
        var result = LifecycleSimulator.Run(Reader().ReadsFail(1, NtStatus.Unsuccessful).Build());

        TraceAssert.InOrder(result.Labels, "DefaultRestart", "RestartReaders");
        Assert.DoesNotContain("EvtUsbTargetPipeReadersFailed", result.Labels);
    }

    [Fact]
    public void A_read_completing_with_STATUS_CANCELLED_changes_nothing()
    {
        var result = LifecycleSimulator.Run(Reader(onReadersFailed: f => f.Call("Log")).ReadsFail(1, NtStatus.Cancelled).ReadsComplete(1).Build());

        Assert.Contains("ReadCancelled", result.Labels);
        Assert.DoesNotContain("EvtUsbTargetPipeReadersFailed", result.Labels);
        Assert.Equal(1, result.Count("EvtUsbTargetPipeReadComplete"));
    }

    [Theory]
    [InlineData(0, "NumPendingReads 0 → the default 2", "sends the continuous reader's 2 reads")]
    [InlineData(1, "NumPendingReads 1", "sends the continuous reader's 1 reads")]
    [InlineData(40, "NumPendingReads 40 → clamped to 10", "sends the continuous reader's 10 reads")]
    public void NumPendingReads_0_means_the_default_2_and_values_above_10_are_clamped_silently(int configured, string configDetail, string startDetail)
    {
        var result = LifecycleSimulator.Run(Reader(numPendingReads: configured).Build());

        Assert.Equal(NtStatus.Success, result.Event("WdfUsbTargetPipeConfigContinuousReader(Pipe#1)").Status);
        Assert.Contains(configDetail, result.Event("WdfUsbTargetPipeConfigContinuousReader(Pipe#1)").Detail);
        Assert.Equal(startDetail, result.Event("WdfIoTargetStart(Pipe#1)").Detail);
    }

    [Fact]
    public void WdfIoTargetStop_in_EvtUsbTargetPipeReadersFailed_is_reported_as_a_deadlock()
    {
        var result = LifecycleSimulator.Run(Reader(onReadersFailed: f => f.WdfIoTargetStop("Pipe")).ReadsFail(1).Build());

        Assert.Equal(DiagnosticCode.TargetStoppedInReadersFailed, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_NumPendingReads_that_is_not_a_UCHAR_and_a_success_status_for_a_failing_read_are_rejected()
    {
        var pending = Assert.Throws<ScenarioFormatException>(() => Reader(numPendingReads: 256).Build());
        var success = Assert.Throws<ScenarioFormatException>(() => Reader().ReadsFail(1, NtStatus.Success).Build());

        Assert.Contains("NumPendingReads 256; allowed: 0 (the default, 2) to 255", pending.Message);
        Assert.Contains("($.events[1].status): status STATUS_SUCCESS is a success", success.Message);
    }
}
