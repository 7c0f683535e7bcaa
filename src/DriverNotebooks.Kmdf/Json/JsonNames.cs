namespace DriverNotebooks.Kmdf;

/// <summary>The JSON spelling of steps, fields and enum values, shared by the reader, the writer and the builder's paths.</summary>
internal static class JsonNames
{
    public const string OnFailure = "onFailure";
    public const string EvtDriverDeviceAdd = "evtDriverDeviceAdd";
    public const string EvtDriverUnload = "evtDriverUnload";
    public const string EvtCleanupCallback = "evtCleanupCallback";
    public const string EvtDestroyCallback = "evtDestroyCallback";
    public const string EvtUsbTargetPipeReadComplete = "evtUsbTargetPipeReadComplete";
    public const string EvtUsbTargetPipeReadersFailed = "evtUsbTargetPipeReadersFailed";
    public const string MiniportDriverUnload = "miniportDriverUnload";
    public const string Body = "body";

    public static string Camel(string pascal) => pascal.Length == 0 ? pascal : char.ToLowerInvariant(pascal[0]) + pascal[1..];

    public static string Of(DeviceCallback c) => Camel(c.ToString());

    public static string Of(ResourceKind k) => Camel(k.ToString());

    public static string Of(DriverMode m) => Camel(m.ToString());

    public static string Of(ScenarioEventKind k) => Camel(k.ToString());

    /// <summary>JSON step names of object-creating steps other than wdfDriverCreate / wdfDeviceCreate.</summary>
    public static readonly IReadOnlyList<(string Step, WdfObjectType Type)> ObjectSteps =
    [
        ("wdfLookasideListCreate", WdfObjectType.Lookaside),
        ("wdfMemoryCreate", WdfObjectType.Memory),
        ("wdfCollectionCreate", WdfObjectType.Collection),
        ("wdfStringCreate", WdfObjectType.String),
        ("wdfWaitLockCreate", WdfObjectType.WaitLock),
        ("wdfSpinLockCreate", WdfObjectType.SpinLock),
        ("wdfObjectCreate", WdfObjectType.Object),
        ("wdfTimerCreate", WdfObjectType.Timer),
        ("wdfWorkItemCreate", WdfObjectType.WorkItem),
        ("wdfIoQueueCreate", WdfObjectType.Queue),
        ("wdfIoTargetCreate", WdfObjectType.IoTarget),
        ("wdfUsbTargetDeviceCreate", WdfObjectType.UsbDevice),
        ("wdfControlDeviceCreate", WdfObjectType.ControlDevice),
        ("wdfDeviceMiniportCreate", WdfObjectType.MiniportDevice),
    ];

    public static string StepOf(WdfObjectType type) => ObjectSteps.First(s => s.Type == type).Step;
}
