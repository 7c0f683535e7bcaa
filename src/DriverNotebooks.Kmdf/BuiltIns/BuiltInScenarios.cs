namespace DriverNotebooks.Kmdf;

/// <summary>
/// The built-in scenarios: every case the "Hindsight is 20/20, EvtDriverUnload should have not been in KMDF" thread
/// raises, plus the device-lifecycle cases of kmdf-lifecycle.md §4. Names are stable kebab-case.
/// </summary>
/// <remarks>
/// Each scenario only describes the driver's code and the events; what runs and what leaks falls out of the
/// simulator. Scenarios are grouped by topic in partial files.
/// </remarks>
public static partial class BuiltInScenarios
{
    private static readonly Lazy<IReadOnlyList<Scenario>> Catalog = new(() =>
    [
        CleanupInEvtDriverUnload(),
        CleanupInDriverCleanupCallback(),
        GlobalsBeforeWdfDriverCreate(),
        GlobalsAfterWdfDriverCreate(),
        WdfDriverCreateFails(),
        LookasideWdmFreedInUnload(),
        LookasideWdfDriverParented(),
        LookasideSharedByDevices(),
        LookasideTornDownWhileInUse(),
        NdisMiniportWithWdfDriverMiniportUnload(),
        NdisMiniportForgetsWdfDriverMiniportUnload(),
        NdisMiniportForgetsWithEvtDriverUnload(),
        NdisMiniportEvtDriverUnloadDocsVsSource(),
        KsBdaUnloadChained(),
        KsBdaUnloadNotChained(),
        KsBdaNoUnloadHook(),
        KsPnpModeEvtDriverUnloadNeverRuns(),
        FullLifecycle(),
        SurpriseRemovalInD0(),
        SurpriseRemovalInDx(),
        DeviceAddFailsBeforeWdfDeviceCreate(),
        DeviceAddFailsAfterWdfDeviceCreate(),
        PrepareHardwareFails(),
        D0EntryFails(),
        QueryRemoveVetoed(),
        UsbContinuousReader(),
        UsbContinuousReaderNotStopped(),
        UsbContinuousReaderReadsFail(),
        NonPnpDriver(),
        NonPnpDriverWithoutEvtDriverUnload(),
        WdfObjectDeleteOnWdfDriver(),
    ]);

    /// <summary>All built-in scenarios, in catalogue order.</summary>
    public static IReadOnlyList<Scenario> All => Catalog.Value;

    /// <summary>The names, in catalogue order.</summary>
    public static IReadOnlyList<string> Names => All.Select(s => s.Name).ToArray();

    /// <summary>Finds a built-in scenario by name (case-insensitive).</summary>
    public static bool TryGet(string name, out Scenario scenario)
    {
        scenario = All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))!;
        return scenario is not null;
    }

    /// <summary>Returns a built-in scenario; throws <see cref="ScenarioFormatException"/> listing the names if there is none.</summary>
    public static Scenario Get(string name) =>
        TryGet(name, out var s)
            ? s
            : throw new ScenarioFormatException("$", $"unknown built-in scenario '{name}'; allowed: {string.Join(", ", Names)}");

    private const string ReadRegistry = "DriverEntry.Call(ReadRegistryParameters)";
}
