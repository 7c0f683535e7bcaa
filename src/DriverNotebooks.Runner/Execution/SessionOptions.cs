using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Execution;

/// <summary>How a <see cref="NotebookSession"/> runs cells.</summary>
internal sealed record SessionOptions
{
    /// <summary>
    /// How long one cell may run; null for no limit. A cell past it is reported and abandoned:
    /// Roslyn cannot stop running code, so it goes on in the background until the process exits.
    /// </summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Where <c>#r "file.dll"</c> and <c>#load</c> paths are resolved from; the current directory when null.</summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The kernels the notebook declares, so a leading <c>#!fsharp</c> line is recognised.</summary>
    public KernelInfo KernelInfo { get; init; } = KernelInfo.Default;
}
