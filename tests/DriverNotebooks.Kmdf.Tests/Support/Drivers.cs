using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>Driver shapes shared by the specifications.</summary>
internal static class Drivers
{
    /// <summary>Every device callback registered, with a default queue that has cleanup and destroy callbacks.</summary>
    public static Action<CodeBuilder> DeviceAddWithEverything(Action<DeviceConfigBuilder>? extra = null) => a => a
        .WdfDeviceCreate(dev =>
        {
            foreach (var c in Enum.GetValues<DeviceCallback>()) dev.On(c);
            dev.OnCleanup().OnDestroy();
            extra?.Invoke(dev);
        })
        .WdfIoQueueCreate("Queue", q => q.AsDefaultQueue().OnCleanup().OnDestroy());

    /// <summary>A PnP driver with EvtDriverUnload, WDFDRIVER cleanup/destroy, and a fully registered device.</summary>
    public static ScenarioBuilder PnpDriver(string name, Action<DeviceConfigBuilder>? extra = null) =>
        Scenario.Named(name).DriverEntry(e => e
            .WdfDriverCreate(d => d.OnDeviceAdd(DeviceAddWithEverything(extra)).OnUnload().OnCleanup().OnDestroy()));

    /// <summary>The thread's driver: a global buffer allocated after WdfDriverCreate, freed where <paramref name="freeInUnload"/> says.</summary>
    public static ScenarioBuilder GlobalBufferDriver(string name, bool freeInUnload) =>
        Scenario.Named(name).DriverEntry(e => e
            .WdfDriverCreate(d =>
            {
                d.OnDeviceAdd(a => a.WdfDeviceCreate());
                if (freeInUnload) d.OnUnload(u => u.Free("gBuffer"));
                else d.OnCleanup(c => c.Free("gBuffer"));
            })
            .Allocate("gBuffer")
            .Call("ReadRegistryParameters"));
}
