using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>kmdf-lifecycle.md §3: parents, deletion order, reference counts, callbacks once, objects the driver may not delete.</summary>
public sealed class ObjectTreeRules
{
    /// <summary>A tree under the WDFDRIVER: P ← {C1 ← G, C2}, all with cleanup and destroy callbacks, deleted by the driver.</summary>
    private static Scenario Tree(Action<CodeBuilder>? more = null) =>
        Scenario.Named("tree")
            .DriverEntry(e =>
            {
                e.WdfDriverCreate()
                    .WdfObjectCreate("P", o => o.OnCleanup().OnDestroy())
                    .WdfObjectCreate("C1", o => o.WithParent("P").OnCleanup().OnDestroy())
                    .WdfObjectCreate("G", o => o.WithParent("C1").OnCleanup().OnDestroy())
                    .WdfObjectCreate("C2", o => o.WithParent("P").OnCleanup().OnDestroy());
                more?.Invoke(e);
                e.WdfObjectDelete("P");
            })
            .Build();

    private static int At(RunResult r, string label) => r.CallbackLabels.ToList().IndexOf(label);

    [Fact]
    public void Cleanup_is_post_order_children_before_parent()
    {
        var result = LifecycleSimulator.Run(Tree());

        Assert.True(At(result, "G.EvtCleanupCallback") < At(result, "C1.EvtCleanupCallback"));
        Assert.True(At(result, "C1.EvtCleanupCallback") < At(result, "P.EvtCleanupCallback"));
        Assert.True(At(result, "C2.EvtCleanupCallback") < At(result, "P.EvtCleanupCallback"));
    }

    [Fact]
    public void Every_cleanup_in_the_subtree_comes_before_any_destroy_and_the_parent_is_destroyed_last()
    {
        var result = LifecycleSimulator.Run(Tree());

        var lastCleanup = new[] { "G", "C1", "C2", "P" }.Max(n => At(result, $"{n}.EvtCleanupCallback"));
        var firstDestroy = new[] { "G", "C1", "C2", "P" }.Min(n => At(result, $"{n}.EvtDestroyCallback"));
        Assert.True(lastCleanup < firstDestroy);
        Assert.True(At(result, "G.EvtDestroyCallback") < At(result, "C1.EvtDestroyCallback"));
        Assert.Equal("P.EvtDestroyCallback", result.CallbackLabels.Last());
    }

    [Fact]
    public void Canonical_pattern_children_cleanup_parent_cleanup_children_destroy_parent_destroy()
    {
        // §3.2: C1.Cleanup, C2.Cleanup, P.Cleanup, C1.Destroy, C2.Destroy, P.Destroy — siblings compared as sets
        var scenario = Scenario.Named("canonical")
            .DriverEntry(e => e
                .WdfDriverCreate()
                .WdfObjectCreate("P", o => o.OnCleanup().OnDestroy())
                .WdfObjectCreate("C1", o => o.WithParent("P").OnCleanup().OnDestroy())
                .WdfObjectCreate("C2", o => o.WithParent("P").OnCleanup().OnDestroy())
                .WdfObjectDelete("P"))
            .Build();

        var callbacks = LifecycleSimulator.Run(scenario).CallbackLabels.Skip(1).ToArray();

        Assert.Equal(6, callbacks.Length);
        Assert.Equal(new HashSet<string> { "C1.EvtCleanupCallback", "C2.EvtCleanupCallback" }, callbacks[..2].ToHashSet());
        Assert.Equal("P.EvtCleanupCallback", callbacks[2]);
        Assert.Equal(new HashSet<string> { "C1.EvtDestroyCallback", "C2.EvtDestroyCallback" }, callbacks[3..5].ToHashSet());
        Assert.Equal("P.EvtDestroyCallback", callbacks[5]);
    }

    [Fact]
    public void The_simulator_visits_siblings_in_creation_order_which_the_framework_does_not_promise()
    {
        // A property of this simulator (the source's tail-insert, head-first walk), documented as such; not a framework guarantee.
        var result = LifecycleSimulator.Run(Tree());

        Assert.True(At(result, "C1.EvtCleanupCallback") < At(result, "C2.EvtCleanupCallback"));
    }

    [Fact]
    public void WdfObjectReference_delays_destroy_but_not_cleanup()
    {
        var scenario = Tree(e => e.WdfObjectReference("C1"));

        var held = LifecycleSimulator.Run(scenario);

        Assert.Contains("C1.EvtCleanupCallback", held.CallbackLabels);
        Assert.DoesNotContain("C1.EvtDestroyCallback", held.CallbackLabels);
        Assert.Contains("G.EvtDestroyCallback", held.CallbackLabels);
        Assert.Contains("P.EvtDestroyCallback", held.CallbackLabels);
    }

    [Fact]
    public void The_last_WdfObjectDereference_destroys_a_deleted_object()
    {
        var scenario = Scenario.Named("deref")
            .DriverEntry(e => e
                .WdfDriverCreate()
                .WdfObjectCreate("X", o => o.OnCleanup().OnDestroy())
                .WdfObjectReference("X")
                .WdfObjectDelete("X")
                .Call("Between")
                .WdfObjectDereference("X"))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        TraceAssert.InOrder(result.Labels, "X.EvtCleanupCallback", "Call(Between)", "WdfObjectDereference(X)", "X.EvtDestroyCallback");
    }

