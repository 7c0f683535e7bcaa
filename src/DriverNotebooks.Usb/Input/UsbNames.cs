namespace DriverNotebooks.Usb;

/// <summary>
/// The words a user types for each enum value (<c>high</c>, <c>interrupt</c>, <c>worst</c>…) and back,
/// plus the phrases used in messages. Parsing is case-insensitive and accepts common abbreviations.
/// </summary>
public static class UsbNames
{
    /// <summary>Parses <c>low|full|high|super|superplus</c> (also <c>ls fs hs ss ssp</c>, <c>super-plus</c>, <c>gen2</c>).</summary>
    public static UsbSpeed ParseSpeed(string text) => Normalize(text) switch
    {
        "low" or "ls" => UsbSpeed.Low,
        "full" or "fs" => UsbSpeed.Full,
        "high" or "hs" => UsbSpeed.High,
        "super" or "ss" or "gen1" or "superspeed" => UsbSpeed.Super,
        "superplus" or "ssp" or "gen2" or "superspeedplus" => UsbSpeed.SuperPlus,
        _ => throw Unknown(UsbInputField.Speed, text, "low, full, high, super or superplus"),
    };

    /// <summary>Parses <c>control|bulk|interrupt|isochronous</c> (also <c>ctrl int intr iso isoc</c>).</summary>
    public static TransferType ParseType(string text) => Normalize(text) switch
    {
        "control" or "ctrl" => TransferType.Control,
        "bulk" => TransferType.Bulk,
        "interrupt" or "int" or "intr" => TransferType.Interrupt,
        "isochronous" or "iso" or "isoc" => TransferType.Isochronous,
        _ => throw Unknown(UsbInputField.Type, text, "control, bulk, interrupt or isochronous"),
    };

    /// <summary>Parses <c>in|out</c>.</summary>
    public static TransferDirection ParseDirection(string text) => Normalize(text) switch
    {
        "in" => TransferDirection.In,
        "out" => TransferDirection.Out,
        _ => throw Unknown(UsbInputField.Direction, text, "in or out"),
    };

    /// <summary>Parses <c>spec|windows|linux</c>.</summary>
    public static PollingPolicy ParsePolicy(string text) => Normalize(text) switch
    {
        "spec" => PollingPolicy.Spec,
        "windows" or "win" => PollingPolicy.Windows,
        "linux" => PollingPolicy.Linux,
        _ => throw Unknown(UsbInputField.Policy, text, "spec, windows or linux"),
    };

    /// <summary>Parses <c>none|worst</c> (also <c>worstcase</c>).</summary>
    public static BitStuffing ParseStuffing(string text) => Normalize(text) switch
    {
        "none" => BitStuffing.None,
        "worst" or "worstcase" => BitStuffing.WorstCase,
        _ => throw Unknown(UsbInputField.Stuffing, text, "none or worst"),
    };

    /// <summary>The command-line word for a speed: <c>low</c>, <c>full</c>, <c>high</c>, <c>super</c>, <c>superplus</c>.</summary>
    public static string ToCliName(UsbSpeed speed) => speed.ToString().ToLowerInvariant();

    /// <summary>The command-line word for a type: <c>control</c>, <c>bulk</c>, <c>interrupt</c>, <c>isochronous</c>.</summary>
    public static string ToCliName(TransferType type) => type.ToString().ToLowerInvariant();

    /// <summary>The command-line word for a policy: <c>spec</c>, <c>windows</c>, <c>linux</c>.</summary>
    public static string ToCliName(PollingPolicy policy) => policy.ToString().ToLowerInvariant();

    /// <summary>The command-line word for stuffing: <c>none</c> or <c>worst</c>.</summary>
    public static string ToCliName(BitStuffing stuffing) => stuffing == BitStuffing.WorstCase ? "worst" : "none";

    /// <summary>The JSON/CLI word for a limit: <c>bus</c> or <c>pipeline</c>.</summary>
    public static string ToCliName(LimitedBy limit) => limit == LimitedBy.Bus ? "bus" : "pipeline";

    /// <summary>Phrase used in messages: <c>low-speed</c>, <c>full-speed</c>, <c>high-speed</c>, <c>SuperSpeed</c>, <c>SuperSpeedPlus</c>.</summary>
    public static string Describe(UsbSpeed speed) => speed switch
    {
        UsbSpeed.Low => "low-speed",
        UsbSpeed.Full => "full-speed",
        UsbSpeed.High => "high-speed",
        UsbSpeed.Super => "SuperSpeed",
        UsbSpeed.SuperPlus => "SuperSpeedPlus",
        _ => speed.ToString(),
    };

    /// <summary>Phrase used in messages: the lower-case type name.</summary>
    public static string Describe(TransferType type) => ToCliName(type);

    /// <summary>Name of the native interval: <c>microframe</c> (HS), <c>bus interval</c> (SS) or <c>frame</c> (FS/LS).</summary>
    public static string IntervalName(UsbSpeed speed) => speed switch
    {
        UsbSpeed.High => "microframe",
        UsbSpeed.Super or UsbSpeed.SuperPlus => "bus interval",
        _ => "frame",
    };

    private static string Normalize(string? text) =>
        (text ?? "").Trim().ToLowerInvariant().Replace("-", "").Replace("_", "").Replace(" ", "");

    private static UsbInputException Unknown(string field, string? text, string allowed) =>
        new(field, text ?? "", allowed, $"{field} \"{text}\" is not known; allowed: {allowed}");
}
