using static DriverNotebooks.Bench.Processes;
using System.Diagnostics;

namespace DriverNotebooks.Bench;

/// <summary>
/// <c>drivernb render</c> from process start to outputs written, side by side with its baselines in
/// one run (the machine's speed drifts, so runs are interleaved and compared as medians):
/// (a) a three-cell notebook against plain Roslyn scripting, target at most 1.5 s;
/// (b) a notebook of markdown and magic commands against <c>dotnet run app.cs</c>, target at most half its time;
/// (c) every notebook in <c>notebooks/</c>.
/// The notebooks and baselines are files under <c>bench/baselines/</c>, so they can be swapped.
/// </summary>
public sealed class RenderBenchmark : IBenchmark
{
    private const int ThreeCellRuns = 7;
    private const int MagicRuns = 5;
    private const int FolderRuns = 3;
    private static readonly TimeSpan ThreeCellTarget = TimeSpan.FromSeconds(1.5);

    public string Name => "render";

    public string Description => "drivernb render vs plain Roslyn scripting (≤ 1.5 s) and vs dotnet run app.cs (≤ ½), plus notebooks/";

    public void Run(TextWriter output)
    {
        var root = RepositoryRoot();
        var baselines = Path.Combine(root, "bench", "baselines");
        var work = Directory.CreateTempSubdirectory("drivernb-bench-render-");
        try
        {
            output.WriteLine("publishing drivernb (Release, ReadyToRun) and the Roslyn baseline (Release, with and without ReadyToRun)…");
            var drivernb = Publish(root, Path.Combine("src", "drivernb"), Path.Combine(work.FullName, "drivernb"), "drivernb", readyToRun: true);
            var baseline = Path.Combine("bench", "baselines", "RoslynScripting");
            var roslyn = Publish(root, baseline, Path.Combine(work.FullName, "roslyn-r2r"), "RoslynScripting", readyToRun: true);
            var roslynJit = Publish(root, baseline, Path.Combine(work.FullName, "roslyn-jit"), "RoslynScripting", readyToRun: false);
            var outputs = Path.Combine(work.FullName, "out");

            ThreeCells(output, drivernb, roslyn, roslynJit, Path.Combine(baselines, "three-cells.dib"), outputs);
            MagicOnly(output, drivernb, Path.Combine(baselines, "magic-only.dib"), Path.Combine(baselines, "magic-app"), outputs);
            Folder(output, drivernb, Path.Combine(root, "notebooks"), outputs);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void ThreeCells(TextWriter output, string drivernb, string roslyn, string roslynJit, string notebook, string outputs)
    {
        output.WriteLine($"(a) {Path.GetFileName(notebook)} (--no-chart-images: the baseline draws no images either): process start to outputs written, median of {ThreeCellRuns}, interleaved");
        var first = Execute(drivernb, ["render", notebook, "-o", outputs, "--no-chart-images"]);
        if (first.ExitCode != 0)
        {
            output.WriteLine($"    skipped: drivernb render failed (exit {first.ExitCode}): {FirstLine(first.Error)}");
            return;
        }
        var timings = Interleaved(ThreeCellRuns,
            () => Execute(drivernb, ["render", notebook, "-o", outputs, "--no-chart-images"]),
            () => Execute(roslyn, [notebook, Path.Combine(outputs, "baseline.html")]),
            () => Execute(roslynJit, [notebook, Path.Combine(outputs, "baseline.html")]));
        var ours = timings[0];
        Report(output, "drivernb render (ReadyToRun)", ours, "plain Roslyn scripting (ReadyToRun)", timings[1]);
        output.WriteLine($"    {"plain Roslyn scripting (JIT)",-36} {timings[2].TotalMilliseconds,7:F0} ms, ratio {ours.TotalMilliseconds / timings[2].TotalMilliseconds:F2}");
        output.WriteLine($"    target ≤ {ThreeCellTarget.TotalMilliseconds:F0} ms: {(ours <= ThreeCellTarget ? "met" : "missed")}");
    }

    private static void MagicOnly(TextWriter output, string drivernb, string notebook, string appFolder, string outputs)
    {
        output.WriteLine($"(b) {Path.GetFileName(notebook)} (markdown and magic commands) vs dotnet run app.cs (cached build), median of {MagicRuns}, interleaved");
        var first = Execute(drivernb, ["render", notebook, "-o", outputs, "--no-chart-images"]);
        if (first.ExitCode != 0)
        {
            output.WriteLine($"    skipped: the notebook does not render yet (exit {first.ExitCode}): {FirstLine(first.Error)}");
            return;
        }
        var appOutput = Path.Combine(outputs, "magic-app.html");
        var build = Execute("dotnet", ["run", "app.cs", "--", appOutput], appFolder);
        if (build.ExitCode != 0)
        {
            output.WriteLine($"    skipped: dotnet run app.cs failed (exit {build.ExitCode}): {FirstLine(build.Error)}");
            return;
        }
        var timings = Interleaved(MagicRuns,
            () => Execute(drivernb, ["render", notebook, "-o", outputs, "--no-chart-images"]),
            () => Execute("dotnet", ["run", "app.cs", "--", appOutput], appFolder));
        var (ours, app) = (timings[0], timings[1]);
        Report(output, "drivernb render", ours, "dotnet run app.cs", app);
        output.WriteLine($"    target ≤ 0.50 of dotnet run app.cs: {(ours.TotalMilliseconds <= app.TotalMilliseconds / 2 ? "met" : "missed")}");
    }

    private static void Folder(TextWriter output, string drivernb, string folder, string outputs)
    {
        var notebooks = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Count(f => f.EndsWith(".dib", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase))
            : 0;
        output.WriteLine($"(c) every notebook in notebooks/ ({notebooks}), median of {FolderRuns}");
        if (notebooks == 0)
        {
            output.WriteLine("    skipped: notebooks/ has no notebooks yet");
            return;
        }
        // As a user runs it (one process per notebook, static chart images drawn by Chromium), and without the images.
        foreach (var (label, extra) in new[] { ("with chart images", Array.Empty<string>()), ("--no-chart-images", ["--no-chart-images"]) })
        {
            var samples = new List<TimeSpan>();
            for (var i = 0; i < FolderRuns; i++)
            {
                var run = Execute(drivernb, ["render", folder, "-o", outputs, "--allow-errors", .. extra]);
                if (run.ExitCode != 0)
                {
                    output.WriteLine($"    failed (exit {run.ExitCode}): {FirstLine(run.Error)}");
                    return;
                }
                samples.Add(run.Elapsed);
            }
            var median = Median(samples);
            output.WriteLine($"    drivernb render notebooks, {label}: {median.TotalMilliseconds,7:F0} ms ({median.TotalMilliseconds / notebooks:F0} ms per notebook)");
        }
    }

    /// <summary>Runs each command once per round, round after round, and returns each one's median.</summary>
    private static IReadOnlyList<TimeSpan> Interleaved(int rounds, params Func<ProcessRun>[] commands)
    {
        var samples = commands.Select(_ => new List<TimeSpan>()).ToList();
        for (var round = 0; round < rounds; round++)
        {
            for (var i = 0; i < commands.Length; i++) samples[i].Add(Checked(commands[i]()).Elapsed);
        }
        return [.. samples.Select(Median)];
    }

    private static void Report(TextWriter output, string oursName, TimeSpan ours, string baselineName, TimeSpan baseline)
    {
        output.WriteLine($"    {oursName,-36} {ours.TotalMilliseconds,7:F0} ms");
        output.WriteLine($"    {baselineName,-36} {baseline.TotalMilliseconds,7:F0} ms");
        output.WriteLine($"    ratio {ours.TotalMilliseconds / baseline.TotalMilliseconds:F2} (drivernb / baseline)");
    }

    private static TimeSpan Median(List<TimeSpan> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static ProcessRun Checked(ProcessRun run) =>
        run.ExitCode == 0 ? run : throw new InvalidOperationException($"a timed run failed (exit {run.ExitCode}): {FirstLine(run.Error)}");

    private static string FirstLine(string text) => text.ReplaceLineEndings("\n").Split('\n').FirstOrDefault(l => l.Trim().Length > 0 && !l.Contains("NU1603", StringComparison.Ordinal))?.Trim() ?? "";

}
