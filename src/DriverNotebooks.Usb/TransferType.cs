namespace DriverNotebooks.Usb;

/// <summary>Endpoint transfer type (bmAttributes bits 1..0).</summary>
public enum TransferType
{
    /// <summary>Control: setup, optional data and status stages.</summary>
    Control,

    /// <summary>Bulk: uses the bus time left over by periodic traffic; no guarantee.</summary>
    Bulk,

    /// <summary>Interrupt: periodic, with retries.</summary>
    Interrupt,

    /// <summary>Isochronous: periodic, no handshake and no retries.</summary>
    Isochronous,
}
