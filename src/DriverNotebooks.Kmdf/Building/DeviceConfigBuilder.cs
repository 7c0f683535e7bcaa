namespace DriverNotebooks.Kmdf;

/// <summary>The PnP/power callbacks and attributes of a WDFDEVICE, for <see cref="CodeBuilder.WdfDeviceCreate"/>.</summary>
/// <remarks>Calling an <c>On…</c> method registers the callback, even with no code; unregistered callbacks are skipped.</remarks>
public sealed class DeviceConfigBuilder
{
    private readonly string _path;
    private readonly Dictionary<DeviceCallback, Body> _callbacks = [];
    private string _name = "WDFDEVICE";
    private Body? _cleanup;
    private Body? _destroy;

    internal DeviceConfigBuilder(string path) => _path = path;

    internal WdfDeviceCreateStep Build() => new()
    {
        Path = _path,
        ObjectName = _name,
        Callbacks = new Dictionary<DeviceCallback, Body>(_callbacks),
        EvtCleanupCallback = _cleanup,
        EvtDestroyCallback = _destroy,
    };

    /// <summary>The object's name; instances are suffixed #1, #2… (default WDFDEVICE).</summary>
    public DeviceConfigBuilder Named(string objectName) { _name = objectName; return this; }

    /// <summary>Registers any device callback.</summary>
    public DeviceConfigBuilder On(DeviceCallback callback, Action<CodeBuilder>? code = null)
    {
        _callbacks[callback] = CodeBuilder.Build($"{_path}.{JsonNames.Of(callback)}", code);
        return this;
    }

    public DeviceConfigBuilder OnPrepareHardware(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDevicePrepareHardware, code);
    public DeviceConfigBuilder OnReleaseHardware(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceReleaseHardware, code);
    public DeviceConfigBuilder OnD0Entry(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceD0Entry, code);
    public DeviceConfigBuilder OnD0EntryPostInterruptsEnabled(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceD0EntryPostInterruptsEnabled, code);
    public DeviceConfigBuilder OnD0ExitPreInterruptsDisabled(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceD0ExitPreInterruptsDisabled, code);
    public DeviceConfigBuilder OnD0Exit(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceD0Exit, code);
    public DeviceConfigBuilder OnSelfManagedIoInit(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSelfManagedIoInit, code);
    public DeviceConfigBuilder OnSelfManagedIoSuspend(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSelfManagedIoSuspend, code);
    public DeviceConfigBuilder OnSelfManagedIoRestart(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSelfManagedIoRestart, code);
    public DeviceConfigBuilder OnSelfManagedIoFlush(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSelfManagedIoFlush, code);
    public DeviceConfigBuilder OnSelfManagedIoCleanup(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSelfManagedIoCleanup, code);
    public DeviceConfigBuilder OnQueryRemove(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceQueryRemove, code);
    public DeviceConfigBuilder OnSurpriseRemoval(Action<CodeBuilder>? code = null) => On(DeviceCallback.EvtDeviceSurpriseRemoval, code);

    /// <summary>The WDFDEVICE's EvtCleanupCallback.</summary>
    public DeviceConfigBuilder OnCleanup(Action<CodeBuilder>? code = null) { _cleanup = CodeBuilder.Build($"{_path}.{JsonNames.EvtCleanupCallback}", code); return this; }

    /// <summary>The WDFDEVICE's EvtDestroyCallback.</summary>
    public DeviceConfigBuilder OnDestroy(Action<CodeBuilder>? code = null) { _destroy = CodeBuilder.Build($"{_path}.{JsonNames.EvtDestroyCallback}", code); return this; }
}
