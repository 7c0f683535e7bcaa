using System.Diagnostics;
using DriverNotebooks.Jupyter;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 7's targets for <c>drivernb kernel</c>, published ReadyToRun and driven by a client speaking
/// the Jupyter protocol: (a) kernel process start to the first cell's result, a magic command, under
/// 0.6 s (the client asks for kernel_info first, as Jupyter clients do); (b) a warm magic-command cell,
/// execute_request sent to execute_reply received, median under 50 ms. For comparison, the first
/// C# cell of a fresh kernel, which has to wait for the compiler.
/// </summary>
public sealed class KernelBenchmark : IBenchmark
{
    internal const string MagicCell = "#!usb-throughput --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 4 --turnaround 100us --measured 8MB/s";
    private const string CSharpCell = "var samples = new List<double> { 1.5, 2.5 };\nsamples.Average()";
    private const int ColdRuns = 7;
    private const int WarmUps = 5;
    private const int WarmRuns = 41;
    private static readonly TimeSpan FirstResultTarget = TimeSpan.FromSeconds(0.6);
    private static readonly TimeSpan WarmTarget = TimeSpan.FromMilliseconds(50);

    public string Name => "kernel";

    public string Description => "drivernb kernel (ReadyToRun): process start → first magic-command result (< 0.6 s), warm magic cell (< 50 ms median)";

    public void Run(TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("drivernb-bench-kernel-");
        try
        {
            output.WriteLine("publishing drivernb (Release, ReadyToRun)…");
            var drivernb = Publish(Path.Combine(work.FullName, "drivernb"));
            Cold(output, drivernb);
            Warm(output, drivernb);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Cold(TextWriter output, string drivernb)
    {
        var info = new List<double>();
        var magic = new List<double>();
        var csharp = new List<double>();
        for (var i = 0; i < ColdRuns; i++)
        {
            using (var client = KernelBenchmarkClient.Start(drivernb))
            {
                client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
                info.Add(Stopwatch.GetElapsedTime(client.Started).TotalMilliseconds);
                Checked(client.Execute(MagicCell));
                magic.Add(Stopwatch.GetElapsedTime(client.Started).TotalMilliseconds);
            }
            using (var client = KernelBenchmarkClient.Start(drivernb))
            {
                client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
                Checked(client.Execute(CSharpCell));
                csharp.Add(Stopwatch.GetElapsedTime(client.Started).TotalMilliseconds);
            }
        }
        var first = Measure.Median(magic);
        output.WriteLine($"(a) fresh kernel process, median of {ColdRuns}, from spawning the process:");
        output.WriteLine($"    kernel_info_reply received             {Measure.Median(info),7:F0} ms (best {info.Min():F0})");
        output.WriteLine($"    first result (magic-command cell)       {first,7:F0} ms (best {magic.Min():F0})");
        output.WriteLine($"    first result (C# cell, for comparison)  {Measure.Median(csharp),7:F0} ms (best {csharp.Min():F0})");
        output.WriteLine(first < FirstResultTarget.TotalMilliseconds
            ? $"    OK: {first:F0} ms < {FirstResultTarget.TotalMilliseconds:F0} ms"
            : $"    OVER TARGET: {first:F0} ms ≥ {FirstResultTarget.TotalMilliseconds:F0} ms");
    }

    private static void Warm(TextWriter output, string drivernb)
    {
        using var client = KernelBenchmarkClient.Start(drivernb);
        client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
        var timing = Measure.Repeat("(b) warm magic-command cell, execute_request → execute_reply", WarmUps, WarmRuns, () => Checked(client.Execute(MagicCell)));
        var csharp = Measure.Repeat("    warm C# cell, for comparison", WarmUps, WarmRuns, () => Checked(client.Execute(CSharpCell)));
        output.WriteLine(timing);
        output.WriteLine(csharp);
        output.WriteLine(timing.Median < WarmTarget
            ? $"    OK: median {timing.Median.TotalMilliseconds:F1} ms < {WarmTarget.TotalMilliseconds:F0} ms"
            : $"    OVER TARGET: median {timing.Median.TotalMilliseconds:F1} ms ≥ {WarmTarget.TotalMilliseconds:F0} ms");
    }

    internal static void Checked(System.Text.Json.Nodes.JsonObject reply)
    {
        if ((string?)reply["status"] != "ok") throw new InvalidOperationException($"a timed cell failed: {reply["ename"]}: {reply["evalue"]}");
    }

    internal static string Publish(string folder)
    {
        var root = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = root };
        foreach (var argument in new[] { "publish", Path.Combine("src", "drivernb"), "-c", "Release", "-r", "linux-x64", "-p:PublishReadyToRun=true", "--self-contained", "false", "-o", folder, "-nologo" })
            start.ArgumentList.Add(argument);
        using var publish = Process.Start(start)!;
        var text = publish.StandardOutput.ReadToEndAsync();
        var error = publish.StandardError.ReadToEndAsync();
        publish.WaitForExit();
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish src/drivernb failed:\n{text.Result}\n{error.Result}");
        return Path.Combine(folder, "drivernb");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DriverNotebooks.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("run the benchmark from inside the repository (DriverNotebooks.sln not found above the binary)");
    }
}
