namespace DriverNotebooks.Kmdf;

/// <summary>Headline facts about a run.</summary>
/// <param name="DriverEntryStatus">What DriverEntry returned (null if it never ran).</param>
/// <param name="WdfDriverCreated">Whether WdfDriverCreate succeeded.</param>
/// <param name="EvtDriverUnloadRan">Whether EvtDriverUnload was called.</param>
/// <param name="DriverCleanupRan">Whether the WDFDRIVER's EvtCleanupCallback was called.</param>
/// <param name="DriverUnloadCalled">Whether the I/O manager called DriverObject->DriverUnload.</param>
/// <param name="ImageUnloaded">Whether the driver image is gone at the end (DriverEntry failed, or DriverUnload returned).</param>
/// <param name="LibraryUnbound">Whether the stub unbound from the KMDF library (FX_DRIVER_GLOBALS freed).</param>
/// <param name="DevicesStarted">How many devices reached the started state.</param>
/// <param name="DevicesPresent">How many WDFDEVICEs of PnP devices exist at the end.</param>
/// <param name="DriverUnloadChain">The routines the I/O manager's DriverUnload call went through, in order.</param>
public sealed record RunOutcome(
    NtStatus? DriverEntryStatus,
    bool WdfDriverCreated,
    bool EvtDriverUnloadRan,
    bool DriverCleanupRan,
    bool DriverUnloadCalled,
    bool ImageUnloaded,
    bool LibraryUnbound,
    int DevicesStarted,
    int DevicesPresent,
    IReadOnlyList<string> DriverUnloadChain);
