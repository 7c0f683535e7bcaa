namespace DriverNotebooks.Kmdf;

/// <summary>What a ledger entry is. The first five are what a driver allocates itself with <c>Allocate</c>.</summary>
public enum ResourceKind
{
    /// <summary>A pool block (ExAllocatePool2 / ExFreePool).</summary>
    Pool,

    /// <summary>
    /// A WDM lookaside list (ExInitializeNPagedLookasideList / ExDeleteNPagedLookasideList): not a framework object, nobody
    /// deletes it for you. Initializing it returns VOID, so it cannot fail: it is not a fault-injection point.
    /// </summary>
    WdmLookaside,

    /// <summary>A WDM lookaside list made with ExInitializeLookasideListEx (returns an NTSTATUS, can fail) / ExDeleteLookasideListEx.</summary>
    WdmLookasideEx,

    /// <summary>WPP software tracing (WPP_INIT_TRACING / WPP_CLEANUP).</summary>
    Tracing,

    /// <summary>A kernel handle (ZwCreateFile, ZwOpenKey… / ZwClose).</summary>
    Handle,

    /// <summary>Anything else with a free routine.</summary>
    Other,

    /// <summary>A framework object (WDFDRIVER, WDFDEVICE, WDFLOOKASIDE…): created with a WDF DDI, freed by the object tree.</summary>
    WdfObject,

    /// <summary>Framework bookkeeping for the client: FX_DRIVER_GLOBALS and the reference on the KMDF library taken by WdfVersionBind.</summary>
    FrameworkInternal,
}

/// <summary>Helpers for <see cref="ResourceKind"/>.</summary>
public static class ResourceKindExtensions
{
    /// <summary>True for the kinds a driver allocates with an <c>Allocate</c> step.</summary>
    public static bool IsDriverAllocated(this ResourceKind kind) => kind <= ResourceKind.Other;

    /// <summary>Whether allocating it can fail: false for ExInitializeNPagedLookasideList, which returns VOID.</summary>
    public static bool CanFail(this ResourceKind kind) => kind != ResourceKind.WdmLookaside;

    /// <summary>WDM lookaside lists: initializing one links it into the system-wide set of lookaside lists until it is deleted.</summary>
    public static bool IsWdmLookaside(this ResourceKind kind) => kind is ResourceKind.WdmLookaside or ResourceKind.WdmLookasideEx;

    /// <summary>The WDK routine pair a driver would use, for trace details.</summary>
    public static (string Allocate, string Free) Routines(this ResourceKind kind) => kind switch
    {
        ResourceKind.Pool => ("ExAllocatePool2", "ExFreePool"),
        ResourceKind.WdmLookaside => ("ExInitializeNPagedLookasideList", "ExDeleteNPagedLookasideList"),
        ResourceKind.WdmLookasideEx => ("ExInitializeLookasideListEx", "ExDeleteLookasideListEx"),
        ResourceKind.Tracing => ("WPP_INIT_TRACING", "WPP_CLEANUP"),
        ResourceKind.Handle => ("ZwCreate…/ZwOpen…", "ZwClose"),
        _ => ("allocate", "free"),
    };
}