    [Fact]
    public void A_reference_never_dropped_leaks_the_object_when_the_image_unloads()
    {
        var scenario = Scenario.Named("ref-leak")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload()).WdfObjectCreate("X").WdfObjectReference("X"))
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(["X"], result.Leaked);
        Assert.Contains("WdfObjectReference", result.Findings.Single().Detail);
    }

    [Fact]
    public void Each_cleanup_and_destroy_callback_runs_at_most_once()
    {
        var scenario = Scenario.Named("once")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate()).OnUnload(u => u.WdfObjectDelete("X")).OnCleanup().OnDestroy())
                .WdfObjectCreate("X", o => o.OnCleanup().OnDestroy()))
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.All(result.CallbackLabels.GroupBy(l => l), g => Assert.Single(g));
        Assert.Contains("X.EvtCleanupCallback", result.CallbackLabels);
    }

    [Fact]
    public void WdfObjectDelete_on_the_WDFDRIVER_is_a_no_op_with_a_verifier_diagnostic()
    {
        var result = LifecycleSimulator.Run(BuiltInScenarios.Get("wdfobjectdelete-on-wdfdriver"));

        Assert.Equal(2, result.Diagnostics.Count(d => d.Code == DiagnosticCode.DeleteOfNoDeleteObject));
        Assert.Equal(1, result.Count("WDFDRIVER.EvtCleanupCallback"));
        Assert.Equal(1, result.Count("WDFDEVICE#1.EvtCleanupCallback"));
        TraceAssert.InOrder(result.Labels, "WdfObjectDelete(WDFDRIVER)", "Delete(WDFDRIVER)", "WDFDRIVER.EvtCleanupCallback");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void A_default_queue_may_not_be_deleted_by_the_driver_but_another_queue_may(bool isDefault, bool deleted)
    {
        var scenario = Scenario.Named("queue")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnDeviceAdd(a => a
                .WdfDeviceCreate()
                .WdfIoQueueCreate("Queue", q => { q.OnCleanup(); if (isDefault) q.AsDefaultQueue(); })
                .WdfObjectDelete("Queue"))))
            .DeviceArrives()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(deleted, result.CallbackLabels.Contains("Queue#1.EvtCleanupCallback"));
        Assert.Equal(!deleted, result.Diagnostics.Any(d => d.Code == DiagnosticCode.DeleteOfNoDeleteObject));
    }

    [Fact]
    public void Deleting_an_object_twice_is_flagged_and_its_callbacks_still_run_once()
    {
        var scenario = Scenario.Named("twice")
            .DriverEntry(e => e.WdfDriverCreate().WdfObjectCreate("X", o => o.OnCleanup(c => c.WdfObjectDelete("X"))).WdfObjectDelete("X"))
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.DeletedTwice);
        Assert.Equal(1, result.Count("X.EvtCleanupCallback"));
    }

    [Fact]
    public void A_parent_being_deleted_refuses_new_children()
    {
        // The WDFDRIVER's child tries to create another child of the WDFDRIVER from its cleanup callback
        var scenario = Scenario.Named("delete-pending")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnUnload())
                .WdfObjectCreate("X", o => o.OnCleanup(c => c.WdfMemoryCreate("Late"))))
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.DeletePending, result.Event("WdfMemoryCreate(Late)").Status);
        Assert.Empty(result.Leaked);
    }

    [Fact]
    public void A_lookaside_list_without_a_parent_is_a_child_of_the_WDFDRIVER()
    {
        var scenario = Scenario.Named("default-parent")
            .DriverEntry(e => e.WdfDriverCreate(d => d.OnUnload().OnCleanup()).WdfLookasideListCreate("L", o => o.OnCleanup()))
            .Unload()
            .Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal("children first: L", result.Event("Delete(WDFDRIVER)").Detail);
        TraceAssert.InOrder(result.CallbackLabels, "EvtDriverUnload", "L.EvtCleanupCallback", "WDFDRIVER.EvtCleanupCallback");
    }

    [Fact]
    public void A_queue_without_a_parent_is_a_child_of_its_device()
    {
        var scenario = Drivers.PnpDriver("queue-parent").DeviceArrives().RemoveDevice(1).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal("children first: Queue#1", result.Event("Delete(WDFDEVICE#1)").Detail);
    }

    [Fact]
    public void A_timer_has_no_default_parent()
    {
        var scenario = Scenario.Named("timer").DriverEntry(e => e.WdfDriverCreate().WdfTimerCreate("T")).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.WdfParentNotSpecified, result.Event("WdfTimerCreate(T)").Status);
    }

    [Fact]
    public void Framework_objects_cannot_be_created_before_WdfDriverCreate()
    {
        var scenario = Scenario.Named("early").DriverEntry(e => e.WdfCollectionCreate("C").WdfDriverCreate()).Build();

        var result = LifecycleSimulator.Run(scenario);

        Assert.Equal(NtStatus.InvalidDeviceState, result.Event("WdfCollectionCreate(C)").Status);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCode.NoDriverObject);
    }
}
