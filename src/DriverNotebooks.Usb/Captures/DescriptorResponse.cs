namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The data of one successful GET_DESCRIPTOR (bRequest 6, device to host) seen in a capture, byte for byte,
/// for a descriptor parser to read.
/// </summary>
/// <param name="Bus">Bus number.</param>
/// <param name="Device">Device address the request went to (0 during enumeration, before SET_ADDRESS).</param>
/// <param name="DescriptorType">High byte of wValue: 1 device, 2 configuration, 3 string, 15 BOS…</param>
/// <param name="DescriptorIndex">Low byte of wValue.</param>
/// <param name="LanguageId">wIndex (string descriptors).</param>
/// <param name="RequestedLength">wLength of the request.</param>
/// <param name="TimeSeconds">Completion time, seconds from the capture's first record.</param>
/// <param name="Bytes">The response's captured bytes.</param>
public sealed record DescriptorResponse(int Bus, int Device, byte DescriptorType, byte DescriptorIndex, ushort LanguageId, ushort RequestedLength, double TimeSeconds, byte[] Bytes);
