using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>The kinds of cell nbformat knows.</summary>
internal enum CellKind
{
    Code,
    Markdown,
    Raw,
}

/// <summary>
/// One cell: its kind, the kernel it is written for (canonical name such as <c>csharp</c> or
/// <c>fsharp</c>; <c>markdown</c> for markdown cells) and its source with <c>\n</c> line endings.
/// </summary>
internal sealed record NotebookCell(CellKind Kind, string KernelName, string Source)
{
    /// <summary>The nbformat 4.5 cell id read from the file, if it had a valid one.</summary>
    public string? Id { get; init; }

    /// <summary>The cell's metadata from an <c>.ipynb</c> as read; null for <c>.dib</c>. Never mutated.</summary>
    public JsonObject? Metadata { get; init; }

    /// <summary>A markdown or raw cell's attachments from an <c>.ipynb</c>, kept as read.</summary>
    public JsonObject? Attachments { get; init; }

    /// <summary>The count of the run that executed this cell; null when it has not run.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>What the cell produced when it ran, in order. Empty before a run.</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    public static NotebookCell Markdown(string source) => new(CellKind.Markdown, KernelInfo.Markdown, source);

    public static NotebookCell CSharp(string source) => new(CellKind.Code, KernelInfo.CSharp, source);
}
