namespace DriverNotebooks.Kmdf;

/// <summary>Framework object types the simulator knows, with the parent rules of kmdf-lifecycle.md §3.1.</summary>
public enum WdfObjectType
{
    Driver,
    Device,
    ControlDevice,
    MiniportDevice,
    Queue,
    IoTarget,
    UsbDevice,
    UsbInterface,
    UsbPipe,
    Lookaside,
    Memory,
    Collection,
    String,
    WaitLock,
    SpinLock,
    Object,
    Timer,
    WorkItem,
}

/// <summary>Where an object's parent comes from when the driver names none.</summary>
public enum DefaultParent
{
    /// <summary>The WDFDRIVER cannot have a parent.</summary>
    None,

    /// <summary>Defaults to the WDFDRIVER (FxObject::Commit).</summary>
    Driver,

    /// <summary>Defaults to the WDFDEVICE whose callback creates it.</summary>
    Device,

    /// <summary>The parent is fixed by the framework (USB interface under the USB device, pipe under the interface).</summary>
    Framework,

    /// <summary>No default: the driver must name a parent (STATUS_WDF_PARENT_NOT_SPECIFIED otherwise).</summary>
    Required,
}

/// <summary>Table of per-type rules (§3.1 default parents, §3.4 objects the driver may not delete).</summary>
public static class WdfObjectTypeInfo
{
    /// <summary>The handle type name, e.g. WDFLOOKASIDE.</summary>
    public static string HandleType(this WdfObjectType t) => t switch
    {
        WdfObjectType.Driver => "WDFDRIVER",
        WdfObjectType.Device or WdfObjectType.ControlDevice or WdfObjectType.MiniportDevice => "WDFDEVICE",
        WdfObjectType.Queue => "WDFQUEUE",
        WdfObjectType.IoTarget => "WDFIOTARGET",
        WdfObjectType.UsbDevice => "WDFUSBDEVICE",
        WdfObjectType.UsbInterface => "WDFUSBINTERFACE",
        WdfObjectType.UsbPipe => "WDFUSBPIPE",
        WdfObjectType.Lookaside => "WDFLOOKASIDE",
        WdfObjectType.Memory => "WDFMEMORY",
        WdfObjectType.Collection => "WDFCOLLECTION",
        WdfObjectType.String => "WDFSTRING",
        WdfObjectType.WaitLock => "WDFWAITLOCK",
        WdfObjectType.SpinLock => "WDFSPINLOCK",
        WdfObjectType.Timer => "WDFTIMER",
        WdfObjectType.WorkItem => "WDFWORKITEM",
        _ => "WDFOBJECT",
    };

    /// <summary>The creating DDI. <c>WdfControlDeviceCreate</c> stands for WdfControlDeviceInitAllocate + WdfDeviceCreate + WdfControlFinishInitializing.</summary>
    public static string CreateDdi(this WdfObjectType t) => t switch
    {
        WdfObjectType.Driver => "WdfDriverCreate",
        WdfObjectType.Device => "WdfDeviceCreate",
        WdfObjectType.ControlDevice => "WdfControlDeviceCreate",
        WdfObjectType.MiniportDevice => "WdfDeviceMiniportCreate",
        WdfObjectType.Queue => "WdfIoQueueCreate",
        WdfObjectType.IoTarget => "WdfIoTargetCreate",
        WdfObjectType.UsbDevice => "WdfUsbTargetDeviceCreate",
        WdfObjectType.UsbInterface or WdfObjectType.UsbPipe => "WdfUsbTargetDeviceSelectConfig",
        WdfObjectType.Lookaside => "WdfLookasideListCreate",
        WdfObjectType.Memory => "WdfMemoryCreate",
        WdfObjectType.Collection => "WdfCollectionCreate",
        WdfObjectType.String => "WdfStringCreate",
        WdfObjectType.WaitLock => "WdfWaitLockCreate",
        WdfObjectType.SpinLock => "WdfSpinLockCreate",
        WdfObjectType.Timer => "WdfTimerCreate",
        WdfObjectType.WorkItem => "WdfWorkItemCreate",
        _ => "WdfObjectCreate",
    };

    /// <summary>The parent an object gets when the driver names none.</summary>
    public static DefaultParent DefaultParent(this WdfObjectType t) => t switch
    {
        WdfObjectType.Driver => Kmdf.DefaultParent.None,
        WdfObjectType.Device or WdfObjectType.ControlDevice or WdfObjectType.MiniportDevice => Kmdf.DefaultParent.Driver,
        WdfObjectType.Queue or WdfObjectType.IoTarget or WdfObjectType.UsbDevice => Kmdf.DefaultParent.Device,
        WdfObjectType.UsbInterface or WdfObjectType.UsbPipe => Kmdf.DefaultParent.Framework,
        WdfObjectType.Timer or WdfObjectType.WorkItem => Kmdf.DefaultParent.Required,
        _ => Kmdf.DefaultParent.Driver,
    };

    /// <summary>Whether WDF_OBJECT_ATTRIBUTES.ParentObject may name another parent.</summary>
    public static bool MayOverrideParent(this WdfObjectType t) => t switch
    {
        WdfObjectType.Driver or WdfObjectType.Device or WdfObjectType.ControlDevice or WdfObjectType.MiniportDevice
            or WdfObjectType.UsbDevice or WdfObjectType.UsbInterface or WdfObjectType.UsbPipe => false,
        _ => true,
    };

    /// <summary>
    /// False for objects marked no-delete (MarkNoDeleteDDI): WDFDRIVER, PnP WDFDEVICE, default queues, USB
    /// interfaces and pipes. WdfObjectDelete on them is a no-op plus a verifier diagnostic (§3.4).
    /// </summary>
    public static bool DriverMayDelete(this WdfObjectType t) => t switch
    {
        WdfObjectType.Driver or WdfObjectType.Device or WdfObjectType.UsbInterface or WdfObjectType.UsbPipe => false,
        _ => true,
    };
}
