namespace DriverNotebooks.Usb;

/// <summary>Pipeline settings after the request-queue rules: the N the framework actually keeps in flight.</summary>
/// <param name="Settings">The settings as given.</param>
/// <param name="EffectivePendingReads">N after the KMDF rules (0 → 2, cap 10) or as given for a generic queue.</param>
public sealed record ValidatedPipeline(PipelineSettings Settings, int EffectivePendingReads)
{
    /// <summary>Bytes per request.</summary>
    public long TransferLength => Settings.TransferLength;

    /// <summary>Turnaround per request.</summary>
    public Duration Turnaround => Settings.Turnaround;

    /// <summary>
    /// The bulk form of the pipeline model for these requests under <paramref name="ceilingBytesPerSecond"/>: each
    /// request moves what the device sends for it (<see cref="PipelineSettings.BytesPerRequest"/>, a short packet
    /// ending it early), at least one byte.
    /// </summary>
    internal PipelineLimit Bulk(double ceilingBytesPerSecond, int maxPacketSize) =>
        PipelineModel.Bulk(EffectivePendingReads, Math.Max(1, Settings.BytesPerRequest), ceilingBytesPerSecond, Turnaround, maxPacketSize);
}
