namespace DriverNotebooks.Usb;

/// <summary>The fixed set of field names carried by <see cref="UsbInputException.Field"/>.</summary>
/// <remarks>Each maps to one command-line option; the CLI owns that mapping.</remarks>
public static class UsbInputField
{
    /// <summary>Bus speed.</summary>
    public const string Speed = "speed";
    /// <summary>Transfer type.</summary>
    public const string Type = "type";
    /// <summary>Endpoint direction.</summary>
    public const string Direction = "direction";
    /// <summary>wMaxPacketSize bits 10..0.</summary>
    public const string MaxPacket = "maxPacket";
    /// <summary>HS transactions per microframe, or SS isochronous Mult.</summary>
    public const string Mult = "mult";
    /// <summary>SS packets per burst (bMaxBurst + 1).</summary>
    public const string Burst = "burst";
    /// <summary>bInterval.</summary>
    public const string Interval = "interval";
    /// <summary>SS wBytesPerInterval override.</summary>
    public const string BytesPerInterval = "bytesPerInterval";
    /// <summary>Polling policy name.</summary>
    public const string Policy = "policy";
    /// <summary>Bit-stuffing assumption name.</summary>
    public const string Stuffing = "stuffing";
    /// <summary>Request length in bytes (KMDF TransferLength).</summary>
    public const string Transfer = "transfer";
    /// <summary>Outstanding requests (KMDF NumPendingReads).</summary>
    public const string Pending = "pending";
    /// <summary>Per-request turnaround time or distribution.</summary>
    public const string Turnaround = "turnaround";
    /// <summary>Effective host bulk rate.</summary>
    public const string BulkRate = "bulkRate";
    /// <summary>SS/SS+ per-packet overhead in bytes.</summary>
    public const string PacketOverhead = "packetOverhead";
    /// <summary>Simulated bus time.</summary>
    public const string Duration = "duration";
    /// <summary>Random seed or number of seeds.</summary>
    public const string Seeds = "seeds";
    /// <summary>Device data rate.</summary>
    public const string DeviceRate = "deviceRate";
    /// <summary>Device FIFO depth in bytes.</summary>
    public const string FifoDepth = "fifoDepth";
    /// <summary>Timeline bucket count.</summary>
    public const string Timeline = "timeline";
    /// <summary>The endpoint list of an admission check.</summary>
    public const string Endpoints = "endpoints";
    /// <summary>A simulation's traffic written as a capture.</summary>
    public const string Export = "export";

    /// <summary>All names, in declaration order.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Speed, Type, Direction, MaxPacket, Mult, Burst, Interval, BytesPerInterval, Policy, Stuffing,
        Transfer, Pending, Turnaround, BulkRate, PacketOverhead, Duration, Seeds, DeviceRate, FifoDepth,
        Timeline, Endpoints, Export,
    ];
}
