using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter;
using NetMQ;
using NetMQ.Sockets;

namespace DriverNotebooks.Bench;

/// <summary>
/// Just enough of a Jupyter client to time the kernel: a connection file with free ports, the kernel
/// process, and a shell DEALER that sends requests and waits for their replies (IOPub is not read:
/// a reply is sent after the cell's outputs, so it marks the end of the cell).
/// </summary>
internal sealed class KernelBenchmarkClient : IDisposable
{
    private readonly DealerSocket _shell = new();
    private readonly MessageSigner _signer;
    private readonly MessageOrigin _origin = new(Guid.NewGuid().ToString("N"), "bench");
    private readonly string _folder;

    private KernelBenchmarkClient(Process kernel, MessageSigner signer, string folder)
    {
        Kernel = kernel;
        _signer = signer;
        _folder = folder;
    }

    public Process Kernel { get; }

    /// <summary>When the kernel process was started (<see cref="Stopwatch"/> ticks).</summary>
    public long Started { get; private init; }

    /// <summary>Starts <paramref name="drivernb"/> (an executable, or a .dll run by dotnet) as a kernel and connects to it at once.</summary>
    public static KernelBenchmarkClient Start(string drivernb)
    {
        var ports = FreePorts(5);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Directory.CreateTempSubdirectory("drivernb-bench-kernel-").FullName;
        var file = Path.Combine(folder, "kernel.json");
        File.WriteAllText(file, new JsonObject
        {
            ["transport"] = "tcp",
            ["ip"] = "127.0.0.1",
            ["shell_port"] = ports[0],
            ["iopub_port"] = ports[1],
            ["stdin_port"] = ports[2],
            ["control_port"] = ports[3],
            ["hb_port"] = ports[4],
            ["key"] = key,
            ["signature_scheme"] = "hmac-sha256",
        }.ToJsonString());

        var start = new ProcessStartInfo(drivernb.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : drivernb)
        {
            UseShellExecute = false,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = folder,
        };
        if (drivernb.EndsWith(".dll", StringComparison.Ordinal)) start.ArgumentList.Add(drivernb);
        foreach (var argument in new[] { "kernel", "--connection-file", file }) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        var started = Stopwatch.GetTimestamp();
        var kernel = Process.Start(start) ?? throw new InvalidOperationException($"could not start {drivernb}");
        kernel.ErrorDataReceived += (_, _) => { };
        kernel.OutputDataReceived += (_, _) => { };
        kernel.BeginErrorReadLine();
        kernel.BeginOutputReadLine();
        var client = new KernelBenchmarkClient(kernel, new MessageSigner(key), folder) { Started = started };
        // Connect before the kernel listens, as Jupyter clients do; retry the connection often, so the
        // measurement is the kernel's start-up and not ZeroMQ's default 100 ms reconnect interval.
        client._shell.Options.ReconnectInterval = TimeSpan.FromMilliseconds(5);
        client._shell.Options.Linger = TimeSpan.Zero;
        client._shell.Options.Identity = "bench"u8.ToArray();
        client._shell.Connect($"tcp://127.0.0.1:{ports[0]}");
        return client;
    }

    /// <summary>Sends a request on shell and waits for its reply; returns the reply's content.</summary>
    public JsonObject Request(string msgType, JsonObject content, TimeSpan timeout)
    {
        var request = JupyterMessage.Create(msgType, content, JupyterJson.Context.JsonObject, _origin);
        _shell.SendMultipartBytes(WireFormat.Encode(request, _signer));
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var frames = new List<byte[]>();
            // Whole milliseconds: NetMQ 4.0.4.5 spins forever on a receive timeout under 1 ms.
            if (!_shell.TryReceiveMultipartBytes(TimeSpan.FromMilliseconds(100), ref frames)) continue;
            var reply = WireFormat.Decode(frames, _signer);
            if (JsonNode.Parse(reply.ParentHeaderJson)?["msg_id"]?.GetValue<string>() == request.Header.MsgId)
                return JsonNode.Parse(reply.ContentJson)!.AsObject();
        }
        throw new TimeoutException($"no reply to {msgType} within {timeout.TotalSeconds:F0} s");
    }

    public JsonObject Execute(string code) =>
        Request(MessageTypes.ExecuteRequest, new JsonObject { ["code"] = code, ["silent"] = false, ["store_history"] = true }, TimeSpan.FromSeconds(60));

    public void Dispose()
    {
        try
        {
            Request(MessageTypes.ShutdownRequest, new JsonObject { ["restart"] = false }, TimeSpan.FromSeconds(5));
            if (!Kernel.WaitForExit(TimeSpan.FromSeconds(5))) Kernel.Kill(entireProcessTree: true);
        }
        catch (TimeoutException)
        {
            Kernel.Kill(entireProcessTree: true);
        }
        _shell.Dispose();
        Kernel.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
