using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Jupyter;

/// <summary>How a <see cref="KernelServer"/> runs.</summary>
internal sealed record KernelServerOptions
{
    /// <summary>Where the kernel logs what it drops or fails at (a Jupyter client shows the kernel's stderr in its log).</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>The version reported in <c>kernel_info_reply</c>.</summary>
    public string ImplementationVersion { get; init; } = "0.0.0";

    /// <summary>The options of the one notebook session the kernel runs cells in.</summary>
    public SessionOptions Session { get; init; } = new();

    /// <summary>How long stream text is gathered before it is published, so a loop printing thousands of lines sends a few messages.</summary>
    public TimeSpan StreamFlushInterval { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Give each chart a display id and, after its cell, a static SVG through <c>update_display_data</c> (needs
    /// headless Chromium; without it nothing happens). <c>drivernb kernel --no-chart-images</c> turns it off.
    /// </summary>
    public bool ChartImages { get; init; } = true;
}
