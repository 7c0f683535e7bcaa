namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The two CRCs of USB 2.0 packets (USB 2.0 §8.3.5) [C-USB2]: CRC5 (x⁵ + x² + 1) over a token's 11 or a SPLIT's
/// 19 field bits, CRC16 (x¹⁶ + x¹⁵ + x² + 1) over a data packet's payload. Both start from all ones, run over the
/// bits in the order they are sent (least significant first) and are sent inverted; the values returned are the
/// field as it lies in the packet's little-endian bytes.
/// </summary>
public static class UsbCrc
{
    /// <summary>The CRC5 field for the low <paramref name="bitCount"/> bits of <paramref name="fields"/>.</summary>
    public static int Crc5(uint fields, int bitCount)
    {
        var crc = 0x1F;
        for (var i = 0; i < bitCount; i++)
        {
            var bit = (int)(fields >> i) & 1;
            crc = ((crc ^ bit) & 1) != 0 ? (crc >> 1) ^ 0x14 : crc >> 1;
        }
        return crc ^ 0x1F;
    }

    /// <summary>The CRC16 field for <paramref name="payload"/> (sent as two bytes, low first).</summary>
    public static ushort Crc16(ReadOnlySpan<byte> payload)
    {
        var table = Crc16Table;
        var crc = 0xFFFF;
        foreach (var b in payload) crc = (crc >> 8) ^ table[(crc ^ b) & 0xFF];
        return (ushort)(crc ^ 0xFFFF);
    }

    /// <summary>The CRC16 register's next value for each low byte, eight bits at a time (the bitwise rule of <see cref="Crc16"/> run once per byte value).</summary>
    private static readonly ushort[] Crc16Table = BuildCrc16Table();

    private static ushort[] BuildCrc16Table()
    {
        var table = new ushort[256];
        for (var n = 0; n < 256; n++)
        {
            var crc = n;
            for (var i = 0; i < 8; i++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xA001 : crc >> 1;
            table[n] = (ushort)crc;
        }
        return table;
    }
}
