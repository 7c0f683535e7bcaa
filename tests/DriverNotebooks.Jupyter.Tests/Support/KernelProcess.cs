using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>
/// <c>dotnet drivernb.dll kernel --connection-file FILE</c> as a Jupyter client starts it: a connection
/// file with five free loopback ports and a fresh key, the process, and its stderr kept for asserts.
/// </summary>
internal sealed class KernelProcess : IDisposable
{
    private readonly TempFolder _folder;
    private readonly StringBuilder _stderr = new();

    private KernelProcess(ConnectionInfo connection, Process process, TempFolder folder)
    {
        Connection = connection;
        Process = process;
        _folder = folder;
    }

    public ConnectionInfo Connection { get; }

    public Process Process { get; }

    public string Stderr
    {
        get
        {
            lock (_stderr) return _stderr.ToString();
        }
    }

    /// <param name="environment">Extra environment variables for the kernel, e.g. <c>JPY_PARENT_PID</c>.</param>
    public static KernelProcess Start(IReadOnlyDictionary<string, string>? environment = null)
    {
        var ports = FreePorts(5);
        var connection = new ConnectionInfo
        {
            IP = "127.0.0.1",
            ShellPort = ports[0],
            IopubPort = ports[1],
            StdinPort = ports[2],
            ControlPort = ports[3],
            HeartbeatPort = ports[4],
            Key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
        };
        var folder = new TempFolder();
        var file = folder.Write("kernel.json", new JsonObject
        {
            ["transport"] = "tcp",
            ["ip"] = connection.IP,
            ["shell_port"] = connection.ShellPort,
            ["iopub_port"] = connection.IopubPort,
            ["stdin_port"] = connection.StdinPort,
            ["control_port"] = connection.ControlPort,
            ["hb_port"] = connection.HeartbeatPort,
            ["key"] = connection.Key,
            ["signature_scheme"] = "hmac-sha256",
            ["kernel_name"] = "drivernb",
        }.ToJsonString());

        var start = new ProcessStartInfo(Repository.Dotnet)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
            WorkingDirectory = folder.Path,
        };
        foreach (var argument in new[] { Repository.DrivernbDll, "kernel", "--connection-file", file }) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        var process = Process.Start(start)!;
        var kernel = new KernelProcess(connection, process, folder);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (kernel._stderr) kernel._stderr.AppendLine(e.Data);
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return kernel;
    }

    /// <summary>A client connected to this kernel; with another <paramref name="key"/>, one whose every message is badly signed.</summary>
    public KernelClient Connect(string? key = null) => new(Connection, key);

    /// <summary>Waits for the process to exit and, once it has, for its stderr to be read to the end.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!Process.WaitForExit(timeout)) return false;
        Process.WaitForExit();
        return true;
    }

    public void Dispose()
    {
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                Process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
        }
        Process.Dispose();
        _folder.Dispose();
    }

    /// <summary>Loopback ports nothing listens on (just now).</summary>
    public static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        foreach (var listener in listeners) listener.Start();
        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners) listener.Stop();
        return ports;
    }
}
