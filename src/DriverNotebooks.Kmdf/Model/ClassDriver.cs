namespace DriverNotebooks.Kmdf;

/// <summary>A class or port driver whose init routine takes over the driver object (kmdf-lifecycle.md §1.5).</summary>
public enum ClassDriver
{
    /// <summary>AVStream / BDA: <c>KsInitializeDriver</c> sets dispatch, AddDevice and DriverUnload.</summary>
    Ks,

    /// <summary>PortCls: <c>PcInitializeAdapterDriver</c> sets dispatch, AddDevice and DriverUnload.</summary>
    PortCls,

    /// <summary>NDIS: <c>NdisMRegisterMiniportDriver</c> sets dispatch, AddDevice and DriverUnload; NDIS's unload calls the miniport's MiniportDriverUnload.</summary>
    Ndis,
}

/// <summary>Names used in traces and step ids for <see cref="ClassDriver"/>.</summary>
public static class ClassDriverExtensions
{
    /// <summary>The init routine: KsInitializeDriver, PcInitializeAdapterDriver or NdisMRegisterMiniportDriver.</summary>
    public static string InitRoutine(this ClassDriver c) => c switch
    {
        ClassDriver.Ks => "KsInitializeDriver",
        ClassDriver.PortCls => "PcInitializeAdapterDriver",
        _ => "NdisMRegisterMiniportDriver",
    };

    /// <summary>How the class driver's own DriverUnload routine is shown in traces.</summary>
    public static string UnloadRoutine(this ClassDriver c) => c switch
    {
        ClassDriver.Ks => "KS DriverUnload",
        ClassDriver.PortCls => "PortCls DriverUnload",
        _ => "NDIS DriverUnload",
    };
}
