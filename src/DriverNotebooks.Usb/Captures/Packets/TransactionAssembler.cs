namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Groups a stream of USB 2.0 packets into transactions (USB 2.0 §8.5) [C-USB2]: a token (after a SPLIT, when one
/// precedes it) opens one, a data packet joins it, a handshake closes it; the next SPLIT, token or SOF, or a
/// malformed packet, closes an open one as it stands. Data or handshakes that belong to no open transaction are
/// counted as <see cref="OrphanPackets"/>. Keeps one transaction's state: memory does not grow with the capture.
/// </summary>
internal sealed class TransactionAssembler(Action<UsbTransaction> emit)
{
    private bool _open;
    private UsbTransaction _current;
    private SplitToken? _pendingSplit;
    private long _pendingSplitNs;
    private readonly byte[] _controlPayload = new byte[UsbPacketDecoder.MaxDataPacketBytes];

    /// <summary>Data and handshake packets outside any transaction, and SPLITs no token followed.</summary>
    public long OrphanPackets { get; private set; }

    public void Add(in UsbPacket p)
    {
        if (!p.IsDecodable)
        {
            Close(TransactionOutcome.Broken, p.TimestampNs);
            DropSplit();
            return;
        }
        switch (p.Kind)
        {
            case UsbPidKind.StartOfFrame:
                Close(null, 0);
                DropSplit();
                break;
            case UsbPidKind.Split:
                Close(null, 0);
                DropSplit();
                if (p.Problem == PacketProblem.None)
                {
                    _pendingSplit = p.Split;
                    _pendingSplitNs = p.TimestampNs;
                }
                break;
            case UsbPidKind.Token:
                Close(null, 0);
                if (p.Problem != PacketProblem.None)
                {
                    // A token whose CRC5 fails names no trustworthy device: what follows it is orphaned.
                    DropSplit();
                    break;
                }
                _current = new UsbTransaction(_pendingSplit is null ? p.TimestampNs : _pendingSplitNs, p.TimestampNs, p.Bus, p.Pid, p.Address, p.Endpoint,
                    _pendingSplit, null, 0, false, TransactionOutcome.NoResponse);
                _pendingSplit = null;
                _open = true;
                break;
            case UsbPidKind.Data:
                if (_open && _current.DataPid is null)
                {
                    _current = _current with { DataPid = p.Pid, DataBytes = p.PayloadLength, DataIntact = p.Problem == PacketProblem.None, EndNs = p.TimestampNs };
                    if (_current.Endpoint == 0 && p.Problem == PacketProblem.None)
                    {
                        // Control transfers are reassembled from their transactions' payloads: kept past this packet.
                        p.Payload.Span.CopyTo(_controlPayload);
                        _current = _current with { ControlPayload = _controlPayload.AsMemory(0, p.Payload.Length) };
                    }
                }
                else
                {
                    OrphanPackets++;
                }
                break;
            case UsbPidKind.Handshake:
                if (_open) Close(p.Pid switch
                {
                    UsbPid.Ack => TransactionOutcome.Ack,
                    UsbPid.Nak => TransactionOutcome.Nak,
                    UsbPid.Stall => TransactionOutcome.Stall,
                    _ => TransactionOutcome.Nyet,
                }, p.TimestampNs);
                else OrphanPackets++;
                break;
            case UsbPidKind.Preamble:
                // ERR answers a split; PRE announces a low-speed packet and belongs to no transaction.
                if (_open && _current.Split is not null) Close(TransactionOutcome.Err, p.TimestampNs);
                break;
        }
    }

    /// <summary>Closes the transaction still open at the end of the capture.</summary>
    public void Finish()
    {
        Close(null, 0);
        DropSplit();
    }

    private void Close(TransactionOutcome? outcome, long ns)
    {
        if (!_open) return;
        _open = false;
        var ended = outcome ?? (_current.DataPid is null ? TransactionOutcome.NoResponse : TransactionOutcome.NoHandshake);
        emit(_current with { Outcome = ended, EndNs = outcome is null ? _current.EndNs : ns });
    }

    private void DropSplit()
    {
        if (_pendingSplit is null) return;
        _pendingSplit = null;
        OrphanPackets++;
    }
}
