namespace DriverNotebooks.Usb;

/// <summary>One configuration: its value and every interface alternate setting in it, in dump order.</summary>
public sealed record DumpedConfiguration(int Value, IReadOnlyList<DumpedInterface> Interfaces);
