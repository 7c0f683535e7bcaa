namespace DriverNotebooks.Kmdf;

/// <summary>WDF_OBJECT_ATTRIBUTES of a framework object: parent and cleanup/destroy callbacks.</summary>
public sealed class ObjectConfigBuilder
{
    private readonly string _path;
    private string? _parent;
    private Body? _cleanup;
    private Body? _destroy;
    private bool _defaultQueue;

    internal ObjectConfigBuilder(string path) => _path = path;

    internal CreateObjectStep Build(WdfObjectType type, string name) => new()
    {
        Path = _path,
        Type = type,
        Name = name,
        Parent = _parent,
        EvtCleanupCallback = _cleanup,
        EvtDestroyCallback = _destroy,
        IsDefaultQueue = _defaultQueue,
    };

    /// <summary>WDF_OBJECT_ATTRIBUTES.ParentObject.</summary>
    public ObjectConfigBuilder WithParent(string parent) { _parent = parent; return this; }

    /// <summary>EvtCleanupCallback.</summary>
    public ObjectConfigBuilder OnCleanup(Action<CodeBuilder>? code = null) { _cleanup = CodeBuilder.Build($"{_path}.{JsonNames.EvtCleanupCallback}", code); return this; }

    /// <summary>EvtDestroyCallback.</summary>
    public ObjectConfigBuilder OnDestroy(Action<CodeBuilder>? code = null) { _destroy = CodeBuilder.Build($"{_path}.{JsonNames.EvtDestroyCallback}", code); return this; }

    /// <summary>Queues: the device's default queue, which the driver may not delete.</summary>
    public ObjectConfigBuilder AsDefaultQueue() { _defaultQueue = true; return this; }
}
