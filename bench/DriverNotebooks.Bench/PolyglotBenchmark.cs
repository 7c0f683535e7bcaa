using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using DriverNotebooks.Jupyter;
using DriverNotebooks.Tests.Polyglot.RealEngine;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 10's speed targets in the real Polyglot engine (the served dotnet-interactive 1.0.712001, started as
/// VS Code starts it), side by side with <c>drivernb kernel</c> running the same magic cell:
/// (a) what the extension adds to the tool's own <c>#r "nuget: …"</c>, under 300 ms: the same package
/// loaded with and without its <c>interactive-extensions</c> folder, in fresh processes, interleaved;
/// (b) launch → first magic-command chart; (c) a warm magic cell, under 50 ms.
/// </summary>
public sealed class PolyglotBenchmark : IBenchmark
{
    private const int Runs = 3;
    private static readonly TimeSpan ExtensionTarget = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan WarmTarget = TimeSpan.FromMilliseconds(50);

    public string Name => "polyglot";

    public string Description => "real dotnet-interactive 1.0.712001: extension's cost on #r (< 300 ms), launch → first chart, warm magic cell (< 50 ms); drivernb kernel beside it";

    public void Run(TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("drivernb-bench-polyglot-");
        var versions = new List<string>();
        try
        {
            var tool = InstallTool();
            var feed = Directory.CreateDirectory(Path.Combine(work.FullName, "feed")).FullName;
            var stamp = DateTime.UtcNow.ToString("yyyyMMddHHmmss");
            var withExtension = $"0.1.0-bench.{stamp}";
            var without = $"0.1.0-bench.{stamp}.noext";
            output.WriteLine("packing DriverNotebooks (Release)…");
            var package = Pack(feed, withExtension);
            WithoutExtension(package, Path.Combine(feed, $"DriverNotebooks.{without}.nupkg"), withExtension, without);
            versions.AddRange([withExtension, without]);

            // Each version's first #r extracts it into the NuGet cache: do that once, untimed.
            foreach (var version in versions) Session(tool, work.FullName, feed, version, magic: false);

            var load = new Dictionary<string, List<double>> { [withExtension] = [], [without] = [] };
            var ready = new List<double>();
            var first = new List<double>();
            var launchToChart = new List<double>();
            Measure.Timing? warm = null;
            for (var run = 0; run < Runs; run++)
            {
                foreach (var version in run % 2 == 0 ? versions : Enumerable.Reverse(versions).ToList())
                {
                    var timing = Session(tool, work.FullName, feed, version, magic: version == withExtension, warm: run == Runs - 1 && version == withExtension);
                    load[version].Add(timing.Load);
                    if (version != withExtension) continue;
                    ready.Add(timing.Ready);
                    first.Add(timing.FirstMagic);
                    launchToChart.Add(timing.LaunchToChart);
                    warm ??= timing.Warm;
                }
            }

            var added = Measure.Median(load[withExtension]) - Measure.Median(load[without]);
            output.WriteLine($"dotnet-interactive {DotnetInteractiveTool.Version}, fresh process per run, medians of {Runs}:");
            output.WriteLine($"    launch → kernel answers 1+1                   {Measure.Median(ready),7:F0} ms");
            output.WriteLine($"    #i + #r of the package without its extension  {Measure.Median(load[without]),7:F0} ms");
            output.WriteLine($"    #i + #r of the package with its extension     {Measure.Median(load[withExtension]),7:F0} ms");
            output.WriteLine($"(a) the extension adds                             {added,7:F0} ms " +
                             (added < ExtensionTarget.TotalMilliseconds ? $"OK (< {ExtensionTarget.TotalMilliseconds:F0} ms)" : $"OVER TARGET (≥ {ExtensionTarget.TotalMilliseconds:F0} ms)"));
            output.WriteLine($"(b) first magic-command cell (card + chart)       {Measure.Median(first),7:F0} ms; launch → first chart {Measure.Median(launchToChart):F0} ms");
            output.WriteLine($"(c) {warm}" + (warm!.Median < WarmTarget ? $" OK (< {WarmTarget.TotalMilliseconds:F0} ms)" : " OVER TARGET"));

            output.WriteLine("drivernb kernel (ReadyToRun), the same magic cell:");
            var drivernb = KernelBenchmark.Publish(Path.Combine(work.FullName, "drivernb"));
            var kernelFirst = new List<double>();
            for (var run = 0; run < Runs; run++)
            {
                using var client = KernelBenchmarkClient.Start(drivernb);
                client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
                KernelBenchmark.Checked(client.Execute(KernelBenchmark.MagicCell));
                kernelFirst.Add(Stopwatch.GetElapsedTime(client.Started).TotalMilliseconds);
            }
            using (var client = KernelBenchmarkClient.Start(drivernb))
            {
                client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
                output.WriteLine($"    launch → first magic-command result           {Measure.Median(kernelFirst),7:F0} ms");
                output.WriteLine("    " + Measure.Repeat("warm magic cell", 5, 21, () => KernelBenchmark.Checked(client.Execute(KernelBenchmark.MagicCell))));
            }
        }
        finally
        {
            RemoveFromNuGetCache(versions);
            work.Delete(recursive: true);
        }
    }

