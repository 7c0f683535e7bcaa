namespace DriverNotebooks.Kmdf;

/// <summary>Lookaside lists created in DriverEntry and shared by devices (the thread's first comment).</summary>
public static partial class BuiltInScenarios
{
    private static Scenario LookasideWdmFreedInUnload() =>
        Scenario.Named("lookaside-wdm-freed-in-unload")
            .Titled("A WDM lookaside list from DriverEntry, deleted only in EvtDriverUnload; DriverEntry fails")
            .Described("ExInitializeNPagedLookasideList makes a WDM list, not a framework object: nobody deletes it for the driver. "
                + "It is deleted only in EvtDriverUnload, so when DriverEntry fails after creating it, it leaks.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnPrepareHardware(p => p.Use("gLookaside"))))
                    .OnUnload(u => u.Free("gLookaside")))
                .Allocate("gLookaside", ResourceKind.WdmLookaside)
                .Call("ReadRegistryParameters"))
            .DeviceArrives()
            .Failing(ReadRegistry, NtStatus.ObjectNameNotFound)
            .Build();

    private static Scenario LookasideWdfDriverParented() =>
        Scenario.Named("lookaside-wdf-driver-parented")
            .Titled("A WDF lookaside list from DriverEntry, parented to the WDFDRIVER; DriverEntry fails")
            .Described("WdfLookasideListCreate with no parent defaults the parent to the WDFDRIVER. When DriverEntry fails after creating it, "
                + "the stub's unbind deletes the WDFDRIVER and the list with it: nothing leaks, with no cleanup code at all.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d.OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev.OnPrepareHardware(p => p.Use("gLookaside")))))
                .WdfLookasideListCreate("gLookaside")
                .Call("ReadRegistryParameters"))
            .DeviceArrives()
            .Failing(ReadRegistry, NtStatus.ObjectNameNotFound)
            .Build();

    private static Scenario LookasideSharedByDevices() =>
        Scenario.Named("lookaside-shared-by-devices")
            .Titled("A WDF lookaside list shared by two devices for the driver's whole life")
            .Described("The list is created in DriverEntry with the WDFDRIVER as parent, and both devices allocate from it while they run. "
                + "It outlives every device: the devices are removed, then EvtDriverUnload runs, and only then is the list deleted, as a child "
                + "of the WDFDRIVER, before the WDFDRIVER's own cleanup callback. Nothing is freed while in use and nothing leaks.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev
                        .OnD0Entry(p => p.Use("gLookaside"))
                        .OnD0Exit(x => x.EndUse("gLookaside"))))
                    .OnUnload()
                    .OnCleanup())
                .WdfLookasideListCreate("gLookaside", o => o.OnCleanup()))
            .DeviceArrives(2)
            .RemoveDevice(1)
            .RemoveDevice(2)
            .Unload()
            .Build();

    private static Scenario LookasideTornDownWhileInUse() =>
        Scenario.Named("lookaside-torn-down-while-in-use")
            .Titled("A shared WDM lookaside list deleted in a device's cleanup while the other device still uses it")
            .Described("Two devices share a WDM lookaside list from DriverEntry, but the driver deletes it in the WDFDEVICE's EvtCleanupCallback. "
                + "Removing the first device tears the list down while the second still allocates from it; the second device then uses it "
                + "after free when it wakes, and its own cleanup deletes it a second time.")
            .DriverEntry(e => e
                .WdfDriverCreate(d => d
                    .OnDeviceAdd(a => a.WdfDeviceCreate(dev => dev
                        .OnD0Entry(p => p.Use("gLookaside"))
                        .OnCleanup(c => c.Free("gLookaside")))))
                .Allocate("gLookaside", ResourceKind.WdmLookaside))
            .DeviceArrives(2)
            .RemoveDevice(1)
            .IdleDevice(2)
            .WakeDevice(2)
            .RemoveDevice(2)
            .Unload()
            .Build();
}
