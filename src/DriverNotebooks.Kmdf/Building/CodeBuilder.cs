namespace DriverNotebooks.Kmdf;

/// <summary>
/// Writes the shape of one routine of driver code, statement by statement:
/// <c>e.Allocate("gBuffer").WdfDriverCreate(d => d.OnCleanup(c => c.Free("gBuffer")))</c>.
/// </summary>
/// <remarks>
/// Every verb that returns an NTSTATUS takes an optional <c>onFailure</c>: the code the driver runs before
/// returning the failure (<c>if (!NT_SUCCESS(status)) { …; return status; }</c>). Without it the routine just
/// returns the status.
/// </remarks>
public sealed class CodeBuilder
{
    private readonly string _path;
    private readonly List<Step> _steps = [];

    internal CodeBuilder(string path) => _path = path;

    private string Next => $"{_path}[{_steps.Count}]";

    internal static Body Build(string path, Action<CodeBuilder>? code)
    {
        var b = new CodeBuilder(path);
        code?.Invoke(b);
        return new Body(path, b._steps.ToArray());
    }

    internal static Body? BuildOptional(string path, Action<CodeBuilder>? code) => code is null ? null : Build(path, code);

    private CodeBuilder Add(Step step)
    {
        _steps.Add(step);
        return this;
    }

    private Body? Failure(string path, Action<CodeBuilder>? onFailure) => BuildOptional($"{path}.{JsonNames.OnFailure}", onFailure);

    /// <summary>The driver allocates a resource it must free itself (pool block by default).</summary>
    public CodeBuilder Allocate(string name, ResourceKind kind = ResourceKind.Pool, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        return Add(new AllocateStep { Path = p, Name = name, Kind = kind, OnFailure = Failure(p, onFailure) });
    }

    /// <summary>The driver frees a resource it allocated.</summary>
    public CodeBuilder Free(string name) => Add(new FreeStep { Path = Next, Name = name });

    /// <summary>A guarded free: <c>if (name != NULL) { free(name); name = NULL; }</c> (or an initialized flag); skips what is not allocated now.</summary>
    public CodeBuilder FreeIfAllocated(string name) => Add(new FreeStep { Path = Next, Name = name, Guarded = true });

    /// <summary>
    /// The driver uses a resource or object; in device callbacks the device keeps using it until <see cref="EndUse"/> or its deletion.
    /// In a device's code a name means the device's own instance if it has one, else the driver-wide one; <c>name#2</c> names device 2's.
    /// </summary>
    public CodeBuilder Use(string name) => Add(new UseStep { Path = Next, Name = name });

    /// <summary>The device stops using a resource.</summary>
    public CodeBuilder EndUse(string name) => Add(new EndUseStep { Path = Next, Name = name });

    /// <summary>A call to some routine that returns an NTSTATUS (reading the registry, creating a symbolic link…).</summary>
    public CodeBuilder Call(string routine, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        return Add(new CallStep { Path = p, Name = routine, OnFailure = Failure(p, onFailure) });
    }

    /// <summary>WdfDriverCreate, configured with the callbacks and mode of its WDF_DRIVER_CONFIG.</summary>
    public CodeBuilder WdfDriverCreate(Action<DriverConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        var config = new DriverConfigBuilder(p);
        configure?.Invoke(config);
        return Add(config.Build() with { OnFailure = Failure(p, onFailure) });
    }

    /// <summary>WdfDeviceCreate (in EvtDriverDeviceAdd), with the PnP/power callbacks registered on the device init.</summary>
    public CodeBuilder WdfDeviceCreate(Action<DeviceConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        var config = new DeviceConfigBuilder(p);
        configure?.Invoke(config);
        return Add(config.Build() with { OnFailure = Failure(p, onFailure) });
    }

    /// <summary>Creates a framework object of any type (the typed verbs below are shorthands).</summary>
    public CodeBuilder CreateObject(WdfObjectType type, string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        var config = new ObjectConfigBuilder(p);
        configure?.Invoke(config);
        return Add(config.Build(type, name) with { OnFailure = Failure(p, onFailure) });
    }

