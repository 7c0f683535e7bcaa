using DriverNotebooks.Charts;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// A C# notebook session: cells run one after another against Roslyn scripting state that carries
/// variables, types and usings from cell to cell, also past a cell that throws. Outputs stream to an
/// <see cref="ICellOutputSink"/> as they happen. One session is one chart document, so chart ids
/// are deterministic for the whole run. Shared by <c>drivernb render</c> and the Jupyter kernel.
/// </summary>
internal sealed class NotebookSession : IDisposable
{
    private readonly SessionOptions _options;
    private readonly ScriptOptions _scriptOptions;
    private readonly ScriptOptions _continuationOptions;
    private readonly CellGlobals _globals = new();
    private readonly ExecutionContext? _documentContext;
    private readonly SemaphoreSlim _oneCellAtATime = new(1, 1);
    private CancellationTokenSource? _running;
    private ScriptState<object>? _state;
    private bool _disposed;

    public NotebookSession(SessionOptions? options = null)
    {
        _options = options ?? new SessionOptions();
        _scriptOptions = ScriptEnvironment.For(_options.BaseDirectory);
        _continuationOptions = ScriptEnvironment.ForContinuation(_scriptOptions);
        ConsoleRouting.EnsureInstalled();
        FormatterDisplays.EnsureSubscribed();
        // Capture a flow whose ambient chart document is this session's: every cell runs in it.
        using (ChartDocument.Begin(embedLibraryInFirstChart: false))
        {
            _documentContext = ExecutionContext.Capture();
        }
    }

    public SessionOptions Options => _options;

    /// <summary>How many cells have been executed; the next one gets <c>ExecutionCount + 1</c>.</summary>
    public int ExecutionCount { get; private set; }

    /// <summary>The compilation of the last cell that compiled, for completion and inspection; null before any.</summary>
    public Compilation? CurrentCompilation => _state?.Script.GetCompilation();

    /// <summary>
    /// False when the code obviously continues (an open brace, an unfinished statement), as a console
    /// or Jupyter's <c>is_complete</c> asks before running it. Magic-command lines are complete.
    /// </summary>
    public static bool IsComplete(string code)
    {
        var parsed = CellSource.Parse(code, KernelInfo.CSharp, KernelInfo.Default);
        if (!parsed.HasCode) return true;
        var tree = SyntaxFactory.ParseSyntaxTree(parsed.Code, ScriptEnvironment.ParseOptions);
        return SyntaxFactory.IsCompleteSubmission(tree);
    }

    /// <summary>Runs a C# cell (a leading <c>#!kernel</c> line may say it is another language).</summary>
    public Task<CellResult> ExecuteAsync(string code, ICellOutputSink sink, CancellationToken cancellationToken = default) =>
        ExecuteAsync(code, KernelInfo.CSharp, sink, cancellationToken);

