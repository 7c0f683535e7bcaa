namespace DriverNotebooks.Usb;

/// <summary>The speed a dumped device ran at, and whether the dump said so or it was inferred.</summary>
/// <param name="Speed">The speed used for every endpoint of the device.</param>
/// <param name="Stated">True when the dump states it (or <c>--speed</c> gave it); false when inferred.</param>
/// <param name="How">Where it came from, in words: the line that states it, or the evidence it was inferred from.</param>
public sealed record DeviceSpeed(UsbSpeed Speed, bool Stated, string How);
