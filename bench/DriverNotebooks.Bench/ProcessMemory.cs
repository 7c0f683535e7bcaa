using System.Globalization;

namespace DriverNotebooks.Bench;

/// <summary>
/// Another process's memory as Linux reports it in <c>/proc/PID/status</c>: the resident set now (<c>VmRSS</c>) and
/// its high-water mark (<c>VmHWM</c>, the peak working set). Null once the process is gone.
/// </summary>
internal sealed record ProcessMemory(long ResidentBytes, long PeakBytes)
{
    public const double Megabyte = 1024 * 1024;

    public static ProcessMemory? Of(int processId)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines($"/proc/{processId}/status");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        var rss = Kilobytes(lines, "VmRSS:");
        var hwm = Kilobytes(lines, "VmHWM:");
        return rss is null || hwm is null ? null : new ProcessMemory(rss.Value * 1024, hwm.Value * 1024);
    }

    private static long? Kilobytes(string[] lines, string field)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        if (line is null) return null;
        var value = line[field.Length..].Trim().Split(' ')[0];
        return long.Parse(value, CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// Watches a child process's peak working set until it exits: <c>VmHWM</c> only rises, so the last value read
/// before the process ends is its peak (to within the sampling interval's growth).
/// </summary>
internal sealed class PeakWatcher : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _watching;
    private long _peak;

    public PeakWatcher(int processId, TimeSpan interval)
    {
        _watching = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                if (ProcessMemory.Of(processId) is not { } memory) return;
                Interlocked.Exchange(ref _peak, Math.Max(Interlocked.Read(ref _peak), memory.PeakBytes));
                try
                {
                    await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        });
    }

    public long PeakBytes => Interlocked.Read(ref _peak);

    public void Dispose()
    {
        _stop.Cancel();
        _watching.Wait();
        _stop.Dispose();
    }
}
