namespace DriverNotebooks.Usb.Captures;

/// <summary>How a transaction ended (USB 2.0 §8.5) [C-USB2].</summary>
public enum TransactionOutcome
{
    /// <summary>ACK: the receiver took the data (or, after SETUP/OUT without data, PING, a start split, the request).</summary>
    Ack,

    /// <summary>NAK: the device had no data (IN) or no room (OUT, PING); a hub's transaction translator was busy (split).</summary>
    Nak,

    /// <summary>STALL: the endpoint is halted or the request unsupported.</summary>
    Stall,

    /// <summary>NYET: high-speed OUT data taken with no room for the next; a complete split not ready yet.</summary>
    Nyet,

    /// <summary>ERR: a split transaction failed on the full- or low-speed side.</summary>
    Err,

    /// <summary>Data and no handshake: isochronous, a complete split's IN data, or a handshake lost.</summary>
    NoHandshake,

    /// <summary>A token answered by nothing: the device did not respond (timeout).</summary>
    NoResponse,

    /// <summary>A malformed packet arrived before the transaction's handshake.</summary>
    Broken,
}

/// <summary>
/// One transaction on the bus: an optional SPLIT, a token (SETUP, IN, OUT, PING), an optional data packet and an
/// optional handshake, grouped by <see cref="TransactionAssembler"/>.
/// </summary>
/// <param name="StartNs">The first packet's timestamp (the SPLIT's or the token's).</param>
/// <param name="EndNs">The last packet's timestamp.</param>
/// <param name="Bus">The interface it was captured on.</param>
/// <param name="Token">SETUP, IN, OUT or PING.</param>
/// <param name="Address">Device address from the token.</param>
/// <param name="Endpoint">Endpoint number from the token.</param>
/// <param name="Split">The SPLIT token before it, if any.</param>
/// <param name="DataPid">The data packet's PID, if one came.</param>
/// <param name="DataBytes">Its payload length.</param>
/// <param name="DataIntact">Its CRC16 checked.</param>
/// <param name="Outcome">How it ended.</param>
/// <param name="ControlPayload">On endpoint 0 (control), the data packet's payload (valid only while the transaction is handed on); empty elsewhere.</param>
public readonly record struct UsbTransaction(
    long StartNs, long EndNs, int Bus, UsbPid Token, int Address, int Endpoint, SplitToken? Split, UsbPid? DataPid, int DataBytes, bool DataIntact, TransactionOutcome Outcome,
    ReadOnlyMemory<byte> ControlPayload = default)
{
    /// <summary>bEndpointAddress as the token names it: bit 7 set for IN; SETUP, OUT and PING are host to device.</summary>
    public byte EndpointAddress => (byte)(Endpoint | (Token == UsbPid.In ? 0x80 : 0));
}
