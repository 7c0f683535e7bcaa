namespace DriverNotebooks.Usb;

/// <summary>
/// What the bus allows one dumped endpoint (<see cref="BusLimit.Compute"/>, the same rule as <c>drivernb usb</c>), or why
/// the model does not accept it under the chosen policy.
/// </summary>
/// <param name="Device">The device.</param>
/// <param name="Configuration">bConfigurationValue.</param>
/// <param name="Interface">The interface alternate setting holding the endpoint.</param>
/// <param name="Endpoint">The endpoint as dumped.</param>
/// <param name="Validated">The endpoint as the model takes it; null when rejected or when its max packet is 0.</param>
/// <param name="Limit">The bus ceiling; null when rejected or when its max packet is 0 (it reserves nothing).</param>
/// <param name="Problem">Why the policy rejects it; null when accepted.</param>
public sealed record EndpointCeiling(
    DumpedDevice Device,
    int Configuration,
    DumpedInterface Interface,
    DumpedEndpoint Endpoint,
    ValidatedEndpoint? Validated,
    BusLimit? Limit,
    string? Problem);
