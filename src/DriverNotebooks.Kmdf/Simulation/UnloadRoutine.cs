namespace DriverNotebooks.Kmdf;

/// <summary>What DriverObject->DriverUnload (or the stub's saved copy) points to.</summary>
internal abstract record UnloadRoutine(string Name);

/// <summary>The library's FxDriver::Unload, installed by WdfDriverCreate for PnP (and non-PnP with EvtDriverUnload) drivers.</summary>
internal sealed record FxDriverUnloadRoutine() : UnloadRoutine("FxDriver::Unload");

/// <summary>The stub's FxStubDriverUnload, installed after a successful DriverEntry when DisplaceDriverUnload is set.</summary>
internal sealed record FxStubDriverUnloadRoutine() : UnloadRoutine("FxStubDriverUnload");

/// <summary>A class or port driver's unload routine (KS, PortCls, NDIS). NDIS's calls the miniport's MiniportDriverUnload.</summary>
internal sealed record ClassUnloadRoutine(ClassDriver Class, Body? MiniportDriverUnload) : UnloadRoutine(Class.UnloadRoutine());

/// <summary>A routine the driver installed with SetDriverUnload, remembering the routine it replaced.</summary>
internal sealed record DriverUnloadRoutine(string Routine, Body Body, UnloadRoutine? Saved) : UnloadRoutine(Routine);
