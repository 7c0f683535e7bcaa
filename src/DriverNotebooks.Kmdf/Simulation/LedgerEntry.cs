namespace DriverNotebooks.Kmdf;

/// <summary>One allocation in the resource ledger: a driver resource, a framework object, or framework bookkeeping.</summary>
internal sealed class LedgerEntry(string name, ResourceKind kind, string allocatedIn, FxObject? obj)
{
    public string Name { get; } = name;
    public ResourceKind Kind { get; } = kind;
    public string AllocatedIn { get; } = allocatedIn;

    /// <summary>For framework objects: the object.</summary>
    public FxObject? Object { get; } = obj;

    /// <summary>Freed (resources) or deleted (objects: cleanup ran); further use is use-after-free.</summary>
    public bool Freed { get; set; }
    public string? FreedIn { get; set; }

    /// <summary>Device instances currently using it, in the order they started.</summary>
    public List<int> Users { get; } = [];

    /// <summary>Gone for good: freed resource, or destroyed object.</summary>
    public bool Released => Object is null ? Freed : Object.Destroyed;
}
