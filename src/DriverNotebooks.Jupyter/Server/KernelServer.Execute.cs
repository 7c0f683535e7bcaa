using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Jupyter;

internal sealed partial class KernelServer
{
    private readonly object _chartGate = new();
    private ChartLibraryPlacement _chartLibrary = new();
    private string? _chartLibraryCell;
    private string? _executingCell;

    /// <summary>The cell running now, for <see cref="ReportDyingCell"/>; null between cells.</summary>
    private RunningCell? _runningCell;

    private sealed record RunningCell(JupyterMessage Request, IopubOutputSink Sink, int ExecutionCount);

    /// <summary>What a client sees when a cell ends the kernel's process (<c>Environment.Exit</c>) instead of returning.</summary>
    internal static ErrorOutput DyingCellError { get; } = CellErrors.Single(
        "KernelExited",
        "the cell ended the kernel's process (Environment.Exit): the kernel must be restarted, and the state of earlier cells is gone");

    /// <summary>
    /// Runs while the process exits. If that happens in the middle of a cell (it called <c>Environment.Exit</c>)
    /// and not because the kernel was asked to stop, the cell gets its error and reply before the sockets close,
    /// so the front end shows why the kernel died instead of a cell that never ends.
    /// </summary>
    private void ReportDyingCell(object? sender, EventArgs e)
    {
        if (Volatile.Read(ref _stopRequested) == 1 || Volatile.Read(ref _runningCell) is not { } running) return;
        running.Sink.Write(DyingCellError);
        running.Sink.Flush();
        Reply(KernelChannel.Shell, running.Request, MessageTypes.ExecuteReply,
            ErrorReply(running.ExecutionCount, new CellResult(running.ExecutionCount, CellStatus.Failed, DyingCellError)), JupyterJson.Context.ExecuteReply);
        Idle(running.Request);
        RequestStop();
        Completion.Wait(TimeSpan.FromSeconds(3));
    }
    private int _executionCount;

    /// <summary>Execute requests received and not yet answered (queued or running); chart images wait for zero.</summary>
    private int _cellsInFlight;

    /// <summary>The execution worker: cells run one at a time, in the order their requests arrived.</summary>
    private async Task RunExecutionsAsync()
    {
        await foreach (var request in _executeRequests.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            try
            {
                await ExecuteAsync(request).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                Log($"execute_request failed: {e}");
                Idle(request);
            }
            finally
            {
                Interlocked.Decrement(ref _cellsInFlight);
            }
        }
    }

