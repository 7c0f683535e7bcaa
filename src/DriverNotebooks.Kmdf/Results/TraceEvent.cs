namespace DriverNotebooks.Kmdf;

/// <summary>Who acts in a trace event.</summary>
public enum TraceLayer
{
    /// <summary>The I/O and PnP managers: image load/unload, AddDevice, PnP and power IRPs, DriverUnload.</summary>
    IoManager,

    /// <summary>The KMDF stub linked into the driver (FxDriverEntry, FxStubDriverUnload…, closed source).</summary>
    KmdfStub,

    /// <summary>The KMDF library (Wdf01000.sys): DDIs such as WdfDriverCreate, FxDriver::Unload, the PnP/power state machines.</summary>
    KmdfLibrary,

    /// <summary>The driver's own code: DriverEntry, its Evt callbacks and routines, and what they call.</summary>
    Driver,

    /// <summary>The WDF object tree: deletion and destruction of framework objects.</summary>
    ObjectTree,

    /// <summary>A class or port driver (KS, PortCls, NDIS).</summary>
    ClassDriver,
}

/// <summary>What kind of thing a trace event records.</summary>
public enum TraceEventKind
{
    /// <summary>The system or the framework calls into the driver (DriverEntry, an Evt callback, a cleanup callback…).</summary>
    Callback,

    /// <summary>The driver calls out: a DDI (WdfDriverCreate…), an allocation, a free, a use.</summary>
    Call,

    /// <summary>Something the OS, stub, library or object tree does on its own.</summary>
    Action,

    /// <summary>An explanation: why something did not happen.</summary>
    Note,
}

/// <summary>One ordered event of a run.</summary>
/// <param name="Sequence">0-based position in the trace.</param>
/// <param name="Layer">Who acts.</param>
/// <param name="Kind">Callback into the driver, call by the driver, action, or note.</param>
/// <param name="Label">
/// Short stable string: callbacks by name (<c>DriverEntry</c>, <c>EvtDriverDeviceAdd</c>, <c>EvtDevicePrepareHardware</c>,
/// <c>EvtDriverUnload</c>), object callbacks as <c>&lt;object&gt;.EvtCleanupCallback</c> / <c>&lt;object&gt;.EvtDestroyCallback</c>,
/// driver calls as their step (<c>WdfDriverCreate</c>, <c>Allocate(gBuffer)</c>, <c>WdfObjectDelete(gTimer)</c>), framework
/// actions by routine or IRP (<c>FxStubDriverUnload</c>, <c>IRP_MN_START_DEVICE</c>, <c>Delete(WDFDRIVER)</c>, <c>Destroy(gLookaside)</c>).
/// </param>
/// <param name="Routine">The callback, routine, DDI or IRP (without arguments), e.g. <c>EvtDevicePrepareHardware</c>, <c>FxDriver::Unload</c>.</param>
/// <param name="Object">The framework object, device or resource concerned (<c>WDFDEVICE#1</c>, <c>gBuffer</c>), if any.</param>
/// <param name="Irql">The IRQL it runs at.</param>
/// <param name="Status">The status returned, where there is one.</param>
/// <param name="Detail">A short explanation, if any.</param>
/// <param name="Depth">Call nesting depth, for indentation.</param>
public sealed record TraceEvent(
    int Sequence,
    TraceLayer Layer,
    TraceEventKind Kind,
    string Label,
    string Routine,
    string? Object,
    Irql Irql,
    NtStatus? Status,
    string? Detail,
    int Depth)
{
    /// <summary>The status returned, where there is one (filled in when the call returns).</summary>
    public NtStatus? Status { get; internal set; } = Status;

    /// <summary>A short explanation, if any (a failing DDI's reason is filled in when it returns).</summary>
    public string? Detail { get; internal set; } = Detail;

    public override string ToString()
    {
        var status = Status is { } s ? $" → {s}" : "";
        var detail = Detail is null ? "" : $"  ({Detail})";
        return $"{new string(' ', Depth * 2)}[{Layer}] {Label}{status}{detail}";
    }
}
