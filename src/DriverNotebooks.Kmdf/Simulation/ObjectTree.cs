namespace DriverNotebooks.Kmdf;

/// <summary>
/// The WDF objects of one run by name, each linked to its parent. Owns the objects' registry; the deletion walk that
/// calls driver code lives with the run (<c>LifecycleRun.Objects</c>).
/// </summary>
internal sealed class ObjectTree
{
    private readonly Dictionary<string, FxObject> _objects = new(StringComparer.Ordinal);

    /// <summary>Adds a new object under its parent (tail insert, as AddChildObjectInternal does).</summary>
    public void Add(FxObject obj)
    {
        obj.Parent?.Children.Add(obj);
        _objects[obj.Name] = obj;
    }

    /// <summary>A name as the code in <paramref name="ctx"/> sees it: the device's own object first, then the driver-wide one.</summary>
    public FxObject? Resolve(string name, ExecutionContext ctx)
    {
        if (ctx.Device > 0 && _objects.TryGetValue(ctx.Own(name), out var own)) return own;
        return _objects.GetValueOrDefault(name);
    }

    /// <summary>The object with exactly this name, if any.</summary>
    public FxObject? Find(string name) => _objects.GetValueOrDefault(name);

    /// <summary>The pipes of a device with a continuous reader configured, not yet destroyed.</summary>
    public IEnumerable<FxObject> ReadersOf(int device) =>
        _objects.Values.Where(o => o.Device == device && o.Reader is not null && !o.Destroyed);

    /// <summary>Marks an object and its whole subtree delete-pending: they refuse new children from now on.</summary>
    public static void MarkDeletePending(FxObject obj)
    {
        obj.DeletePending = true;
        foreach (var child in obj.Children) MarkDeletePending(child);
    }
}
