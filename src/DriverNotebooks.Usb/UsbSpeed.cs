namespace DriverNotebooks.Usb;

/// <summary>Bus speed of the device the endpoint belongs to.</summary>
public enum UsbSpeed
{
    /// <summary>Low speed, 1.5 Mb/s, 1 ms frames (control and interrupt only).</summary>
    Low,

    /// <summary>Full speed, 12 Mb/s, 1 ms frames.</summary>
    Full,

    /// <summary>High speed, 480 Mb/s, 125 µs microframes.</summary>
    High,

    /// <summary>SuperSpeed Gen 1, 5 Gb/s with 8b/10b encoding, 125 µs bus intervals.</summary>
    Super,

    /// <summary>SuperSpeedPlus Gen 2, 10 Gb/s with 128b/132b encoding, 125 µs bus intervals.</summary>
    SuperPlus,
}
