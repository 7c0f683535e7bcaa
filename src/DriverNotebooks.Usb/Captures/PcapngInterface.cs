namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// One pcapng Interface Description Block: its link type and timestamp resolution (<c>if_tsresol</c>: 10^-N seconds,
/// or 2^-N when the top bit is set; 10^-6 when absent).
/// </summary>
internal readonly record struct PcapngInterface(int LinkType, bool PowerOfTwo, int Exponent)
{
    public static PcapngInterface Default(int linkType) => new(linkType, PowerOfTwo: false, Exponent: 6);

    public static PcapngInterface WithResolution(int linkType, byte tsresol) =>
        new(linkType, (tsresol & 0x80) != 0, tsresol & 0x7F);

    /// <summary>Timestamp units since the epoch, in nanoseconds.</summary>
    public long ToNanoseconds(ulong units)
    {
        if (PowerOfTwo)
        {
            return (long)(((UInt128)units * 1_000_000_000UL) >> Exponent);
        }
        if (Exponent == 9) return (long)units;
        if (Exponent < 9) return (long)(units * Pow10(9 - Exponent));
        return (long)(units / Pow10(Exponent - 9));
    }

    private static ulong Pow10(int n)
    {
        ulong value = 1;
        for (var i = 0; i < n && i < 19; i++) value *= 10;
        return value;
    }
}
