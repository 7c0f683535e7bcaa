using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>
/// Runs every cell of a notebook in one <see cref="NotebookSession"/>, top to bottom: C# cells are
/// executed, markdown and raw cells kept as they are, cells of other languages fail with an error
/// naming the language. Empty code cells are skipped.
/// </summary>
internal static class NotebookRunner
{
    public static async Task<NotebookRun> RunAsync(
        Notebook notebook,
        TimeSpan? cellTimeout,
        bool allowErrors,
        IProgress<RunProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(notebook.SourcePath));
        using var session = new NotebookSession(new SessionOptions
        {
            CellTimeout = cellTimeout,
            BaseDirectory = directory,
            KernelInfo = notebook.KernelInfo,
        });
        var cells = notebook.Cells.ToArray();
        var failures = new List<CellFailure>();
        var stopped = false;
        for (var i = 0; i < cells.Length; i++)
        {
            var cell = cells[i] with { ExecutionCount = null, Outputs = [] };
            cells[i] = cell;
            if (stopped || cell.Kind != CellKind.Code || string.IsNullOrWhiteSpace(cell.Source))
            {
                progress?.Report(new RunProgress(i + 1, cells.Length));
                continue;
            }

            var sink = new CollectingOutputSink();
            var result = await session.ExecuteAsync(cell.Source, cell.KernelName, sink, cancellationToken).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            cells[i] = cell with { ExecutionCount = result.ExecutionCount, Outputs = sink.Outputs };
            if (!result.Succeeded)
            {
                failures.Add(new CellFailure(i, result));
                // A timed-out cell may still be running: nothing after it can trust the state.
                stopped = !allowErrors || result.Status == CellStatus.TimedOut;
            }
            progress?.Report(new RunProgress(i + 1, cells.Length));
            StartupTiming.Mark($"cell {i + 1} done");
        }
        return new NotebookRun(notebook with { Cells = cells }, failures, stopped);
    }
}
