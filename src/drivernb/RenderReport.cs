using DriverNotebooks.Commands;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;
using DriverNotebooks.Runner.Rendering;
using Spectre.Console;

namespace DriverNotebooks.Cli;

/// <summary>How one notebook's rendering ended, for the summary and the exit code.</summary>
internal sealed record NotebookOutcome(Notebook Notebook, RenderResult? Result, string? Problem)
{
    /// <summary>True when the command should exit non-zero because of this notebook.</summary>
    public bool Failed(RenderOptions options) =>
        Problem is not null
        || Result is null
        || Result.Run.Failures.Any(f => !options.AllowErrors || f.Result.Status is Runner.Execution.CellStatus.TimedOut);
}

/// <summary>
/// Renders notebooks one after another and reports on them: a Spectre.Console progress display on an
/// interactive terminal when rendering a folder, otherwise one plain line per notebook (CI logs).
/// </summary>
internal sealed class RenderReport
{
    private readonly CliContext _context;
    private readonly IAnsiConsole? _progressConsole;

    private RenderReport(CliContext context, IAnsiConsole? progressConsole)
    {
        _context = context;
        _progressConsole = progressConsole;
    }

    /// <summary>Call before any cell runs, while the console is still the process's own.</summary>
    public static RenderReport Create(CliContext context, bool showProgress)
    {
        if (!showProgress || !ReferenceEquals(context.Out, Console.Out) || Console.IsOutputRedirected) return new RenderReport(context, null);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(context.Out) });
        return new RenderReport(context, console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi ? console : null);
    }

    public async Task<IReadOnlyList<NotebookOutcome>> RenderAllAsync(IReadOnlyList<Notebook> notebooks, RenderOptions options, CancellationToken cancellationToken)
    {
        var outcomes = new List<NotebookOutcome>(notebooks.Count);
        if (_progressConsole is null)
        {
            foreach (var notebook in notebooks)
            {
                var outcome = await RenderOneAsync(notebook, options, null, cancellationToken);
                outcomes.Add(outcome);
                WriteLine(outcome, options);
            }
        }
        else
        {
            await _progressConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async progress =>
                {
                    var tasks = notebooks.Select(n => progress.AddTask(Markup.Escape(Path.GetFileName(n.SourcePath)), autoStart: false, maxValue: Math.Max(1, n.Cells.Count))).ToList();
                    for (var i = 0; i < notebooks.Count; i++)
                    {
                        var task = tasks[i].IsIndeterminate(false);
                        task.StartTask();
                        outcomes.Add(await RenderOneAsync(notebooks[i], options, new CellProgress(task), cancellationToken));
                        task.Value = task.MaxValue;
                        task.StopTask();
                    }
                });
            foreach (var outcome in outcomes) WriteLine(outcome, options);
        }
        if (notebooks.Count > 1) WriteSummary(outcomes, options);
        return outcomes;
    }

    private static async Task<NotebookOutcome> RenderOneAsync(Notebook notebook, RenderOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        // Cells run in their notebook's folder, as Jupyter runs them, so relative data paths work.
        // Paths are made absolute first: they must not change meaning when the folder does.
        var previous = Environment.CurrentDirectory;
        var absolute = notebook with { SourcePath = Path.GetFullPath(notebook.SourcePath) };
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(absolute.SourcePath)!;
            var result = await NotebookRenderer.RenderAsync(absolute, options, progress, cancellationToken);
            return new NotebookOutcome(notebook, result, null);
        }
        catch (PdfException e)
        {
            return new NotebookOutcome(notebook, null, e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new NotebookOutcome(notebook, null, $"cannot write the outputs to {options.OutputDirectory}: {e.Message}");
        }
        finally
        {
            Environment.CurrentDirectory = previous;
        }
    }

    private void WriteLine(NotebookOutcome outcome, RenderOptions options)
    {
        var source = outcome.Notebook.SourcePath;
        if (outcome.Problem is not null || outcome.Result is null)
        {
            _context.Error.WriteLine($"failed    {source}: {Phrases.OneLine(outcome.Problem ?? "")}");
            return;
        }
        foreach (var warning in outcome.Result.Warnings) _context.Error.WriteLine($"warning   {source}: {Phrases.OneLine(warning)}");
        var run = outcome.Result.Run;
        var written = string.Join(", ", outcome.Result.Written.Select(Shorten));
        var cells = run.Notebook.Cells.Count(c => c.ExecutionCount is not null);
        if (run.Failures.Count == 0)
        {
            _context.Out.WriteLine($"rendered  {source} -> {written} ({cells} cell{(cells == 1 ? "" : "s")} run)");
            return;
        }
        var verdict = outcome.Failed(options) ? "failed   " : "rendered ";
        _context.Out.WriteLine($"{verdict} {source} -> {written} ({cells} cell{(cells == 1 ? "" : "s")} run, {run.Failures.Count} failed)");
        foreach (var failure in run.Failures) _context.Error.WriteLine($"  {source}: {Phrases.OneLine(failure.Describe())}");
        if (run.Stopped && !options.AllowErrors) _context.Error.WriteLine($"  {source}: stopped at the failing cell; later cells did not run (--allow-errors runs them all)");
        else if (run.Stopped) _context.Error.WriteLine($"  {source}: stopped at the cell that timed out; later cells did not run");
    }

    private void WriteSummary(IReadOnlyList<NotebookOutcome> outcomes, RenderOptions options)
    {
        var failed = outcomes.Count(o => o.Failed(options));
        _context.Out.WriteLine($"{outcomes.Count} notebooks: {outcomes.Count - failed} rendered, {failed} failed");
    }

    private static string Shorten(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    /// <summary>Moves a notebook's bar as its cells finish, on the rendering thread (no posting, no reordering).</summary>
    private sealed class CellProgress(ProgressTask task) : IProgress<RunProgress>
    {
        public void Report(RunProgress value)
        {
            task.MaxValue = Math.Max(1, value.CellCount);
            task.Value = value.CellsDone;
        }
    }
}
