namespace DriverNotebooks.Usb;

/// <summary>
/// The spec's chapter 5 "transaction limit" tables as a rule: how many transactions of a given payload fit one
/// (micro)frame after the fixed protocol overhead. <c>MaxTransfers = floor(BitTimesPerFrame / BitTimesPerTransaction)</c>.
/// </summary>
/// <remarks>
/// Domain file §2.3. Overheads: HS control 173 B (Table 5-3 [S1c]), HS isochronous 38 B (Table 5-5),
/// HS interrupt/bulk 55 B (Tables 5-8/5-10), FS isochronous 9 B (Table 5-4 [S1e]), FS interrupt/bulk 13 B
/// (Tables 5-7/5-9 [S19]). FS and LS control use 45 B, the same composition as Table 5-3 with one-byte SYNCs
/// and a 7-byte inter-packet allowance (USB 2.0 Table 5-6 as recalled; not in the domain file — see NOTES.md).
/// The tables assume no bit stuffing; <see cref="BitStuffing.WorstCase"/> stuffs the payload as Linux <c>BitTime()</c> does.
/// </remarks>
public static class TransactionBudget
{
    /// <summary>HS control transfer overhead (one data packet): 173 bytes. <remarks>[S1c] Table 5-3.</remarks></summary>
    public const int HighSpeedControlOverheadBytes = 173;

    /// <summary>HS interrupt/bulk transaction overhead: 55 bytes. <remarks>Tables 5-8/5-10.</remarks></summary>
    public const int HighSpeedHandshakedOverheadBytes = BusTime.HighSpeedHandshakedOverheadBytes;

    /// <summary>HS isochronous transaction overhead: 38 bytes. <remarks>Table 5-5.</remarks></summary>
    public const int HighSpeedIsochronousOverheadBytes = BusTime.HighSpeedIsochronousOverheadBytes;

    /// <summary>FS/LS control transfer overhead: 45 bytes (derived; see class remarks).</summary>
    public const int FullSpeedControlOverheadBytes = 45;

    /// <summary>FS interrupt/bulk transaction overhead: 13 bytes. <remarks>Tables 5-7/5-9, [S19].</remarks></summary>
    public const int FullSpeedHandshakedOverheadBytes = 13;

    /// <summary>FS isochronous transaction overhead: 9 bytes. <remarks>Table 5-4, [S1e].</remarks></summary>
    public const int FullSpeedIsochronousOverheadBytes = 9;

    /// <summary>Bit times per HS microframe: 7500 B × 8.</summary>
    public const int HighSpeedBitTimesPerMicroframe = UsbBus.HighSpeedBytesPerMicroframe * 8;

    /// <summary>Bit times per FS frame: 12,000 (Linux <c>FRAME_TIME_BITS</c>).</summary>
    public const int FullSpeedBitTimesPerFrame = UsbBus.FullSpeedBytesPerFrame * 8;

    /// <summary>Protocol overhead in bytes for one transaction (control: one whole transfer) of this type and speed.</summary>
    public static int OverheadBytes(UsbSpeed speed, TransferType type) => (speed, type) switch
    {
        (UsbSpeed.High, TransferType.Control) => HighSpeedControlOverheadBytes,
        (UsbSpeed.High, TransferType.Isochronous) => HighSpeedIsochronousOverheadBytes,
        (UsbSpeed.High, _) => HighSpeedHandshakedOverheadBytes,
        (UsbSpeed.Full or UsbSpeed.Low, TransferType.Control) => FullSpeedControlOverheadBytes,
        (UsbSpeed.Full or UsbSpeed.Low, TransferType.Isochronous) => FullSpeedIsochronousOverheadBytes,
        (UsbSpeed.Full or UsbSpeed.Low, _) => FullSpeedHandshakedOverheadBytes,
        _ => throw new ArgumentOutOfRangeException(nameof(speed), speed, "the chapter 5 tables cover low, full and high speed"),
    };

    /// <summary>Bit times in one (micro)frame at this speed: 60,000 HS, 12,000 FS, 1,500 LS.</summary>
    public static int BitTimesPerFrame(UsbSpeed speed) => speed switch
    {
        UsbSpeed.High => HighSpeedBitTimesPerMicroframe,
        UsbSpeed.Full => FullSpeedBitTimesPerFrame,
        UsbSpeed.Low => UsbBus.LowSpeedBitTimesPerFrame,
        _ => throw new ArgumentOutOfRangeException(nameof(speed), speed, "the chapter 5 tables cover low, full and high speed"),
    };

    /// <summary>How many transactions with <paramref name="payloadBytes"/> of data fit one (micro)frame.</summary>
    public static TransactionFit Fit(UsbSpeed speed, TransferType type, int payloadBytes, BitStuffing stuffing)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(payloadBytes);
        var frame = BitTimesPerFrame(speed);
        var payloadBits = stuffing == BitStuffing.WorstCase ? BusTime.LinuxBitTime(payloadBytes) : 8L * payloadBytes;
        var perTransaction = 8L * OverheadBytes(speed, type) + payloadBits;
        var count = (int)(frame / perTransaction);
        return new TransactionFit(count, perTransaction, frame - count * perTransaction, frame);
    }
}

/// <summary>Result of <see cref="TransactionBudget.Fit"/>.</summary>
/// <param name="TransactionsPerFrame">Whole transactions that fit one (micro)frame.</param>
/// <param name="BitTimesPerTransaction">Overhead plus payload, in bit times.</param>
/// <param name="RemainingBitTimes">Bit times left over in the (micro)frame.</param>
/// <param name="BitTimesPerFrame">The (micro)frame, in bit times.</param>
public sealed record TransactionFit(int TransactionsPerFrame, long BitTimesPerTransaction, long RemainingBitTimes, int BitTimesPerFrame)
{
    /// <summary>Left-over bytes, as the spec tables print them (e.g. 129 for HS bulk 512).</summary>
    public double RemainingBytes => RemainingBitTimes / 8.0;
}