    /// <summary>
    /// busy → execute_input (nbclient takes the cell's execution count from it) → the cell's outputs
    /// as they happen → execute_reply → idle. A silent request publishes nothing but its status and
    /// does not count; <c>store_history: false</c> runs without taking a new execution count.
    /// </summary>
    private async Task ExecuteAsync(JupyterMessage request)
    {
        Busy(request);
        ExecuteRequest content;
        try
        {
            content = request.ReadContent(JupyterJson.Context.ExecuteRequest);
        }
        catch (JsonException e)
        {
            var malformed = new ExecuteReply { Status = ExecuteReply.Error, ExecutionCount = _executionCount, Ename = "MalformedRequest", Evalue = e.Message, Traceback = [e.Message] };
            Reply(KernelChannel.Shell, request, MessageTypes.ExecuteReply, malformed, JupyterJson.Context.ExecuteReply);
            Idle(request);
            return;
        }

        ReplaceChartLibraryWith(request);
        var silent = content.Silent;
        var count = content.StoreHistory && !silent ? ++_executionCount : _executionCount;
        if (!silent) Publish(request, MessageTypes.ExecuteInput, new ExecuteInput(content.Code, count), JupyterJson.Context.ExecuteInput);

        var sink = new IopubOutputSink(this, request, count, silent);
        CellResult result;
        try
        {
            var session = await _session.ConfigureAwait(false);
            Volatile.Write(ref _runningCell, new RunningCell(request, sink, count));
            result = await session.ExecuteAsync(content.Code, sink, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // The session never throws for a cell's own failures; this is the kernel failing, reported as the cell's error.
            Log($"execute_request failed: {e}");
            var error = CellErrors.Exception(e);
            sink.Write(error);
            result = new CellResult(count, CellStatus.Failed, error);
        }
        finally
        {
            Volatile.Write(ref _runningCell, null);
            sink.Flush();
        }

        var reply = result.Succeeded
            ? new ExecuteReply { Status = ExecuteReply.Ok, ExecutionCount = count, Payload = [], UserExpressions = [] }
            : ErrorReply(count, result);
        Reply(KernelChannel.Shell, request, MessageTypes.ExecuteReply, reply, JupyterJson.Context.ExecuteReply);
        if (!result.Succeeded && content.StopOnError) AbortQueued();
        Idle(request);
        StartChartImages();
    }

    private static ExecuteReply ErrorReply(int count, CellResult result)
    {
        var error = result.Error ?? CellErrors.Single(result.Status.ToString(), $"the cell ended {result.Status}");
        return new ExecuteReply { Status = ExecuteReply.Error, ExecutionCount = count, Ename = error.Name, Evalue = error.Value, Traceback = error.Traceback };
    }

    /// <summary>After a failed cell with <c>stop_on_error</c>, the execute requests already queued are answered "aborted", not run.</summary>
    private void AbortQueued()
    {
        while (_executeRequests.Reader.TryRead(out var queued))
        {
            Interlocked.Decrement(ref _cellsInFlight);
            Busy(queued);
            var aborted = new ExecuteReply { Status = ExecuteReply.Aborted, ExecutionCount = _executionCount };
            Reply(KernelChannel.Shell, queued, MessageTypes.ExecuteReply, aborted, JupyterJson.Context.ExecuteReply);
            Idle(queued);
        }
    }

    /// <summary>Publishes one output of a cell; charts' HTML gets plotly.js in front of the first chart this kernel shows.</summary>
    internal void PublishOutput(JupyterMessage request, CellOutput output, int executionCount)
    {
        switch (output)
        {
            case StreamOutput stream:
                Publish(request, MessageTypes.Stream, new StreamContent(stream.Name, stream.Text), JupyterJson.Context.StreamContent);
                break;
            case DisplayDataOutput display:
                var placed = PlaceChartLibrary(display.Data);
                Publish(request, MessageTypes.DisplayData, new DisplayDataContent(MimeBundle.From(placed)) { Transient = ChartTransient(request, placed) }, JupyterJson.Context.DisplayDataContent);
                break;
            case ExecuteResultOutput result:
                Publish(request, MessageTypes.ExecuteResult, new ExecuteResultContent(executionCount, MimeBundle.From(PlaceChartLibrary(result.Data))), JupyterJson.Context.ExecuteResultContent);
                break;
            case ErrorOutput error:
                Publish(request, MessageTypes.Error, new ErrorContent(error.Name, error.Value, error.Traceback), JupyterJson.Context.ErrorContent);
                break;
        }
    }

    private IReadOnlyList<Formatting.FormattedOutput> PlaceChartLibrary(IReadOnlyList<Formatting.FormattedOutput> data)
    {
        lock (_chartGate)
        {
            var placed = _chartLibrary.Placed;
            var result = _chartLibrary.Place(data);
            if (!placed && _chartLibrary.Placed) _chartLibraryCell = _executingCell;
            return result;
        }
    }

    /// <summary>
    /// plotly.js goes out once per kernel session, with the first chart. When the cell whose output
    /// carries it runs again or is deleted (VS Code and JupyterLab name the cell in the request's
    /// metadata: <c>cellId</c>, <c>deletedCells</c>), that output is about to disappear, so the next
    /// chart carries the library again; otherwise a saved notebook would have charts and no library.
    /// </summary>
    private void ReplaceChartLibraryWith(JupyterMessage request)
    {
        JsonObject? metadata;
        try
        {
            metadata = JsonNode.Parse(request.MetadataJson) as JsonObject;
        }
        catch (JsonException)
        {
            metadata = null;
        }
        var cell = metadata?["cellId"] is JsonValue id && id.TryGetValue<string>(out var text) ? text : null;
        var deleted = metadata?["deletedCells"] as JsonArray;
        lock (_chartGate)
        {
            _executingCell = cell;
            if (_chartLibraryCell is null) return;
            var gone = _chartLibraryCell == cell || (deleted?.Any(d => d is JsonValue v && v.TryGetValue<string>(out var deletedId) && deletedId == _chartLibraryCell) ?? false);
            if (!gone) return;
            _chartLibrary = new ChartLibraryPlacement();
            _chartLibraryCell = null;
        }
    }

    internal TimeSpan StreamFlushInterval => _options.StreamFlushInterval;
}
