namespace DriverNotebooks.Kmdf;

/// <summary>Non-PnP drivers and object-rule demonstrations.</summary>
public static partial class BuiltInScenarios
{
    private static Scenario NonPnpDriver() =>
        Scenario.Named("non-pnp-driver")
            .Titled("Non-PnP driver with a control device")
            .Described("WdfDriverInitNonPnpDriver with an EvtDriverUnload: WdfDriverCreate installs FxDriver::Unload and no AddDevice. The driver creates a "
                + "control device, a child of the WDFDRIVER. At unload EvtDriverUnload runs first; then the framework deletes the control device "
                + "and the WDFDRIVER, whose cleanup frees the global buffer.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NonPnp().OnUnload().OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .WdfControlDeviceCreate("ControlDevice", o => o.OnCleanup().OnDestroy()))
            .Unload()
            .Build();

    private static Scenario NonPnpDriverWithoutEvtDriverUnload() =>
        Scenario.Named("non-pnp-driver-without-evtdriverunload")
            .Titled("Non-PnP driver without EvtDriverUnload: it cannot be unloaded")
            .Described("A non-PnP driver must provide EvtDriverUnload. Without it WdfDriverCreate leaves DriverUnload NULL, so the system cannot unload "
                + "the driver: the unload request does nothing and everything stays allocated (outstanding, not leaked).")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.NonPnp().OnCleanup(c => c.Free("gBuffer")))
                .Allocate("gBuffer")
                .WdfControlDeviceCreate("ControlDevice"))
            .Unload()
            .Build();

    private static Scenario WdfObjectDeleteOnWdfDriver() =>
        Scenario.Named("wdfobjectdelete-on-wdfdriver")
            .Titled("WdfObjectDelete on the WDFDRIVER and on a PnP WDFDEVICE is ignored")
            .Described("The driver may not delete its WDFDRIVER or a PnP WDFDEVICE: WdfObjectDelete on them is a no-op that the verifier reports. "
                + "The framework deletes both itself, at removal and at unload, and each cleanup callback runs exactly once.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnReleaseHardware(r => r.WdfObjectDelete("WDFDEVICE")).OnCleanup()))
                    .OnUnload(u => u.WdfObjectDelete("WDFDRIVER"))
                    .OnCleanup()))
            .DeviceArrives()
            .RemoveDevice(1)
            .Unload()
            .Build();
}
