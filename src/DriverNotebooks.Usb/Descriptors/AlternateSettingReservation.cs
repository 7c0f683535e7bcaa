namespace DriverNotebooks.Usb;

/// <summary>
/// The periodic bandwidth one alternate setting reserves when selected: the sum of the bus ceilings of its interrupt
/// and isochronous endpoints (each is the bytes per service interval over the interval, so exactly what it reserves).
/// </summary>
/// <param name="Device">The device.</param>
/// <param name="Configuration">bConfigurationValue.</param>
/// <param name="Interface">bInterfaceNumber.</param>
/// <param name="AlternateSetting">bAlternateSetting.</param>
/// <param name="PeriodicEndpoints">How many periodic endpoints the setting has.</param>
/// <param name="BytesPerSecond">Reserved bandwidth, B/s, over the endpoints the policy accepts.</param>
/// <param name="Rejected">Periodic endpoints the policy rejects (not counted).</param>
public sealed record AlternateSettingReservation(
    DumpedDevice Device,
    int Configuration,
    int Interface,
    int AlternateSetting,
    int PeriodicEndpoints,
    double BytesPerSecond,
    int Rejected);
