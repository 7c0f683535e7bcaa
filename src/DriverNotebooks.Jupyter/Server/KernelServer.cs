using System.Text.Json.Serialization.Metadata;
using System.Threading.Channels;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;
using NetMQ;
using NetMQ.Sockets;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// A Jupyter kernel (messaging protocol 5.3) serving one <see cref="NotebookSession"/>, the engine
/// <c>drivernb render</c> runs notebooks with.
/// </summary>
/// <remarks>
/// NetMQ sockets are not thread-safe, so one thread owns them all: the socket thread runs a
/// <see cref="NetMQPoller"/> that reads shell, control and stdin, answers the quick requests itself,
/// and sends everything any thread posted to the <see cref="Outbox"/>. Nothing on it ever awaits (the
/// poller's synchronization context deadlocks with Roslyn's async code). Cells run one at a time, in
/// order, on the execution worker; completion and inspection run on the thread pool. So interrupts,
/// shutdowns, kernel_info and the heartbeat (a thread and socket of its own) are answered while a cell runs.
/// </remarks>
internal sealed partial class KernelServer : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly KernelServerOptions _options;
    private readonly MessageSigner _signer;
    private readonly SignatureHistory _signatures = new();
    private readonly MessageOrigin _origin = MessageOrigin.ForKernel();
    private readonly Outbox _outbox;
    private readonly List<(KernelChannel Channel, NetMQSocket Socket)> _sockets = [];
    private readonly NetMQPoller _poller = new();
    private readonly Thread _socketThread;
    private readonly Heartbeat _heartbeat;
    private readonly Channel<JupyterMessage> _executeRequests = Channel.CreateUnbounded<JupyterMessage>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task<NotebookSession> _session;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lazy<KernelInfoReply> _kernelInfo;
    private int _stopRequested;
    private int _firstRequestSeen;
    private int _firstReplySent;

    private KernelServer(ConnectionInfo connection, KernelServerOptions options)
    {
        _connection = connection;
        _options = options;
        _signer = new MessageSigner(connection.Key);
        _outbox = new Outbox(_signer);
        _kernelInfo = new Lazy<KernelInfoReply>(() => KernelDescription.KernelInfo(options.ImplementationVersion));
        _heartbeat = Bound(connection.HeartbeatPort, "heartbeat", endpoint => new Heartbeat(endpoint));
        try
        {
            Listen(new RouterSocket(), KernelChannel.Shell, connection.ShellPort);
            Listen(new RouterSocket(), KernelChannel.Control, connection.ControlPort);
            Listen(new RouterSocket(), KernelChannel.Stdin, connection.StdinPort);
            Listen(new PublisherSocket(), KernelChannel.Iopub, connection.IopubPort);
        }
        catch
        {
            // The poller first: it refuses to be disposed while it holds a disposed socket.
            _poller.Dispose();
            foreach (var (_, socket) in _sockets) socket.Dispose();
            _heartbeat.Dispose();
            _outbox.Dispose();
            throw;
        }
        _outbox.Queue.ReceiveReady += (_, _) => SendPosted();
        _poller.Add(_outbox.Queue);
        _socketThread = new Thread(RunSockets) { IsBackground = true, Name = "drivernb-kernel-sockets" };
        // The session (and the compiler references it loads) is made off the socket thread, so
        // kernel_info is answered at once; the first cell waits for it.
        _session = Task.Run(() => new NotebookSession(options.Session));
    }

    /// <summary>Binds every socket of <paramref name="connection"/> and starts serving.</summary>
    /// <exception cref="KernelStartException">A socket cannot listen where the connection file says.</exception>
    public static KernelServer Start(ConnectionInfo connection, KernelServerOptions? options = null)
    {
        var server = new KernelServer(connection, options ?? new KernelServerOptions());
        server._heartbeat.Start();
        server._socketThread.Start();
        AppDomain.CurrentDomain.ProcessExit += server.ReportDyingCell;
        _ = Task.Run(server.RunExecutionsAsync);
        return server;
    }

    /// <summary>Completes once the kernel has stopped (after a <c>shutdown_request</c>, or <see cref="Dispose"/>) and closed its sockets.</summary>
    public Task Completion => _stopped.Task;

    /// <summary>Interrupts the running cell, as an <c>interrupt_request</c> does (e.g. on SIGINT).</summary>
    public void InterruptCell()
    {
        if (_session.IsCompletedSuccessfully) _session.Result.Interrupt();
    }

    /// <summary>Stops serving without a shutdown request (e.g. the client died); <see cref="Completion"/> tells when it has.</summary>
    public void Stop() => RequestStop();

    /// <summary>Stops serving without a shutdown request and waits for the sockets to close.</summary>
    public void Dispose()
    {
        RequestStop();
        Completion.Wait(TimeSpan.FromSeconds(10));
    }

    private void Listen(NetMQSocket socket, KernelChannel channel, int port)
    {
        _sockets.Add((channel, socket));
        // Replies still queued when the kernel stops get a moment to leave (shutdown_reply above all).
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        if (channel == KernelChannel.Iopub) socket.Options.SendHighWatermark = 100_000;
        Bound(port, channel.ToString().ToLowerInvariant(), endpoint =>
        {
            socket.Bind(endpoint);
            return true;
        });
        if (channel != KernelChannel.Iopub)
        {
            socket.ReceiveReady += (_, _) => ReceiveAll(socket, channel);
            _poller.Add(socket);
        }
    }

    /// <summary>Runs <paramref name="bind"/>, turning a port that is taken (or an address that is not ours) into one clear line.</summary>
    private T Bound<T>(int port, string name, Func<string, T> bind)
    {
        var endpoint = _connection.Endpoint(port);
        try
        {
            return bind(endpoint);
        }
        catch (AddressAlreadyInUseException e)
        {
            throw new KernelStartException($"cannot listen on {endpoint} for {name}: the port is already in use (another kernel, or a stale connection file?)", e);
        }
        catch (Exception e) when (e is NetMQException or System.Net.Sockets.SocketException or ArgumentException)
        {
            throw new KernelStartException($"cannot listen on {endpoint} for {name}: {e.Message}", e);
        }
    }

    private NetMQSocket SocketFor(KernelChannel channel) => _sockets.First(s => s.Channel == channel).Socket;

    private void RunSockets()
    {
        try
        {
            _poller.Run();
        }
        catch (Exception e)
        {
            Log($"the socket thread failed: {e}");
        }
        finally
        {
            _poller.Dispose();
            foreach (var (_, socket) in _sockets) socket.Dispose();
            _outbox.Dispose();
            _heartbeat.Dispose();
            _executeRequests.Writer.TryComplete();
            StopChartImages();
            if (_session.IsCompletedSuccessfully) _session.Result.Dispose();
            _stopped.TrySetResult();
        }
    }

    /// <summary>Sends what was posted, on the socket thread; the stop marker ends the poller after what came before it.</summary>
    private void SendPosted()
    {
        while (_outbox.Queue.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.IsStop)
            {
                _poller.StopAsync();
                return;
            }
            SocketFor(item.Channel).TrySendMultipartBytes(item.Frames!);
            if (item.Channel != KernelChannel.Iopub && Interlocked.Exchange(ref _firstReplySent, 1) == 0) Runner.StartupTiming.Mark("first reply sent");
        }
    }

    private void RequestStop()
    {
        if (Interlocked.Exchange(ref _stopRequested, 1) == 1) return;
        InterruptCell();
        _imagesStopping.Cancel();
        if (_socketThread.IsAlive) _outbox.PostStop();
        else _stopped.TrySetResult();
    }

    private void ReceiveAll(NetMQSocket socket, KernelChannel channel)
    {
        var frames = new List<byte[]>();
        while (socket.TryReceiveMultipartBytes(ref frames))
        {
            Receive(channel, frames);
            frames = [];
        }
    }

    private void Receive(KernelChannel channel, List<byte[]> frames)
    {
        if (Interlocked.Exchange(ref _firstRequestSeen, 1) == 0) Runner.StartupTiming.Mark("first request received");
        JupyterMessage request;
        try
        {
            request = WireFormat.Decode(frames, _signer);
        }
        catch (WireFormatException e)
        {
            // Never answered: a client with the wrong key, or something that is not a Jupyter client.
            Log($"dropped a message on {channel.ToString().ToLowerInvariant()}: {e.Message}");
            return;
        }
        if (_signer.IsEnabled && !_signatures.TryAdd(request.Signature))
        {
            // A validly signed message seen before: a replay, never executed twice (ipykernel: "Duplicate Signature").
            Log($"dropped a {request.MsgType} on {channel.ToString().ToLowerInvariant()}: duplicate signature (a replayed message)");
            return;
        }
        if (KernelLimits.Size(frames) is var size && size > KernelLimits.MaxMessageBytes)
        {
            frames.Clear();
            RefuseTooLarge(channel, request with { ContentJson = "{}"u8.ToArray(), Buffers = [] }, size);
            return;
        }
        try
        {
            Dispatch(channel, request);
        }
        catch (Exception e)
        {
            Log($"{request.MsgType} failed: {e}");
            Publish(request, MessageTypes.Status, new KernelStatus(KernelStatus.Idle), JupyterJson.Context.KernelStatus);
        }
    }

    /// <summary>
    /// Answers a request over <see cref="KernelLimits.MaxMessageBytes"/> without reading it: an error reply (and for
    /// a cell, the error as its output) bracketed by busy and idle, as any failed request is.
    /// </summary>
    private void RefuseTooLarge(KernelChannel channel, JupyterMessage request, long size)
    {
        var message = KernelLimits.TooLarge(request.MsgType, size);
        Log($"refused a {request.MsgType} on {channel.ToString().ToLowerInvariant()}: {message}");
        Busy(request);
        if (request.MsgType == MessageTypes.ExecuteRequest)
            Publish(request, MessageTypes.Error, new ErrorContent("MessageTooLarge", message, [message]), JupyterJson.Context.ErrorContent);
        if (request.MsgType.EndsWith("_request", StringComparison.Ordinal))
        {
            var reply = new ExecuteReply { Status = ExecuteReply.Error, ExecutionCount = _executionCount, Ename = "MessageTooLarge", Evalue = message, Traceback = [message] };
            Reply(channel, request, request.MsgType[..^"_request".Length] + "_reply", reply, JupyterJson.Context.ExecuteReply);
        }
        Idle(request);
    }

    /// <summary>Posts a reply on <paramref name="channel"/> to the sender of <paramref name="request"/>.</summary>
    private void Reply<T>(KernelChannel channel, JupyterMessage request, string msgType, T content, JsonTypeInfo<T> contentType)
    {
        var reply = JupyterMessage.Create(msgType, content, contentType, _origin, request) with { Identities = request.Identities };
        _outbox.Post(channel, reply);
    }

    /// <summary>Publishes on IOPub, with <paramref name="request"/>'s header as the parent.</summary>
    private void Publish<T>(JupyterMessage request, string msgType, T content, JsonTypeInfo<T> contentType)
    {
        var message = JupyterMessage.Create(msgType, content, contentType, _origin, request)
            with { Identities = [System.Text.Encoding.UTF8.GetBytes($"kernel.{_origin.Session}.{msgType}")] };
        _outbox.Post(KernelChannel.Iopub, message);
    }

    private void Busy(JupyterMessage request) => Publish(request, MessageTypes.Status, new KernelStatus(KernelStatus.Busy), JupyterJson.Context.KernelStatus);

    private void Idle(JupyterMessage request) => Publish(request, MessageTypes.Status, new KernelStatus(KernelStatus.Idle), JupyterJson.Context.KernelStatus);

    private void Log(string message)
    {
        lock (_options.Log)
        {
            _options.Log.WriteLine($"drivernb kernel: {message}");
            _options.Log.Flush();
        }
    }
}
