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
}
