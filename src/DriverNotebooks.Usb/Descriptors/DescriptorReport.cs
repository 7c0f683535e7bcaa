namespace DriverNotebooks.Usb;

/// <summary>A dump with the bus ceiling of every endpoint and the reservation of every alternate setting.</summary>
/// <param name="Dump">What was read.</param>
/// <param name="Options">The policy and framing the ceilings were computed under.</param>
/// <param name="Endpoints">Every endpoint, in dump order.</param>
/// <param name="AlternateSettings">Every setting of every interface that has more than one alternate setting.</param>
public sealed record DescriptorReport(
    DescriptorDump Dump,
    AnalysisOptions Options,
    IReadOnlyList<EndpointCeiling> Endpoints,
    IReadOnlyList<AlternateSettingReservation> AlternateSettings);
