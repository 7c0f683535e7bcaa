using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>What <see cref="NotebookRenderer"/> writes and how it runs the cells.</summary>
internal sealed record RenderOptions
{
    /// <summary>Where <c>name.ipynb</c>, <c>name.html</c> and <c>name.pdf</c> go; created when missing.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>How long one cell may run. A cell past it fails, and the rest of the notebook is not run.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>
    /// Keep running after a cell fails. Without it the run stops at the first failing cell (later
    /// cells keep no outputs), as nbconvert and papermill do.
    /// </summary>
    public bool AllowErrors { get; init; }

    /// <summary>Also print the handout to <c>name.pdf</c> with headless Chromium.</summary>
    public bool Pdf { get; init; }

    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>
    /// Store a static SVG beside each chart in the <c>.ipynb</c>, drawn by headless Chromium, for viewers that run
    /// no script. Without Chromium the notebook is written without them and the result carries a warning.
    /// </summary>
    public bool ChartImages { get; init; } = true;
}
