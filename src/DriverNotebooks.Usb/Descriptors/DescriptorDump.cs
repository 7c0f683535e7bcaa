namespace DriverNotebooks.Usb;

/// <summary>What a descriptor dump holds: the devices, read from <see cref="Source"/> in <see cref="Format"/>.</summary>
public sealed record DescriptorDump(string Source, DescriptorFormat Format, IReadOnlyList<DumpedDevice> Devices);
