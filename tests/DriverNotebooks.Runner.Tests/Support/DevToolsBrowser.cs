using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>
/// Headless Chromium driven over the DevTools protocol (a WebSocket on the loopback address), with
/// no network: it opens pages, evaluates script in them, and records every console error, uncaught
/// exception and browser log error (failed loads, blocked resources) as a problem.
/// </summary>
internal sealed class DevToolsBrowser : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly DirectoryInfo _profile;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly ConcurrentQueue<string> _problems = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _loaded = new();
    private readonly CancellationTokenSource _closing = new();
    private Task? _receiving;
    private int _nextId;

    private DevToolsBrowser(Process process, DirectoryInfo profile)
    {
        _process = process;
        _profile = profile;
    }

    /// <summary>Console errors, uncaught exceptions and error log entries seen so far.</summary>
    public IReadOnlyList<string> Problems => [.. _problems];

    /// <param name="chromium">The browser to start.</param>
    /// <param name="loopback">Let pages reach 127.0.0.1 (a local server under test); every other host stays unresolvable.</param>
    public static async Task<DevToolsBrowser> StartAsync(string chromium, bool loopback = false)
    {
        var profile = Directory.CreateTempSubdirectory("drivernb-devtools-");
        var start = new ProcessStartInfo(chromium) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var flag in Chromium.BaseFlags)
        {
            start.ArgumentList.Add(loopback && flag.StartsWith("--host-resolver-rules=", StringComparison.Ordinal) ? flag + ", EXCLUDE 127.0.0.1" : flag);
        }
        start.ArgumentList.Add("--user-data-dir=" + profile.FullName);
        start.ArgumentList.Add("--remote-debugging-address=127.0.0.1");
        start.ArgumentList.Add("--remote-debugging-port=0");
        start.ArgumentList.Add("about:blank");
        var process = Process.Start(start)!;
        process.ErrorDataReceived += (_, _) => { };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var browser = new DevToolsBrowser(process, profile);
        try
        {
            await browser.ConnectAsync();
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    /// <summary>Opens <paramref name="url"/> in a new tab and waits for its load event; returns the tab's session id.</summary>
    /// <param name="url">The page.</param>
    /// <param name="scripts">False to open it as a viewer that runs no script would (the page's own scripts are disabled).</param>
    public async Task<string> OpenAsync(string url, bool scripts = true)
    {
        var target = await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" });
        var attached = await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target["targetId"]!.GetValue<string>(), ["flatten"] = true });
        var session = attached["sessionId"]!.GetValue<string>();
        var loaded = _loaded.GetOrAdd(session, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await SendAsync("Runtime.enable", null, session);
        await SendAsync("Log.enable", null, session);
        await SendAsync("Page.enable", null, session);
        if (!scripts) await SendAsync("Emulation.setScriptExecutionDisabled", new JsonObject { ["value"] = true }, session);
        await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session);
        await loaded.Task.WaitAsync(Patience);
        return session;
    }

    /// <summary>Evaluates <paramref name="expression"/> in the tab and returns its value as JSON.</summary>
    public async Task<JsonNode?> EvaluateAsync(string session, string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject
        {
            ["expression"] = expression,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
        }, session);
        if (result["exceptionDetails"] is { } details) throw new InvalidOperationException("evaluation failed: " + details.ToJsonString());
        return result["result"]?["value"]?.DeepClone();
    }

    /// <summary>Evaluates <paramref name="condition"/> until it is true (bounded by a generous limit).</summary>
    public async Task<bool> WaitUntilAsync(string session, string condition)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < Patience)
        {
            if (await EvaluateAsync(session, condition) is JsonValue value && value.GetValue<bool>()) return true;
            await Task.Delay(100);
        }
        return false;
    }

    private async Task ConnectAsync()
    {
        var portFile = Path.Combine(_profile.FullName, "DevToolsActivePort");
        var waited = Stopwatch.StartNew();
        string[]? lines = null;
        while (waited.Elapsed < Patience)
        {
            if (_process.HasExited) throw new InvalidOperationException($"Chromium exited with code {_process.ExitCode} before DevTools was ready");
            if (File.Exists(portFile))
            {
                lines = (await File.ReadAllTextAsync(portFile)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
                if (lines.Length >= 2) break;
            }
            await Task.Delay(50);
        }
        if (lines is not { Length: >= 2 }) throw new TimeoutException("Chromium did not open its DevTools port");
        await _socket.ConnectAsync(new Uri($"ws://127.0.0.1:{lines[0].Trim()}{lines[1].Trim()}"), CancellationToken.None);
        _receiving = Task.Run(ReceiveLoopAsync);
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject? parameters, string? session = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters ?? new JsonObject() };
        if (session is not null) message["sessionId"] = session;
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, CancellationToken.None);
        var answer = await reply.Task.WaitAsync(Patience);
        if (answer["error"] is { } error) throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return answer["result"] as JsonObject ?? new JsonObject();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open && !_closing.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _closing.Token);
                if (received.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, received.Count);
                if (!received.EndOfMessage) continue;
                Handle(JsonNode.Parse(message.ToArray())!.AsObject());
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        foreach (var pending in _pending.Values) pending.TrySetException(new InvalidOperationException("the DevTools connection closed"));
    }

    private void Handle(JsonObject message)
    {
        if (message["id"] is { } id)
        {
            if (_pending.TryRemove(id.GetValue<int>(), out var reply)) reply.TrySetResult(message);
            return;
        }
        var parameters = message["params"];
        switch (message["method"]?.GetValue<string>())
        {
            case "Page.loadEventFired" when message["sessionId"]?.GetValue<string>() is { } session:
                _loaded.GetOrAdd(session, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                break;
            case "Runtime.consoleAPICalled" when Text(parameters?["type"]) is "error" or "assert":
                _problems.Enqueue($"console.{Text(parameters!["type"])}: {DescribeArguments(parameters["args"])}");
                break;
            case "Runtime.exceptionThrown":
                _problems.Enqueue($"uncaught: {parameters?["exceptionDetails"]?.ToJsonString()}");
                break;
            case "Log.entryAdded" when Text(parameters?["entry"]?["level"]) == "error":
                _problems.Enqueue($"log: {Text(parameters!["entry"]!["text"])} {Text(parameters["entry"]!["url"])}");
                break;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string DescribeArguments(JsonNode? arguments) =>
        arguments is JsonArray array
            ? string.Join(' ', array.Select(a => a?["value"]?.ToString() ?? Text(a?["description"]) ?? ""))
            : "";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                using var quick = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                var close = new JsonObject { ["id"] = Interlocked.Increment(ref _nextId), ["method"] = "Browser.close", ["params"] = new JsonObject() };
                await _socket.SendAsync(Encoding.UTF8.GetBytes(close.ToJsonString()), WebSocketMessageType.Text, true, quick.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
        await _closing.CancelAsync();
        if (_receiving is not null) await _receiving.WaitAsync(TimeSpan.FromSeconds(10)).ContinueWith(_ => { });
        _socket.Dispose();
        _process.Dispose();
        _closing.Dispose();
        try
        {
            _profile.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
