namespace DriverNotebooks.Runner.Handouts;

/// <summary>How an HTML handout is laid out.</summary>
internal sealed record HandoutOptions
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>Where relative image paths in markdown are looked up (the notebook's folder) to be embedded.</summary>
    public string? BaseDirectory { get; init; }
}
