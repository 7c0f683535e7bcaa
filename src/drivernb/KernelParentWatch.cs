using System.Diagnostics;
using DriverNotebooks.Jupyter;

namespace DriverNotebooks.Cli;

/// <summary>
/// Stops a kernel whose Jupyter client died without shutting it down, as ipykernel does: on POSIX,
/// jupyter_client names its own process in <c>JPY_PARENT_PID</c> (on Windows that variable is a handle,
/// so nothing is watched there).
/// </summary>
internal static class KernelParentWatch
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static void Start(KernelServer server, TextWriter log)
    {
        if (OperatingSystem.IsWindows()) return;
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), out var parent) || parent <= 1) return;
        _ = Task.Run(async () =>
        {
            while (!server.Completion.IsCompleted)
            {
                await Task.WhenAny(Task.Delay(Interval), server.Completion).ConfigureAwait(false);
                if (server.Completion.IsCompleted || IsAlive(parent)) continue;
                log.WriteLine($"drivernb kernel: the Jupyter client (process {parent}) is gone; stopping");
                server.Stop();
            }
        });
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
