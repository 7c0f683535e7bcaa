namespace DriverNotebooks.Kmdf;

/// <summary>What went wrong with a resource.</summary>
public enum FindingKind
{
    /// <summary>Still allocated (or, for a framework object, never destroyed) when the driver image was unloaded.</summary>
    Leaked,

    /// <summary>Freed a second time.</summary>
    FreedTwice,

    /// <summary>Freed (or, for a framework object, deleted) while another device still used it.</summary>
    FreedWhileInUse,

    /// <summary>Used after it was freed or deleted.</summary>
    UsedAfterFree,

    /// <summary>
    /// An unguarded free of something this run never allocated: the free routine gets a NULL or uninitialized value
    /// (freeing an invalid pointer). Typical after a partial DriverEntry, when cleanup frees everything it might own.
    /// </summary>
    FreedUnallocated,

    /// <summary>
    /// A WDM lookaside list still initialized when the driver image was unloaded. More than a leak: the list head stays
    /// linked into the system-wide set of lookaside lists, inside memory that is no longer the driver's, and the system
    /// may crash later when it walks that set; with Driver Verifier on, the unload itself stops the system.
    /// </summary>
    LookasideLeftOnSystemList,
}

/// <summary>A problem the resource ledger found.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Resource">The resource or object name (device-owned names carry the device suffix, e.g. <c>ctx#1</c>).</param>
/// <param name="ResourceKind">What the resource is.</param>
/// <param name="Where">The routine that did it (for leaks: the routine that allocated it).</param>
/// <param name="Detail">One line of explanation.</param>
public sealed record LedgerFinding(FindingKind Kind, string Resource, ResourceKind ResourceKind, string Where, string Detail)
{
    public override string ToString() => $"{Kind}: {Resource} ({Where}) — {Detail}";
}
