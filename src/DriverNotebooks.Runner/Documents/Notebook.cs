using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>The file formats the runner reads.</summary>
internal enum NotebookFormat
{
    /// <summary>Polyglot Notebooks' text format: <c>#!meta</c>, <c>#!csharp</c>, <c>#!markdown</c> cells.</summary>
    Dib,

    /// <summary>Jupyter's nbformat 4, with or without Polyglot's kernel metadata.</summary>
    Ipynb,
}

/// <summary>
/// A notebook as read from a file: its cells in order and the kernels it names. Immutable; running
/// it produces a copy whose code cells carry outputs and execution counts.
/// </summary>
internal sealed record Notebook
{
    /// <summary>The path it was read from, as the user gave it; used in messages.</summary>
    public required string SourcePath { get; init; }

    public required NotebookFormat Format { get; init; }

    public required IReadOnlyList<NotebookCell> Cells { get; init; }

    /// <summary>The kernels the notebook declares (Polyglot's <c>kernelInfo</c>), merged with the standard ones.</summary>
    public required KernelInfo KernelInfo { get; init; }

    /// <summary>The notebook-level metadata of an <c>.ipynb</c> as read; null for <c>.dib</c>. Never mutated.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>The file name without its extension: the name of every output written for it.</summary>
    public string Name => Path.GetFileNameWithoutExtension(SourcePath);

    /// <summary>True when any cell has C# to compile (not just magic commands), so the compiler is worth starting.</summary>
    public bool NeedsCompiler => Cells.Any(c => c.Kind == CellKind.Code && KernelInfo.IsCSharp(c.KernelName) && Execution.CellSource.HasCSharp(c.Source));
}
