using System.Diagnostics;
using System.Globalization;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 18's capture targets, side by side in one run: the full per-endpoint report of a 1,000,000-record usbmon
/// capture (a continuous bulk IN reader, <see cref="SyntheticReaderCapture"/>, written deterministically) against
/// <c>tshark -T fields</c> printing five fields of the same file (target: at least 20× faster and under 0.5 s), and
/// the peak working set of a read in a fresh process at 1,000,000, 4,000,000 and 27,000,000 records (2.16 GB; target: under
/// 200 MB and independent of size).
/// </summary>
public sealed class CaptureBenchmark : IBenchmark
{
    private static readonly SyntheticReaderCapture Reader = new(Pending: 4, TransferBytes: 16384, ServiceNs: 341_000, TurnaroundNs: 250_000);

    public string Name => "capture";

    public string Description => "usb capture report of a 1,000,000-record usbmon pcap vs tshark -T fields (target >= 20x faster, < 0.5 s); peak memory at 1M, 4M and 27M records (2.16 GB; target < 200 MB)";

    public void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("drivernb-bench-capture-");
        try
        {
            var million = Write(folder.FullName, 1_000_000);
            var fourMillion = Write(folder.FullName, 4_000_000);
            output.WriteLine($"capture: {new FileInfo(million).Length / 1e6:F1} MB, 1,000,000 records (link type 220, 4 bulk IN reads of 16 KiB in flight)");

            var report = CaptureAnalysis.Analyze(million);
            var e = report.Endpoints.Single();
            output.WriteLine($"  measured: {e.Transfers:N0} transfers, {e.SteadyThroughputBytesPerSecond / 1e6:F3} MB/s steady, in flight max {e.InFlight.Max}, turnaround p50 {e.Turnaround.P50Seconds * 1e6:F1} us");
            output.WriteLine(Measure.Repeat("  records only (CaptureReader.Read, counted)", 1, 3, () =>
            {
                var log = new CaptureReadLog();
                long n = 0;
                foreach (var r in CaptureReader.Read(million, log)) n += r.Length;
                GC.KeepAlive(n);
            }));
            var ours = Measure.Repeat("  drivernb report (CaptureAnalysis.Analyze)", 1, 5, () => CaptureAnalysis.Analyze(million));
            output.WriteLine(ours);

            var tshark = "/usr/bin/tshark";
            if (File.Exists(tshark))
            {
                var run = Processes.Execute(tshark, ["-r", million, "-T", "fields", "-e", "frame.time_epoch", "-e", "usb.urb_type", "-e", "usb.endpoint_address", "-e", "usb.device_address", "-e", "usb.data_len"]);
                if (run.ExitCode != 0) throw new InvalidOperationException($"tshark failed ({run.ExitCode}): {run.Error}");
                var lines = run.Output.Count(c => c == '\n');
                output.WriteLine($"  tshark -T fields (5 fields): {run.Elapsed.TotalSeconds:F2} s for {lines:N0} lines; ours is {run.Elapsed.TotalSeconds / ours.Median.TotalSeconds:F0}x faster");
            }
            else
            {
                output.WriteLine("  tshark: not installed, comparison skipped");
            }

            var large = Write(folder.FullName, 27_000_000);
            foreach (var (label, file) in new[] { ("1,000,000 records", million), ("4,000,000 records", fourMillion), ("27,000,000 records", large) })
            {
                var child = Processes.ExecuteSelf(["--capture-once", file]);
                if (child.ExitCode != 0) throw new InvalidOperationException($"{label}: the child failed ({child.ExitCode}): {child.Error}");
                var parts = child.Output.Trim().Split(' ');
                output.WriteLine($"  {label} ({new FileInfo(file).Length / 1e6:F0} MB) in a fresh process: peak working set {long.Parse(parts[0], CultureInfo.InvariantCulture) / (1024 * 1024)} MiB, report in {parts[1]} s");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The child's side: analyze one file, print the peak working set in bytes and the seconds it took.</summary>
    public static int RunOnce(string file)
    {
        var watch = Stopwatch.StartNew();
        var report = CaptureAnalysis.Analyze(file);
        watch.Stop();
        GC.KeepAlive(report);
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"{self.PeakWorkingSet64} {watch.Elapsed.TotalSeconds.ToString("F3", CultureInfo.InvariantCulture)}");
        return 0;
    }

    private static string Write(string folder, long records)
    {
        var path = Path.Combine(folder, $"reader-{records}.pcap");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        Reader.Write(file, records);
        return path;
    }
}
