namespace DriverNotebooks.Usb;

/// <summary>
/// The KMDF continuous reader's rules, as the framework source applies them.
/// </summary>
/// <remarks>[S12] microsoft/Windows-Driver-Frameworks: fxusbpipe.hpp (<c>NUM_PENDING_READS_DEFAULT (2)</c>,
/// <c>NUM_PENDING_READS_MAX (10)</c>, <c>ValidateTransferLength</c>), fxusbpipe.cpp <c>InitContinuousReader</c>
/// (the count is stored in a UCHAR, then 0 → default and &gt; 10 → 10) and fxusbpipeapi.cpp
/// <c>WdfUsbTargetPipeConfigContinuousReader</c> (TransferLength 0 rejected; bulk or interrupt IN pipes only).</remarks>
public static class ContinuousReader
{
    /// <summary><c>NUM_PENDING_READS_DEFAULT</c>: used when NumPendingReads is 0.</summary>
    public const int NumPendingReadsDefault = 2;

    /// <summary><c>NUM_PENDING_READS_MAX</c>: larger values are silently reduced to 10.</summary>
    public const int NumPendingReadsMax = 10;

    /// <summary>Upper bound for the what-if beyond the framework cap (and for generic queues).</summary>
    public const int WhatIfPendingReadsMax = 1 << 20;

    /// <summary>True if the framework accepts a continuous reader on this pipe: bulk or interrupt, IN.</summary>
    public static bool Supports(TransferType type, TransferDirection direction) =>
        type is TransferType.Bulk or TransferType.Interrupt && direction == TransferDirection.In;

    /// <summary>
    /// The NumPendingReads the framework actually uses: the value is stored in a UCHAR (so 256 becomes 0),
    /// 0 becomes the default 2 and anything above 10 becomes 10. With <paramref name="allowBeyondMax"/>
    /// (a what-if, not framework behaviour) the value is used as given, 0 still meaning 2.
    /// </summary>
    /// <exception cref="UsbInputException">Field <c>pending</c>: negative, or above the what-if bound.</exception>
    public static int EffectivePendingReads(int requested, bool allowBeyondMax, ICollection<string> warnings)
    {
        if (requested < 0)
            throw UsbInputException.NotAllowed(UsbInputField.Pending, "NumPendingReads", requested.ToString(), "(a count cannot be negative)",
                $"0–{NumPendingReadsMax} (0 means the default {NumPendingReadsDefault})");
        if (allowBeyondMax)
        {
            if (requested > WhatIfPendingReadsMax)
                throw UsbInputException.NotAllowed(UsbInputField.Pending, "NumPendingReads", requested.ToString(), "even as a what-if", $"0–{WhatIfPendingReadsMax}");
            if (requested == 0)
            {
                warnings.Add($"NumPendingReads 0 means the framework default of {NumPendingReadsDefault}");
                return NumPendingReadsDefault;
            }
            if (requested > NumPendingReadsMax)
                warnings.Add($"what-if: {requested} pending reads; the real framework caps NumPendingReads at {NumPendingReadsMax}");
            return requested;
        }
        var stored = (byte)requested;
        if (stored != requested)
            warnings.Add($"NumPendingReads {requested} is stored in a UCHAR by the framework and becomes {stored}");
        if (stored == 0)
        {
            warnings.Add($"NumPendingReads 0 means the framework default of {NumPendingReadsDefault}");
            return NumPendingReadsDefault;
        }
        if (stored > NumPendingReadsMax)
        {
            warnings.Add($"the framework caps NumPendingReads at {NumPendingReadsMax} (asked for {stored}); allow the what-if to model more");
            return NumPendingReadsMax;
        }
        return stored;
    }

    /// <summary>
    /// <c>ValidateTransferLength</c>: TransferLength must be a non-zero multiple of the pipe's maximum packet size
    /// (STATUS_INVALID_PARAMETER for 0, STATUS_INVALID_BUFFER_SIZE otherwise).
    /// </summary>
    /// <exception cref="UsbInputException">Field <c>transfer</c>.</exception>
    public static void ValidateTransferLength(long transferLength, int maxPacketSize)
    {
        if (transferLength <= 0)
            throw UsbInputException.NotAllowed(UsbInputField.Transfer, "TransferLength", transferLength.ToString(),
                "(the framework rejects 0 with STATUS_INVALID_PARAMETER)", $"a positive multiple of the max packet size {maxPacketSize}");
        if (transferLength % maxPacketSize != 0)
            throw UsbInputException.NotAllowed(UsbInputField.Transfer, "TransferLength", transferLength.ToString(),
                $"(not a multiple of the max packet size {maxPacketSize}; the framework returns STATUS_INVALID_BUFFER_SIZE)",
                $"a multiple of {maxPacketSize}, e.g. {Nearest(transferLength, maxPacketSize)}");
    }

    private static string Nearest(long length, int maxPacket)
    {
        var below = length / maxPacket * maxPacket;
        var above = below + maxPacket;
        return below == 0 ? above.ToString() : $"{below} or {above}";
    }
}
