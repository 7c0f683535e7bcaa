namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Reassembles control transfers on each device's endpoint 0 from their transactions (USB 2.0 §8.5.3) [C-USB2]: an
/// acknowledged SETUP (through a start and a complete split when behind a hub's transaction translator) opens one, the
/// data stage's acknowledged payloads join it (a repeated data toggle is a retry and is dropped), and the status stage
/// (a zero-length packet the other way, acknowledged) completes it; a STALL or a new SETUP abandons it. Each completed
/// GET_DESCRIPTOR becomes a <see cref="DescriptorResponse"/>, so a capture of packets that saw a device enumerate
/// carries its descriptors like a URB capture does.
/// </summary>
internal sealed class ControlTransferAssembler(Action<DescriptorResponse> emit)
{
    private readonly Dictionary<int, Pipe> _pipes = [];

    /// <summary>Control transfers completed (status stage acknowledged), all requests.</summary>
    public long Completed { get; private set; }

    public void Add(in UsbTransaction t, long relativeNs)
    {
        if (t.Endpoint != 0) return;
        var key = (t.Bus << 8) | t.Address;
        if (!_pipes.TryGetValue(key, out var pipe))
        {
            pipe = new Pipe();
            _pipes[key] = pipe;
        }
        if (t.Outcome == TransactionOutcome.Stall)
        {
            pipe.Reset();
            return;
        }
        var intact = t.DataPid is not null && t.DataIntact;
        switch (t.Token)
        {
            case UsbPid.Setup:
                if (t.Split is { Complete: false })
                {
                    // The SETUP's 8 bytes reach the hub here; the transfer opens when the complete split is acknowledged.
                    pipe.Reset();
                    if (intact && t.DataBytes == 8 && t.Outcome == TransactionOutcome.Ack) pipe.PendingSetup = SetupPacket.Parse(t.ControlPayload.Span);
                }
                else if (t.Split is { Complete: true })
                {
                    if (t.Outcome == TransactionOutcome.Ack && pipe.PendingSetup is { } pending) pipe.Open(pending);
                    else if (t.Outcome != TransactionOutcome.Nyet) pipe.Reset();
                }
                else
                {
                    pipe.Reset();
                    if (intact && t.DataBytes == 8 && t.Outcome == TransactionOutcome.Ack) pipe.Open(SetupPacket.Parse(t.ControlPayload.Span));
                }
                break;
            case UsbPid.In when pipe.Setup is { } setup:
            {
                var delivered = intact && (t.Outcome == TransactionOutcome.Ack || (t.Split is { Complete: true } && t.Outcome == TransactionOutcome.NoHandshake));
                if (!delivered || t.DataPid == pipe.LastToggle) break;
                pipe.LastToggle = t.DataPid;
                if (setup.RequestType >= 0x80 && !pipe.InStatus)
                {
                    pipe.Append(t.ControlPayload.Span, setup.Length);
                    if (t.DataBytes == 0 || pipe.Length >= setup.Length) pipe.InStatus = true;
                    // A short packet also ends the data stage; the status stage (OUT, zero length) completes the transfer.
                }
                else if (setup.RequestType < 0x80 && t.DataBytes == 0)
                {
                    Complete(pipe, t, relativeNs);
                }
                break;
            }
            case UsbPid.Out when pipe.Setup is { } setup && setup.RequestType >= 0x80:
            {
                // The status stage of an IN request: a zero-length OUT, acknowledged (by the device, or for a split by the complete split's ACK).
                var status = t.Split is { Complete: true } ? t.Outcome == TransactionOutcome.Ack
                    : t.Split is null && intact && t.DataBytes == 0 && t.Outcome is TransactionOutcome.Ack or TransactionOutcome.Nyet;
                if (status) Complete(pipe, t, relativeNs);
                break;
            }
        }
    }

    private void Complete(Pipe pipe, in UsbTransaction t, long relativeNs)
    {
        var setup = pipe.Setup!.Value;
        Completed++;
        if (setup.IsGetDescriptor && pipe.Length > 0)
        {
            emit(new DescriptorResponse(t.Bus, t.Address, (byte)(setup.Value >> 8), (byte)setup.Value, setup.Index, setup.Length, relativeNs / 1e9, pipe.Bytes()));
        }
        pipe.Reset();
    }

    private sealed class Pipe
    {
        private byte[] _buffer = [];

        public SetupPacket? Setup { get; private set; }

        public SetupPacket? PendingSetup { get; set; }

        public UsbPid? LastToggle { get; set; }

        public bool InStatus { get; set; }

        public int Length { get; private set; }

        public void Open(SetupPacket setup)
        {
            Reset();
            Setup = setup;
            // The SETUP went as DATA0: the data stage starts with DATA1.
            LastToggle = UsbPid.Data0;
            if (_buffer.Length < setup.Length) _buffer = new byte[setup.Length];
        }

        public void Append(ReadOnlySpan<byte> payload, int limit)
        {
            var take = Math.Min(payload.Length, limit - Length);
            if (take <= 0) return;
            payload[..take].CopyTo(_buffer.AsSpan(Length));
            Length += take;
        }

        public byte[] Bytes() => _buffer.AsSpan(0, Length).ToArray();

        public void Reset()
        {
            Setup = null;
            PendingSetup = null;
            LastToggle = null;
            InStatus = false;
            Length = 0;
        }
    }
}
