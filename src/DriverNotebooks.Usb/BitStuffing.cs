namespace DriverNotebooks.Usb;

/// <summary>How much NRZI bit stuffing the bulk/control transaction budget assumes.</summary>
/// <remarks>The spec's chapter 5 tables assume none; the §5.11.3 formulas and Linux assume the worst case,
/// 7/6 × 8 bits per byte (domain file §2.1–§2.3).</remarks>
public enum BitStuffing
{
    /// <summary>No stuffing: 8 bit times per payload byte, as in spec Tables 5-3 … 5-10.</summary>
    None,

    /// <summary>Worst case (all-ones data): 7/6 × 8 bit times per payload byte, Linux <c>BitTime()</c>.</summary>
    WorstCase,
}
