namespace DriverNotebooks.Kmdf;

/// <summary>WDF_DRIVER_CONFIG.DriverInitFlags, as far as the lifecycle cares (kmdf-lifecycle.md §2).</summary>
public enum DriverMode
{
    /// <summary>No flags: a PnP driver. The framework installs AddDevice, DriverUnload and every IRP_MJ dispatch routine.</summary>
    Pnp,

    /// <summary><c>WdfDriverInitNonPnpDriver</c>: no AddDevice, control devices only; DriverUnload only if EvtDriverUnload is set.</summary>
    NonPnp,

    /// <summary><c>WdfDriverInitNoDispatchOverride</c>: miniport mode; the port/class driver owns dispatch, AddDevice and DriverUnload.</summary>
    NoDispatchOverride,
}
