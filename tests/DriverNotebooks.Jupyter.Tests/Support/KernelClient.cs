using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>One request's outcome: the reply and what the kernel published for it, from busy to idle.</summary>
internal sealed record Exchange(JupyterMessage Reply, JsonObject Content, IReadOnlyList<JupyterMessage> Iopub)
{
    public IReadOnlyList<string> IopubTypes => [.. Iopub.Select(m => m.MsgType)];

    public IEnumerable<JsonObject> Published(string msgType) =>
        Iopub.Where(m => m.MsgType == msgType).Select(KernelClient.ContentOf);

    public string Status => (string)Content["status"]!;
}

/// <summary>
/// A Jupyter client speaking the wire protocol with NetMQ, as jupyter_client does: DEALER sockets for
/// shell and control, SUB for IOPub, REQ for the heartbeat. Used from one test thread at a time.
/// </summary>
internal sealed class KernelClient : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly RequestSocket _heartbeat = new();
    private readonly MessageSigner _signer;
    private readonly MessageOrigin _origin = new(Guid.NewGuid().ToString("N"), "tester");

    // Messages read while waiting for another request's: kept, so concurrent requests can be awaited in any order.
    private readonly Dictionary<KernelChannel, List<JupyterMessage>> _backlog = new()
    {
        [KernelChannel.Shell] = [],
        [KernelChannel.Control] = [],
        [KernelChannel.Iopub] = [],
    };

    public KernelClient(ConnectionInfo connection, string? key = null)
    {
        _signer = new MessageSigner(key ?? connection.Key);
        var identity = System.Text.Encoding.ASCII.GetBytes(_origin.Session[..12]);
        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub, _heartbeat }) socket.Options.Linger = TimeSpan.Zero;
        _shell.Options.Identity = identity;
        _control.Options.Identity = identity;
        _shell.Connect(connection.Endpoint(connection.ShellPort));
        _control.Connect(connection.Endpoint(connection.ControlPort));
        _iopub.Connect(connection.Endpoint(connection.IopubPort));
        _iopub.SubscribeToAnyTopic();
        _heartbeat.Connect(connection.Endpoint(connection.HeartbeatPort));
    }

    public static JsonObject ContentOf(JupyterMessage message) => JsonNode.Parse(message.ContentJson)!.AsObject();

    public static string? ParentIdOf(JupyterMessage message) => (string?)JsonNode.Parse(message.ParentHeaderJson)?["msg_id"];

    /// <summary>Sends a signed request; returns it (its header's msg_id identifies the replies).</summary>
    public JupyterMessage Send(KernelChannel channel, string msgType, JsonObject? content = null, JsonObject? metadata = null)
    {
        var message = JupyterMessage.Create(msgType, content ?? [], JupyterJson.Context.JsonObject, _origin);
        if (metadata is not null) message = message with { MetadataJson = System.Text.Encoding.UTF8.GetBytes(metadata.ToJsonString()) };
        SendFrames(channel, WireFormat.Encode(message, _signer));
        return message;
    }

    public void SendFrames(KernelChannel channel, List<byte[]> frames) => Socket(channel).SendMultipartBytes(frames);

    /// <summary>Signs one request and sends the very same frames <paramref name="times"/> times, as a replaying attacker would.</summary>
    public JupyterMessage SendRepeatedly(KernelChannel channel, string msgType, JsonObject content, int times)
    {
        var message = JupyterMessage.Create(msgType, content, JupyterJson.Context.JsonObject, _origin);
        var frames = WireFormat.Encode(message, _signer);
        for (var i = 0; i < times; i++) SendFrames(channel, [.. frames.Select(f => f.ToArray())]);
        return message;
    }

    /// <summary>The next message on <paramref name="channel"/>, or null when none comes in time.</summary>
    public JupyterMessage? Receive(KernelChannel channel, TimeSpan timeout)
    {
        var frames = new List<byte[]>();
        if (!Socket(channel).TryReceiveMultipartBytes(WholeMilliseconds(timeout), ref frames)) return null;
        return WireFormat.Decode(frames, _signer);
    }

    /// <summary>Sends a request and waits for its reply and for IOPub to go idle for it.</summary>
    public Exchange Request(KernelChannel channel, string msgType, JsonObject? content = null, TimeSpan? timeout = null, JsonObject? metadata = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var request = Send(channel, msgType, content, metadata);
        var reply = ReplyTo(channel, request, limit);
        var published = IopubUntilIdle(request, limit);
        return new Exchange(reply, ContentOf(reply), published);
    }

    /// <param name="cellId">The notebook cell being run, as VS Code and JupyterLab name it in the request's metadata.</param>
    public Exchange Execute(string code, bool silent = false, bool storeHistory = true, TimeSpan? timeout = null, string? cellId = null) =>
        Request(KernelChannel.Shell, MessageTypes.ExecuteRequest, new JsonObject
        {
            ["code"] = code,
            ["silent"] = silent,
            ["store_history"] = storeHistory,
            ["user_expressions"] = new JsonObject(),
            ["allow_stdin"] = false,
            ["stop_on_error"] = true,
        }, timeout, cellId is null ? null : new JsonObject { ["cellId"] = cellId });

    /// <summary>The reply to <paramref name="request"/>; replies to other requests wait in the backlog.</summary>
    public JupyterMessage ReplyTo(KernelChannel channel, JupyterMessage request, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Next(channel, request, deadline) is { } message) return message;
        }
        throw new TimeoutException($"no reply to {request.MsgType} on {channel} within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>Waits until <paramref name="request"/>'s cell prints <paramref name="text"/> (so it is running); what was published before is read and dropped.</summary>
    public void WaitForOutput(JupyterMessage request, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = Next(KernelChannel.Iopub, request, deadline);
            if (message?.MsgType == MessageTypes.Stream && ((string?)ContentOf(message)["text"] ?? "").Contains(text, StringComparison.Ordinal)) return;
        }
        throw new TimeoutException($"the cell did not print '{text}' within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>The next message of type <paramref name="msgType"/> published for <paramref name="request"/> (others for it are dropped), e.g. after its idle.</summary>
    public JupyterMessage NextPublished(JupyterMessage request, string msgType, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Next(KernelChannel.Iopub, request, deadline) is { } message && message.MsgType == msgType) return message;
        }
        throw new TimeoutException($"no {msgType} for {request.MsgType} within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>Everything published for <paramref name="request"/> up to its status idle.</summary>
    public List<JupyterMessage> IopubUntilIdle(JupyterMessage request, TimeSpan timeout)
    {
        var published = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var message = Next(KernelChannel.Iopub, request, deadline);
            if (message is null) continue;
            published.Add(message);
            if (message.MsgType == MessageTypes.Status && (string?)ContentOf(message)["execution_state"] == KernelStatus.Idle) return published;
        }
        throw new TimeoutException($"IOPub did not go idle for {request.MsgType} within {timeout.TotalSeconds:F0} s; saw {string.Join(", ", published.Select(m => m.MsgType))}");
    }

    /// <summary>The next message on <paramref name="channel"/> whose parent is <paramref name="request"/>: from the backlog, else read (others go to the backlog).</summary>
    private JupyterMessage? Next(KernelChannel channel, JupyterMessage request, DateTime deadline)
    {
        var backlog = _backlog[channel];
        var index = backlog.FindIndex(m => ParentIdOf(m) == request.Header.MsgId);
        if (index >= 0)
        {
            var kept = backlog[index];
            backlog.RemoveAt(index);
            return kept;
        }
        var message = Receive(channel, deadline - DateTime.UtcNow);
        if (message is null) return null;
        if (ParentIdOf(message) == request.Header.MsgId) return message;
        backlog.Add(message);
        if (backlog.Count > 1000) backlog.RemoveAt(0);
        return null;
    }

    /// <summary>Everything on IOPub within <paramref name="window"/>, whatever its parent.</summary>
    public List<JupyterMessage> DrainIopub(TimeSpan window)
    {
        var seen = new List<JupyterMessage>(_backlog[KernelChannel.Iopub]);
        _backlog[KernelChannel.Iopub].Clear();
        var deadline = DateTime.UtcNow + window;
        while (DateTime.UtcNow < deadline)
        {
            if (Receive(KernelChannel.Iopub, deadline - DateTime.UtcNow) is { } message) seen.Add(message);
        }
        return seen;
    }

    /// <summary>As jupyter_client does: asks for kernel_info until a reply and an IOPub message have come (a SUB socket misses what was published before it joined).</summary>
    public void WaitUntilReady(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            var request = Send(KernelChannel.Shell, MessageTypes.KernelInfoRequest);
            try
            {
                ReplyTo(KernelChannel.Shell, request, TimeSpan.FromSeconds(2));
                IopubUntilIdle(request, TimeSpan.FromSeconds(1));
                DrainIopub(TimeSpan.FromMilliseconds(100));
                return;
            }
            catch (TimeoutException)
            {
                // Not listening yet, or IOPub joined after the status went out: ask again.
            }
        }
        throw new TimeoutException($"the kernel was not ready within {timeout.TotalSeconds:F0} s");
    }

    /// <summary>Sends <paramref name="payload"/> to the heartbeat; returns what came back, or null.</summary>
    public byte[]? Ping(byte[] payload, TimeSpan timeout)
    {
        _heartbeat.SendFrame(payload);
        return _heartbeat.TryReceiveFrameBytes(WholeMilliseconds(timeout), out var echoed) ? echoed : null;
    }

    /// <summary>
    /// NetMQ 4.0.4.5 never returns from a receive whose timeout is between 0 and 1 ms (it spins), so
    /// what is left of a deadline is rounded up to whole milliseconds, or zero.
    /// </summary>
    private static TimeSpan WholeMilliseconds(TimeSpan timeout) =>
        timeout <= TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Math.Ceiling(timeout.TotalMilliseconds));

    private NetMQSocket Socket(KernelChannel channel) => channel switch
    {
        KernelChannel.Shell => _shell,
        KernelChannel.Control => _control,
        KernelChannel.Iopub => _iopub,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "the test client has no such socket"),
    };

    public void Dispose()
    {
        _shell.Dispose();
        _control.Dispose();
        _iopub.Dispose();
        _heartbeat.Dispose();
    }
}