    /// <summary>WdfLookasideListCreate; the default parent is the WDFDRIVER, so the list lives as long as the driver.</summary>
    public CodeBuilder WdfLookasideListCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Lookaside, name, configure, onFailure);

    /// <summary>WdfMemoryCreate (default parent: the WDFDRIVER).</summary>
    public CodeBuilder WdfMemoryCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Memory, name, configure, onFailure);

    /// <summary>WdfCollectionCreate (default parent: the WDFDRIVER).</summary>
    public CodeBuilder WdfCollectionCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Collection, name, configure, onFailure);

    /// <summary>WdfObjectCreate: a general object (default parent: the WDFDRIVER).</summary>
    public CodeBuilder WdfObjectCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Object, name, configure, onFailure);

    /// <summary>WdfSpinLockCreate (default parent: the WDFDRIVER).</summary>
    public CodeBuilder WdfSpinLockCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.SpinLock, name, configure, onFailure);

    /// <summary>WdfTimerCreate: the parent is required (STATUS_WDF_PARENT_NOT_SPECIFIED otherwise).</summary>
    public CodeBuilder WdfTimerCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Timer, name, configure, onFailure);

    /// <summary>WdfWorkItemCreate: the parent is required.</summary>
    public CodeBuilder WdfWorkItemCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.WorkItem, name, configure, onFailure);

    /// <summary>WdfIoQueueCreate (default parent: the device). Mark it <see cref="ObjectConfigBuilder.AsDefaultQueue"/> for a default queue.</summary>
    public CodeBuilder WdfIoQueueCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.Queue, name, configure, onFailure);

    /// <summary>WdfUsbTargetDeviceCreate (parent: the device), normally in EvtDevicePrepareHardware.</summary>
    public CodeBuilder WdfUsbTargetDeviceCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.UsbDevice, name, configure, onFailure);

    /// <summary>A control device (WdfControlDeviceInitAllocate + WdfDeviceCreate + WdfControlFinishInitializing), parented to the WDFDRIVER; the driver may delete it.</summary>
    public CodeBuilder WdfControlDeviceCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.ControlDevice, name, configure, onFailure);

    /// <summary>WdfDeviceMiniportCreate: a miniport's device object, which the driver deletes itself.</summary>
    public CodeBuilder WdfDeviceMiniportCreate(string name, Action<ObjectConfigBuilder>? configure = null, Action<CodeBuilder>? onFailure = null) =>
        CreateObject(WdfObjectType.MiniportDevice, name, configure, onFailure);

    /// <summary>WdfUsbTargetDeviceSelectConfig: creates an interface and the named pipe under the USB target device.</summary>
    public CodeBuilder WdfUsbTargetDeviceSelectConfig(string usbDevice, string pipe, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        return Add(new SelectConfigStep { Path = p, UsbDevice = usbDevice, Pipe = pipe, OnFailure = Failure(p, onFailure) });
    }

    /// <summary>WdfUsbTargetPipeConfigContinuousReader: configures a reader; nothing is read until <see cref="WdfIoTargetStart"/>.</summary>
    /// <param name="pipe">The pipe object's name.</param>
    /// <param name="onReadComplete">EvtUsbTargetPipeReadComplete.</param>
    /// <param name="onFailure">The driver's failure path if configuring fails.</param>
    /// <param name="numPendingReads">NumPendingReads: 0 is the framework default (2); above 10 is clamped to 10.</param>
    /// <param name="onReadersFailed">EvtUsbTargetPipeReadersFailed, registered when given.</param>
    /// <param name="restartReaders">What EvtUsbTargetPipeReadersFailed returns (TRUE: reset the pipe and send the reads again).</param>
    public CodeBuilder WdfUsbTargetPipeConfigContinuousReader(string pipe, Action<CodeBuilder>? onReadComplete = null, Action<CodeBuilder>? onFailure = null,
        int numPendingReads = 0, Action<CodeBuilder>? onReadersFailed = null, bool restartReaders = true)
    {
        var p = Next;
        return Add(new ConfigContinuousReaderStep
        {
            Path = p,
            Pipe = pipe,
            EvtUsbTargetPipeReadComplete = Build($"{p}.{JsonNames.EvtUsbTargetPipeReadComplete}", onReadComplete),
            NumPendingReads = numPendingReads,
            EvtUsbTargetPipeReadersFailed = onReadersFailed is null ? null : Build($"{p}.{JsonNames.EvtUsbTargetPipeReadersFailed}", onReadersFailed),
            RestartReaders = restartReaders,
            OnFailure = Failure(p, onFailure),
        });
    }

    /// <summary>WdfIoTargetStart, normally in EvtDeviceD0Entry.</summary>
    public CodeBuilder WdfIoTargetStart(string target, Action<CodeBuilder>? onFailure = null)
    {
        var p = Next;
        return Add(new IoTargetStartStep { Path = p, Target = target, OnFailure = Failure(p, onFailure) });
    }

    /// <summary>WdfIoTargetStop, normally in EvtDeviceD0Exit.</summary>
    public CodeBuilder WdfIoTargetStop(string target) => Add(new IoTargetStopStep { Path = Next, Target = target });

    /// <summary>WdfObjectDelete. On an object the driver may not delete (WDFDRIVER, a PnP WDFDEVICE…) it is a no-op plus a verifier diagnostic.</summary>
    public CodeBuilder WdfObjectDelete(string name) => Add(new ObjectDeleteStep { Path = Next, Name = name });

    /// <summary>WdfObjectReference: delays the object's EvtDestroyCallback until the matching dereference.</summary>
    public CodeBuilder WdfObjectReference(string name) => Add(new ObjectReferenceStep { Path = Next, Name = name });

    /// <summary>WdfObjectDereference.</summary>
    public CodeBuilder WdfObjectDereference(string name) => Add(new ObjectDereferenceStep { Path = Next, Name = name });

    /// <summary>KsInitializeDriver (AVStream/BDA): overwrites dispatch, AddDevice and DriverUnload.</summary>
    public CodeBuilder KsInitializeDriver(Action<CodeBuilder>? onFailure = null) => ClassInit(ClassDriver.Ks, null, onFailure);

    /// <summary>PcInitializeAdapterDriver (PortCls): overwrites dispatch, AddDevice and DriverUnload.</summary>
    public CodeBuilder PcInitializeAdapterDriver(Action<CodeBuilder>? onFailure = null) => ClassInit(ClassDriver.PortCls, null, onFailure);

    /// <summary>NdisMRegisterMiniportDriver: NDIS takes DriverUnload and calls <paramref name="miniportDriverUnload"/> from it.</summary>
    public CodeBuilder NdisMRegisterMiniportDriver(Action<CodeBuilder>? miniportDriverUnload = null, Action<CodeBuilder>? onFailure = null) =>
        ClassInit(ClassDriver.Ndis, miniportDriverUnload, onFailure);

    private CodeBuilder ClassInit(ClassDriver c, Action<CodeBuilder>? miniportUnload, Action<CodeBuilder>? onFailure)
    {
        var p = Next;
        return Add(new ClassInitStep
        {
            Path = p,
            Class = c,
            MiniportDriverUnload = BuildOptional($"{p}.{JsonNames.MiniportDriverUnload}", miniportUnload),
            OnFailure = Failure(p, onFailure),
        });
    }

    /// <summary><c>saved = DriverObject->DriverUnload; DriverObject->DriverUnload = routine;</c> with the routine's code.</summary>
    public CodeBuilder SetDriverUnload(string routine, Action<CodeBuilder> body)
    {
        var p = Next;
        return Add(new SetDriverUnloadStep { Path = p, Routine = routine, Body = Build($"{p}.{JsonNames.Body}", body) });
    }

    /// <summary>In a routine installed by <see cref="SetDriverUnload"/>: call the routine it replaced.</summary>
    public CodeBuilder CallSavedDriverUnload() => Add(new CallSavedDriverUnloadStep { Path = Next });

    /// <summary>WdfDriverMiniportUnload(WdfGetDriver()).</summary>
    public CodeBuilder WdfDriverMiniportUnload() => Add(new WdfDriverMiniportUnloadStep { Path = Next });
}
