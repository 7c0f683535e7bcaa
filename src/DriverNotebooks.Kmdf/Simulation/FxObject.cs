namespace DriverNotebooks.Kmdf;

/// <summary>A framework object in the simulated tree (the state FxObject keeps that matters to the lifecycle).</summary>
internal sealed class FxObject(string name, WdfObjectType type, FxObject? parent, int device, Body? cleanup, Body? destroy)
{
    public string Name { get; } = name;
    public WdfObjectType Type { get; } = type;
    public FxObject? Parent { get; private set; } = parent;

    /// <summary>Children in creation order (tail insert, as AddChildObjectInternal does).</summary>
    public List<FxObject> Children { get; } = [];

    /// <summary>The device instance whose code created it (0 for driver-level objects); its callbacks run in that device's context.</summary>
    public int Device { get; } = device;
    public Body? Cleanup { get; } = cleanup;
    public Body? Destroy { get; } = destroy;
    public bool IsDefaultQueue { get; init; }

    /// <summary>Deletion has started: the object refuses new children (STATUS_DELETE_PENDING).</summary>
    public bool DeletePending { get; set; }
    public bool CleanupRan { get; set; }

    /// <summary>The reference the tree holds (dropped when the parent is deleted or the object itself is).</summary>
    public bool TreeReferenceReleased { get; set; }

    /// <summary>References taken with WdfObjectReference and not yet dropped.</summary>
    public int DriverReferences { get; set; }
    public bool Destroyed { get; set; }

    /// <summary>USB pipes: the continuous reader, if configured.</summary>
    public ConfigContinuousReaderStep? Reader { get; set; }

    /// <summary>USB pipes: the readers failed and were not restarted; nothing is read until the target is stopped and started again.</summary>
    public bool ReadersIdle { get; set; }

    /// <summary>I/O targets: started with WdfIoTargetStart and not stopped.</summary>
    public bool TargetStarted { get; set; }

    /// <summary>The driver may not call WdfObjectDelete on it (MarkNoDeleteDDI).</summary>
    public bool NoDeleteDdi => !Type.DriverMayDelete() || IsDefaultQueue;

    public void Detach()
    {
        Parent?.Children.Remove(this);
        Parent = null;
    }
}
