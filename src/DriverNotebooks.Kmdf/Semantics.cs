namespace DriverNotebooks.Kmdf;

/// <summary>Which authority to follow where the KMDF documentation and the framework source disagree.</summary>
/// <remarks>
/// The only behavioural difference today is kmdf-lifecycle.md §2 / §7.2: in
/// <c>WdfDriverInitNoDispatchOverride</c> (miniport) mode the source never stores EvtDriverUnload, so
/// <c>WdfDriverMiniportUnload</c> does not call it; the reference page for WdfDriverMiniportUnload says it does.
/// </remarks>
public enum Semantics
{
    /// <summary>Follow the open-source framework (Windows-Driver-Frameworks) and the decompiled stub. The default.</summary>
    Source,

    /// <summary>Follow the documentation: WdfDriverMiniportUnload calls EvtDriverUnload in miniport mode.</summary>
    Docs,
}
