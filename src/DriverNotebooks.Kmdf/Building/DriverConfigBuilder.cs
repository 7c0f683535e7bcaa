namespace DriverNotebooks.Kmdf;

/// <summary>WDF_DRIVER_CONFIG and the WDFDRIVER's attributes, for <see cref="CodeBuilder.WdfDriverCreate"/>.</summary>
/// <remarks>Calling an <c>On…</c> method registers the callback, even with no code.</remarks>
public sealed class DriverConfigBuilder
{
    private readonly string _path;
    private WdfDriverCreateStep _step;

    internal DriverConfigBuilder(string path)
    {
        _path = path;
        _step = new WdfDriverCreateStep { Path = path };
    }

    internal WdfDriverCreateStep Build() => _step;

    private Body Code(string field, Action<CodeBuilder>? code) => CodeBuilder.Build($"{_path}.{field}", code);

    /// <summary>The name of the WDFDRIVER in traces (default WDFDRIVER).</summary>
    public DriverConfigBuilder Named(string objectName) { _step = _step with { ObjectName = objectName }; return this; }

    /// <summary>DriverInitFlags.</summary>
    public DriverConfigBuilder Mode(DriverMode mode) { _step = _step with { Mode = mode }; return this; }

    /// <summary>WdfDriverInitNonPnpDriver.</summary>
    public DriverConfigBuilder NonPnp() => Mode(DriverMode.NonPnp);

    /// <summary>WdfDriverInitNoDispatchOverride (miniport mode).</summary>
    public DriverConfigBuilder NoDispatchOverride() => Mode(DriverMode.NoDispatchOverride);

    /// <summary>Names a parent for the WDFDRIVER, which is not allowed (to show the failure).</summary>
    public DriverConfigBuilder WithParent(string parent) { _step = _step with { Parent = parent }; return this; }

    /// <summary>EvtDriverDeviceAdd.</summary>
    public DriverConfigBuilder OnDeviceAdd(Action<CodeBuilder>? code = null) { _step = _step with { EvtDriverDeviceAdd = Code(JsonNames.EvtDriverDeviceAdd, code) }; return this; }

    /// <summary>EvtDriverUnload.</summary>
    public DriverConfigBuilder OnUnload(Action<CodeBuilder>? code = null) { _step = _step with { EvtDriverUnload = Code(JsonNames.EvtDriverUnload, code) }; return this; }

    /// <summary>The WDFDRIVER's EvtCleanupCallback — where the blog says global cleanup belongs.</summary>
    public DriverConfigBuilder OnCleanup(Action<CodeBuilder>? code = null) { _step = _step with { EvtCleanupCallback = Code(JsonNames.EvtCleanupCallback, code) }; return this; }

    /// <summary>The WDFDRIVER's EvtDestroyCallback.</summary>
    public DriverConfigBuilder OnDestroy(Action<CodeBuilder>? code = null) { _step = _step with { EvtDestroyCallback = Code(JsonNames.EvtDestroyCallback, code) }; return this; }
}
