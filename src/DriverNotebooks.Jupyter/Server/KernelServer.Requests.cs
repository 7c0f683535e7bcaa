using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Jupyter;

internal sealed partial class KernelServer
{
    /// <summary>
    /// Handles a request on the socket thread: cells go to the execution worker, what needs the
    /// compiler (completion, inspection, is_complete) to the thread pool, everything else is answered
    /// here at once. Every request is
    /// bracketed by status busy and idle (jupyter_client resends kernel_info until IOPub speaks).
    /// </summary>
    private void Dispatch(KernelChannel channel, JupyterMessage request)
    {
        switch (request.MsgType)
        {
            case MessageTypes.ExecuteRequest:
                Interlocked.Increment(ref _cellsInFlight);
                // A cell compiling (or drawing) beside an unfinished compiler warm-up does the same cold work
                // twice on two cores: the first cell is faster without it (bench kernel: magic 720 → 620 ms,
                // C# 1470 → 1250 ms), and a C# cell warms the compiler itself.
                RunnerWarmup.CancelCompiler();
                PostponeChartImages();
                _executeRequests.Writer.TryWrite(request);
                return;
            case MessageTypes.CompleteRequest:
                Busy(request);
                _ = Task.Run(() => Answer(channel, request, () => Complete(channel, request)));
                return;
            case MessageTypes.InspectRequest:
                Busy(request);
                _ = Task.Run(() => Answer(channel, request, () => Inspect(channel, request)));
                return;
            case MessageTypes.IsCompleteRequest:
                // Parsing loads the compiler the first time: not on the socket thread.
                Busy(request);
                _ = Task.Run(() => Answer(channel, request, () =>
                {
                    var code = request.ReadContent(JupyterJson.Context.IsCompleteRequest).Code;
                    Reply(channel, request, MessageTypes.IsCompleteReply, IsComplete(code), JupyterJson.Context.IsCompleteReply);
                }));
                return;
        }

        Busy(request);
        try
        {
            switch (request.MsgType)
            {
                case MessageTypes.KernelInfoRequest:
                    Reply(channel, request, MessageTypes.KernelInfoReply, _kernelInfo.Value, JupyterJson.Context.KernelInfoReply);
                    break;
                case MessageTypes.CommInfoRequest:
                    Reply(channel, request, MessageTypes.CommInfoReply, new CommInfoReply(), JupyterJson.Context.CommInfoReply);
                    break;
                case MessageTypes.HistoryRequest:
                    Reply(channel, request, MessageTypes.HistoryReply, new HistoryReply(), JupyterJson.Context.HistoryReply);
                    break;
                case MessageTypes.ConnectRequest:
                    var ports = new ConnectReply(_connection.ShellPort, _connection.IopubPort, _connection.StdinPort, _connection.HeartbeatPort, _connection.ControlPort);
                    Reply(channel, request, MessageTypes.ConnectReply, ports, JupyterJson.Context.ConnectReply);
                    break;
                case MessageTypes.CommOpen:
                    // No comm targets: close the comm at once, as ipykernel does for an unknown target.
                    var comm = request.ReadContent(JupyterJson.Context.CommOpen);
                    Publish(request, MessageTypes.CommClose, new CommCloseContent(comm.CommId), JupyterJson.Context.CommCloseContent);
                    break;
                case MessageTypes.CommMsg or MessageTypes.CommClose:
                    break;
                case MessageTypes.InterruptRequest:
                    InterruptCell();
                    Reply(channel, request, MessageTypes.InterruptReply, new StatusReply(), JupyterJson.Context.StatusReply);
                    break;
                case MessageTypes.ShutdownRequest:
                    Shutdown(channel, request);
                    return;
                default:
                    Log($"ignored a {request.MsgType} on {channel.ToString().ToLowerInvariant()}: not a request this kernel knows");
                    break;
            }
        }
        catch (JsonException e)
        {
            Log($"ignored a {request.MsgType}: its content is malformed: {e.Message}");
        }
        Idle(request);
    }

    /// <summary>Replies, publishes the shutdown on IOPub (as ipykernel does), then stops once those are sent.</summary>
    private void Shutdown(KernelChannel channel, JupyterMessage request)
    {
        // A restart is the client's to do (it starts a new process); the kernel only echoes the flag.
        var restart = TryRead(request, JupyterJson.Context.ShutdownRequest)?.Restart ?? false;
        InterruptCell();
        var reply = new ShutdownReply(restart);
        Reply(channel, request, MessageTypes.ShutdownReply, reply, JupyterJson.Context.ShutdownReply);
        Publish(request, MessageTypes.ShutdownReply, reply, JupyterJson.Context.ShutdownReply);
        Idle(request);
        RequestStop();
    }

    private static IsCompleteReply IsComplete(string code)
    {
        if (NotebookSession.IsComplete(code)) return new IsCompleteReply(IsCompleteReply.Complete);
        var lastLine = code.ReplaceLineEndings("\n").Split('\n')[^1];
        var indent = lastLine[..(lastLine.Length - lastLine.TrimStart().Length)];
        if (lastLine.TrimEnd().EndsWith('{')) indent += "    ";
        return new IsCompleteReply(IsCompleteReply.Incomplete, indent);
    }

    private void Complete(KernelChannel channel, JupyterMessage request)
    {
        var content = request.ReadContent(JupyterJson.Context.CompleteRequest);
        var cursor = CodePoints.ToUtf16Index(content.Code, content.CursorPos);
        var completions = CodeCompletion.Complete(content.Code, cursor, CurrentCompilation());
        var reply = new CompleteReply(
            completions.Matches,
            CodePoints.FromUtf16Index(content.Code, completions.Start),
            CodePoints.FromUtf16Index(content.Code, completions.End));
        Reply(channel, request, MessageTypes.CompleteReply, reply, JupyterJson.Context.CompleteReply);
    }

    private void Inspect(KernelChannel channel, JupyterMessage request)
    {
        var content = request.ReadContent(JupyterJson.Context.InspectRequest);
        var cursor = CodePoints.ToUtf16Index(content.Code, content.CursorPos);
        var text = CodeInspection.Inspect(content.Code, cursor, CurrentCompilation());
        var data = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text };
        Reply(channel, request, MessageTypes.InspectReply, new InspectReply(text is not null, data), JupyterJson.Context.InspectReply);
    }

    /// <summary>Runs a thread-pool request: any failure is logged and answered with an error reply; idle follows either way.</summary>
    private void Answer(KernelChannel channel, JupyterMessage request, Action answer)
    {
        try
        {
            answer();
        }
        catch (Exception e)
        {
            Log($"{request.MsgType} failed: {e.Message}");
            var replyType = request.MsgType.Replace("_request", "_reply", StringComparison.Ordinal);
            var error = new ExecuteReply { Status = ExecuteReply.Error, ExecutionCount = 0, Ename = e.GetType().Name, Evalue = e.Message, Traceback = [] };
            Reply(channel, request, replyType, error, JupyterJson.Context.ExecuteReply);
        }
        finally
        {
            Idle(request);
        }
    }

    private Microsoft.CodeAnalysis.Compilation? CurrentCompilation() =>
        _session.IsCompletedSuccessfully ? _session.Result.CurrentCompilation : null;

    private static T? TryRead<T>(JupyterMessage message, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type) where T : class
    {
        try
        {
            return message.ReadContent(type);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
