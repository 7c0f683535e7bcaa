using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>A cell that did not succeed: its index in the notebook and how it ended.</summary>
internal sealed record CellFailure(int CellIndex, CellResult Result)
{
    /// <summary>One line for a log: <c>cell 3: (1,1): error CS0103: …</c>.</summary>
    public string Describe() => $"cell {CellIndex + 1}: {Result.Error?.Value ?? Result.Status.ToString()}";
}

/// <summary>A notebook after a run: the cells with their outputs, the failures, and whether the run stopped early.</summary>
internal sealed record NotebookRun(Notebook Notebook, IReadOnlyList<CellFailure> Failures, bool Stopped)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>Progress of a run: <paramref name="CellsDone"/> of <paramref name="CellCount"/> cells.</summary>
internal readonly record struct RunProgress(int CellsDone, int CellCount);