    private sealed record SessionTiming(double Ready, double Load, double FirstMagic, double LaunchToChart, Measure.Timing? Warm);

    private static SessionTiming Session(string tool, string work, string feed, string version, bool magic, bool warm = false)
    {
        var folder = Directory.CreateTempSubdirectory("drivernb-bench-session-").FullName;
        var launched = Stopwatch.GetTimestamp();
        using var session = new DotnetInteractiveSession(tool, folder);
        try
        {
            Succeeded(session.Submit("1+1", timeout: TimeSpan.FromMinutes(5)));
            var ready = Stopwatch.GetElapsedTime(launched).TotalMilliseconds;
            var loading = Stopwatch.GetTimestamp();
            Succeeded(session.Submit($"#i \"nuget: {feed}\"\n#r \"nuget: DriverNotebooks, {version}\"", timeout: TimeSpan.FromMinutes(5)));
            var load = Stopwatch.GetElapsedTime(loading).TotalMilliseconds;
            if (!magic) return new SessionTiming(ready, load, 0, 0, null);
            var magicStart = Stopwatch.GetTimestamp();
            var cell = session.Submit(KernelBenchmark.MagicCell);
            Succeeded(cell);
            if (!cell.Outputs.Any(o => o.ContainsKey("application/vnd.plotly.v1+json"))) throw new InvalidOperationException("the magic cell showed no chart");
            var firstMagic = Stopwatch.GetElapsedTime(magicStart).TotalMilliseconds;
            var launchToChart = Stopwatch.GetElapsedTime(launched).TotalMilliseconds;
            var timing = warm ? Measure.Repeat("warm magic cell, SubmitCode → CommandSucceeded", 5, 21, () => Succeeded(session.Submit(KernelBenchmark.MagicCell))) : null;
            return new SessionTiming(ready, load, firstMagic, launchToChart, timing);
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static void Succeeded(DriverNotebooks.Tests.Polyglot.RealEngine.Submission submission)
    {
        if (!submission.Succeeded) throw new InvalidOperationException($"a timed cell failed: {submission}");
    }

    private static string InstallTool() =>
        DotnetInteractiveTool.Install("dotnet", out var failure) ?? throw new InvalidOperationException(failure);

    private static string Pack(string feed, string version)
    {
        var root = Processes.RepositoryRoot();
        var pack = Processes.Execute("dotnet", ["pack", Path.Combine("src", "DriverNotebooks", "DriverNotebooks.csproj"), "-c", "Release", "-o", feed, "-nologo", $"-p:PackageVersion={version}"], root);
        if (pack.ExitCode != 0) throw new InvalidOperationException($"dotnet pack failed:\n{pack.Output}\n{pack.Error}");
        return Path.Combine(feed, $"DriverNotebooks.{version}.nupkg");
    }

    /// <summary>A copy of the package under another version with its <c>interactive-extensions</c> folder left out.</summary>
    private static void WithoutExtension(string package, string copy, string version, string newVersion)
    {
        using var source = ZipFile.OpenRead(package);
        using var target = ZipFile.Open(copy, ZipArchiveMode.Create);
        foreach (var entry in source.Entries)
        {
            if (entry.FullName.StartsWith("interactive-extensions/", StringComparison.Ordinal)) continue;
            var written = target.CreateEntry(entry.FullName);
            using var from = entry.Open();
            using var to = written.Open();
            if (entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal))
            {
                using var reader = new StreamReader(from);
                var nuspec = reader.ReadToEnd().Replace($"<version>{version}</version>", $"<version>{newVersion}</version>", StringComparison.Ordinal);
                to.Write(Encoding.UTF8.GetBytes(nuspec));
            }
            else
            {
                from.CopyTo(to);
            }
        }
    }

    private static void RemoveFromNuGetCache(IEnumerable<string> versions)
    {
        foreach (var version in versions) DotnetInteractiveTool.RemoveFromNuGetCache(version);
    }
}