    /// <summary>
    /// Runs one cell written for <paramref name="kernelName"/>, streaming its outputs to
    /// <paramref name="sink"/>; cells wait for the one before them. Never throws for the cell's own
    /// failures: they end up in the result and as an <see cref="ErrorOutput"/> in the sink.
    /// </summary>
    public async Task<CellResult> ExecuteAsync(string code, string kernelName, ICellOutputSink sink, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _oneCellAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var count = ++ExecutionCount;
            var source = CellSource.Parse(code, kernelName, _options.KernelInfo);
            if (!source.IsCSharp) return Fail(sink, count, CellErrors.UnsupportedLanguage(source.KernelName, _options.KernelInfo.LanguageOf(source.KernelName)));
            if (source.Problem is { } problem) return Fail(sink, count, problem);

            // A cell may have replaced Console.Out (Console.SetOut(TextWriter.Null)): later cells still get their text.
            ConsoleRouting.Reinstate();
            using var running = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _running = running;
            var cell = new CellContext(sink, count, running.Token);
            var compiled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var work = StartOnCellThread(cell, source, compiled);
            try
            {
                // The timeout is for running the cell: compiling it (slow only in a cold process) is not counted.
                // Interrupted (by the caller's token or Interrupt()), the cell is abandoned at once, like a
                // timed-out one: its thread may go on, but the session is free for the next cell.
                await Task.WhenAny(compiled.Task, work).WaitAsync(running.Token).ConfigureAwait(false);
                var outcome = _options.CellTimeout is { } timeout
                    ? await work.WaitAsync(timeout, running.Token).ConfigureAwait(false)
                    : await work.WaitAsync(running.Token).ConfigureAwait(false);
                if (outcome.State is not null) _state = outcome.State;
                if (outcome.Interrupted) return Abandon(cell, running, sink, count, CellStatus.Cancelled, CellErrors.Interrupted());
                cell.Close();
                return new CellResult(count, outcome.Error is null ? CellStatus.Succeeded : CellStatus.Failed, outcome.Error);
            }
            catch (TimeoutException)
            {
                return Abandon(cell, running, sink, count, CellStatus.TimedOut, CellErrors.Timeout(_options.CellTimeout!.Value));
            }
            catch (OperationCanceledException) when (running.IsCancellationRequested)
            {
                // Cooperative code stops at its next look at the token: give it a moment, then say which it was.
                var stopped = await Task.WhenAny(work, Task.Delay(InterruptGrace, CancellationToken.None)).ConfigureAwait(false) == work;
                return Abandon(cell, running, sink, count, CellStatus.Cancelled,
                    stopped ? CellErrors.Interrupted() : CellErrors.InterruptedButRunning(InterruptGrace));
            }
            finally
            {
                _running = null;
            }
        }
        finally
        {
            _oneCellAtATime.Release();
        }
    }

    /// <summary>
    /// Interrupts the cell that is running, if any: it is reported as interrupted and abandoned, and
    /// its <see cref="CellGlobals.CancellationToken"/> is signalled so cooperative code stops.
    /// </summary>
    public void Interrupt()
    {
        try
        {
            _running?.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The cell ended at this very moment; there is nothing left to interrupt.
        }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Interrupt();
    }

    private static CellResult Fail(ICellOutputSink sink, int count, ErrorOutput error)
    {
        sink.Write(error);
        return new CellResult(count, CellStatus.Failed, error);
    }

    /// <summary>How long an interrupted cell is given to stop before it is reported as still running.</summary>
    public static TimeSpan InterruptGrace { get; } = TimeSpan.FromSeconds(1);

    private static CellResult Abandon(CellContext cell, CancellationTokenSource running, ICellOutputSink sink, int count, CellStatus status, ErrorOutput error)
    {
        cell.Close();
        running.Cancel();
        sink.Write(error);
        return new CellResult(count, status, error);
    }

    /// <summary>
    /// Starts the cell on a thread of its own (a spinning cell then holds no pool thread, and being a
    /// background thread it never keeps the process alive), in this session's chart document.
    /// </summary>
    private Task<CellOutcome> StartOnCellThread(CellContext cell, CellSource source, TaskCompletionSource compiled)
    {
        Task<CellOutcome>? task = null;
        void Start(object? _)
        {
            CellContext.Current = cell;
            task = Task.Factory.StartNew(
                () => RunCellAsync(cell, source, compiled),
                CancellationToken.None,
                TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                TaskScheduler.Default).Unwrap();
        }
        if (_documentContext is null) Start(null);
        else ExecutionContext.Run(_documentContext, Start, null);
        return task!;
    }

    /// <summary>
    /// Compiles the cell's C# (so a cell that cannot compile runs nothing, not even its magic
    /// commands), signals <paramref name="compiled"/>, runs the magic commands, then the C#.
    /// </summary>
    private async Task<CellOutcome> RunCellAsync(CellContext cell, CellSource source, TaskCompletionSource compiled)
    {
        try
        {
            Script<object>? script = null;
            if (source.HasCode)
            {
                script = _state is null
                    ? CSharpScript.Create(source.Code, _scriptOptions, typeof(CellGlobals))
                    : _state.Script.ContinueWith(source.Code, _continuationOptions);
                var diagnostics = script.Compile(cell.CancellationToken);
                if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)) return Failed(cell, CellErrors.Compilation(diagnostics));
            }
            compiled.TrySetResult();

            foreach (var magic in source.MagicLines)
            {
                var result = MagicCommands.Run(magic.Text, cell.CancellationToken);
                if (result.Error is { } message) return Failed(cell, CellErrors.MagicCommand(message));
                foreach (var value in result.Values) cell.Display(value, []);
            }
            if (script is null) return CellOutcome.Done(null);

            var state = _state is null
                ? await script.RunAsync(_globals, _ => true, cell.CancellationToken).ConfigureAwait(false)
                : await script.RunFromAsync(_state, _ => true, cell.CancellationToken).ConfigureAwait(false);

            if (state.Exception is OperationCanceledException && cell.CancellationToken.IsCancellationRequested)
            {
                return new CellOutcome(state, null) { Interrupted = true };
            }
            if (state.Exception is { } thrown)
            {
                var error = CellErrors.Exception(thrown);
                cell.Write(error);
                return new CellOutcome(state, error);
            }
            if (HasValue(state))
            {
                cell.Result(state.ReturnValue);
                StartupTiming.Mark("result formatted");
            }
            return CellOutcome.Done(state);
        }
        catch (OperationCanceledException) when (cell.CancellationToken.IsCancellationRequested)
        {
            return new CellOutcome(null, null) { Interrupted = true };
        }
        catch (Exception e)
        {
            // A formatter or magic command that fails unexpectedly fails the cell, not the session.
            return Failed(cell, CellErrors.Exception(e));
        }
    }

    /// <summary>
    /// True when the submission ends in an expression without a semicolon whose type is not void: its
    /// value is the cell's result, even when that value is null.
    /// </summary>
    private static bool HasValue(ScriptState<object> state)
    {
        var compilation = state.Script.GetCompilation();
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } statement }) return false;
        // A value came back, so the expression has one; only null needs the (slower) look at its type.
        if (state.ReturnValue is not null) return true;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static CellOutcome Failed(CellContext cell, ErrorOutput error)
    {
        cell.Write(error);
        return new CellOutcome(null, error);
    }

    /// <summary>What a cell left behind: the scripting state to continue from (null: unchanged) and its error.</summary>
    private sealed record CellOutcome(ScriptState<object>? State, ErrorOutput? Error)
    {
        /// <summary>The cell stopped because its token was cancelled (it watched it, as it should).</summary>
        public bool Interrupted { get; init; }

        public static CellOutcome Done(ScriptState<object>? state) => new(state, null);
    }
}
