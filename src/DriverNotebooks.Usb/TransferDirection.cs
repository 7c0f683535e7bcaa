namespace DriverNotebooks.Usb;

/// <summary>Direction seen from the host (bEndpointAddress bit 7).</summary>
public enum TransferDirection
{
    /// <summary>Device to host.</summary>
    In,

    /// <summary>Host to device.</summary>
    Out,
}
