namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// A deterministic usbmon capture of a continuous bulk IN reader: <paramref name="Pending"/> reads of
/// <paramref name="TransferBytes"/> kept outstanding, each served in <paramref name="ServiceNs"/> of bus time one
/// after the other, each resubmitted <paramref name="TurnaroundNs"/> after it completes. For benchmarks and tests
/// whose expected numbers follow from these parameters.
/// </summary>
public sealed record SyntheticReaderCapture(int Pending, uint TransferBytes, long ServiceNs, long TurnaroundNs, byte Endpoint = 0x81, byte Device = 5, ushort Bus = 1)
{
    /// <summary>Writes <paramref name="records"/> records (half submits, half completions) to <paramref name="stream"/>.</summary>
    public void Write(Stream stream, long records, long startNs = 1_700_000_000_000_000_000, int linkType = LinkTypes.UsbLinuxMmapped, bool bigEndian = false, bool nanoseconds = false)
    {
        using var writer = new UsbmonPcapWriter(stream, linkType, bigEndian, nanoseconds);
        // Slot i holds URB 0x1000+i; the bus serves the slots in turn, each once it is resubmitted and the bus is free.
        var ready = new long[Pending];
        var resubmits = new Queue<(long At, int Slot)>();
        var busFreeAt = startNs;
        var written = 0L;
        for (var i = 0; i < Pending && written < records; i++, written++)
        {
            ready[i] = startNs;
            writer.Write(startNs, (ulong)(0x1000 + i), UrbEvent.Submit, 3, Endpoint, Device, Bus, UsbmonStatusNames.InProgress, TransferBytes);
        }
        var slot = 0;
        while (written < records)
        {
            var completeAt = Math.Max(busFreeAt, ready[slot]) + ServiceNs;
            while (written < records && resubmits.TryPeek(out var next) && next.At <= completeAt)
            {
                resubmits.Dequeue();
                writer.Write(next.At, (ulong)(0x1000 + next.Slot), UrbEvent.Submit, 3, Endpoint, Device, Bus, UsbmonStatusNames.InProgress, TransferBytes);
                written++;
            }
            if (written >= records) break;
            busFreeAt = completeAt;
            writer.Write(completeAt, (ulong)(0x1000 + slot), UrbEvent.Complete, 3, Endpoint, Device, Bus, 0, TransferBytes);
            written++;
            ready[slot] = completeAt + TurnaroundNs;
            resubmits.Enqueue((ready[slot], slot));
            slot = (slot + 1) % Pending;
        }
    }
}
