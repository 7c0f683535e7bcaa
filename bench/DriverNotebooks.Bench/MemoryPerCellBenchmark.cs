using System.Diagnostics;
using System.Globalization;
using System.Text;
using DriverNotebooks.Jupyter;
using DriverNotebooks.Tests.Polyglot.RealEngine;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 20's memory target: at most 0.5 MB retained per executed cell, 1,000 cells under 800 MB peak in both
/// <c>drivernb render</c> and <c>drivernb kernel</c>, and no slower per cell. (a) render of generated notebooks of
/// 150 and 1,000 cells <c>var iK = K; iK+1</c> (peak working set; what each added cell keeps is the growth of the
/// peak between the two, per added cell); (b) the kernel running 1,000 <c>1+1</c> cells (resident set and managed
/// heap after a full collection, read by a cell, every 250 cells); (c) the real dotnet-interactive 1.0.712001 tool
/// running the same cells over its stdio protocol, fewer of them (it is slower per cell).
/// </summary>
public sealed class MemoryPerCellBenchmark : IBenchmark
{
    private const int SmallNotebook = 150;
    private const int LargeNotebook = 1_000;
    private const int KernelCells = 1_000;
    private const int KernelSampleEvery = 250;
    private const int ToolCells = 150;
    private const int ToolSampleEvery = 50;
    private const double PerCellTargetMb = 0.5;
    private const double PeakTargetMb = 800;
    private static readonly TimeSpan SampleInterval = TimeSpan.FromMilliseconds(20);

    public string Name => "memory";

    public string Description => "memory kept per executed cell: render of 150 / 1,000 cells, kernel 1,000 `1+1` cells, the real dotnet-interactive beside them (≤ 0.5 MB per cell, 1,000 cells < 800 MB peak)";

    /// <summary>The cell the issue measured with: a new variable and an expression result.</summary>
    internal static string VariableCell(int k) => $"var i{k} = {k}; i{k}+1";

    public void Run(TextWriter output)
    {
        var work = Directory.CreateTempSubdirectory("drivernb-bench-memory-");
        try
        {
            output.WriteLine("publishing drivernb (Release, ReadyToRun)…");
            var drivernb = KernelBenchmark.Publish(Path.Combine(work.FullName, "drivernb"));
            Render(output, drivernb, work.FullName);
            Kernel(output, drivernb, work.FullName);
            Tool(output, work.FullName);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void Render(TextWriter output, string drivernb, string work)
    {
        output.WriteLine($"(a) drivernb render --no-chart-images of a generated notebook, cells `{VariableCell(0)}` …, peak working set sampled every {SampleInterval.TotalMilliseconds:F0} ms");
        var runs = new Dictionary<int, (TimeSpan Elapsed, double PeakMb)>();
        foreach (var cells in new[] { SmallNotebook, LargeNotebook })
        {
            var notebook = Path.Combine(work, $"cells{cells}.dib");
            File.WriteAllText(notebook, Notebook(cells));
            PeakWatcher? watcher = null;
            var run = Processes.Execute(drivernb, ["render", notebook, "-o", Path.Combine(work, "out"), "--no-chart-images"],
                started: id => watcher = new PeakWatcher(id, SampleInterval));
            watcher!.Dispose();
            if (run.ExitCode != 0) throw new InvalidOperationException($"render of {cells} cells failed (exit {run.ExitCode}): {run.Error}");
            var peak = watcher.PeakBytes / ProcessMemory.Megabyte;
            runs[cells] = (run.Elapsed, peak);
            output.WriteLine($"    {cells,5:N0} cells: {run.Elapsed.TotalSeconds,6:F1} s ({run.Elapsed.TotalMilliseconds / cells:F1} ms per cell), peak {peak,6:F0} MB");
        }
        var (small, large) = (runs[SmallNotebook], runs[LargeNotebook]);
        var added = LargeNotebook - SmallNotebook;
        var perCell = (large.PeakMb - small.PeakMb) / added;
        output.WriteLine($"    each added cell: {perCell:F3} MB of peak, {(large.Elapsed - small.Elapsed).TotalMilliseconds / added:F1} ms");
        Verdict(output, perCell, large.PeakMb);
    }

    private static void Kernel(TextWriter output, string drivernb, string work)
    {
        output.WriteLine($"(b) drivernb kernel, {KernelCells:N0} cells `1+1`, execute_request → execute_reply; a cell reads the managed heap after a full collection every {KernelSampleEvery}");
        var heapFile = Path.Combine(work, "kernel-heap.txt");
        using var client = KernelBenchmarkClient.Start(drivernb);
        client.Request(MessageTypes.KernelInfoRequest, [], TimeSpan.FromSeconds(30));
        KernelBenchmark.Checked(client.Execute("1+1"));
        var first = KernelSample(client, heapFile);
        output.WriteLine($"    after {0,5:N0} cells: resident {first.ResidentMb,6:F0} MB, heap after full GC {first.HeapMb,6:F1} MB, peak {first.PeakMb,6:F0} MB");
        var times = new List<double>();
        var last = first;
        for (var cell = 1; cell <= KernelCells; cell++)
        {
            var start = Stopwatch.GetTimestamp();
            KernelBenchmark.Checked(client.Execute("1+1"));
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            if (cell % KernelSampleEvery != 0) continue;
            last = KernelSample(client, heapFile);
            output.WriteLine($"    after {cell,5:N0} cells: resident {last.ResidentMb,6:F0} MB, heap after full GC {last.HeapMb,6:F1} MB, peak {last.PeakMb,6:F0} MB");
        }
        var heapPerCell = (last.HeapMb - first.HeapMb) / KernelCells;
        var residentPerCell = (last.ResidentMb - first.ResidentMb) / KernelCells;
        output.WriteLine($"    each cell keeps {heapPerCell:F3} MB of heap, {residentPerCell:F3} MB resident; median {Measure.Median(times):F1} ms, mean {times.Average():F1} ms per cell");
        Verdict(output, Math.Max(heapPerCell, residentPerCell), last.PeakMb);
    }

    private sealed record Sample(double ResidentMb, double PeakMb, double HeapMb);

    private static Sample KernelSample(KernelBenchmarkClient client, string heapFile)
    {
        KernelBenchmark.Checked(client.Execute(WriteHeapCell(heapFile)));
        var heap = long.Parse(File.ReadAllText(heapFile), CultureInfo.InvariantCulture);
        var memory = ProcessMemory.Of(client.Kernel.Id) ?? throw new InvalidOperationException("the kernel exited");
        return new Sample(memory.ResidentBytes / ProcessMemory.Megabyte, memory.PeakBytes / ProcessMemory.Megabyte, heap / ProcessMemory.Megabyte);
    }

    private static string WriteHeapCell(string file) =>
        $"System.IO.File.WriteAllText(@\"{file}\", System.GC.GetTotalMemory(true).ToString(System.Globalization.CultureInfo.InvariantCulture));";

    private static void Tool(TextWriter output, string work)
    {
        output.WriteLine($"(c) dotnet-interactive {DotnetInteractiveTool.Version} (stdio, as VS Code starts it), {ToolCells} cells each, SubmitCode → CommandSucceeded");
        var tool = DotnetInteractiveTool.Install("dotnet", out var failure);
        if (tool is null)
        {
            output.WriteLine($"    skipped: {failure}");
            return;
        }
        foreach (var (label, cell) in new (string, Func<int, string>)[] { ($"`{VariableCell(0)}` …", VariableCell), ("`1+1`", _ => "1+1") })
        {
            var folder = Directory.CreateDirectory(Path.Combine(work, "tool-" + Guid.NewGuid().ToString("N"))).FullName;
            using var session = new DotnetInteractiveSession(tool, folder);
            ToolSucceeded(session.Submit("1+1", timeout: TimeSpan.FromMinutes(5)));
            var heapFile = Path.Combine(folder, "heap.txt");
            var first = ToolSample(session, heapFile);
            var last = first;
            var times = new List<double>();
            output.WriteLine($"    cells {label}:");
            output.WriteLine($"      after {0,5:N0} cells: resident {first.ResidentMb,6:F0} MB, heap after full GC {first.HeapMb,6:F1} MB, peak {first.PeakMb,6:F0} MB");
            for (var k = 1; k <= ToolCells; k++)
            {
                var start = Stopwatch.GetTimestamp();
                ToolSucceeded(session.Submit(cell(k)));
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (k % ToolSampleEvery != 0) continue;
                last = ToolSample(session, heapFile);
                output.WriteLine($"      after {k,5:N0} cells: resident {last.ResidentMb,6:F0} MB, heap after full GC {last.HeapMb,6:F1} MB, peak {last.PeakMb,6:F0} MB");
            }
            output.WriteLine($"      each cell keeps {(last.HeapMb - first.HeapMb) / ToolCells:F3} MB of heap, {(last.ResidentMb - first.ResidentMb) / ToolCells:F3} MB resident; " +
                             $"median {Measure.Median(times):F1} ms, mean {times.Average():F1} ms per cell");
        }
    }

    private static Sample ToolSample(DotnetInteractiveSession session, string heapFile)
    {
        ToolSucceeded(session.Submit(WriteHeapCell(heapFile)));
        var heap = long.Parse(File.ReadAllText(heapFile), CultureInfo.InvariantCulture);
        var memory = ProcessMemory.Of(session.ProcessId) ?? throw new InvalidOperationException("dotnet-interactive exited");
        return new Sample(memory.ResidentBytes / ProcessMemory.Megabyte, memory.PeakBytes / ProcessMemory.Megabyte, heap / ProcessMemory.Megabyte);
    }

    private static void ToolSucceeded(DriverNotebooks.Tests.Polyglot.RealEngine.Submission submission)
    {
        if (!submission.Succeeded) throw new InvalidOperationException($"a cell failed in dotnet-interactive: {submission}");
    }

    private static void Verdict(TextWriter output, double perCellMb, double peakMb) =>
        output.WriteLine(perCellMb <= PerCellTargetMb && peakMb < PeakTargetMb
            ? $"    OK: {perCellMb:F3} MB per cell ≤ {PerCellTargetMb} MB, peak {peakMb:F0} MB < {PeakTargetMb:F0} MB"
            : $"    OVER TARGET: {perCellMb:F3} MB per cell (≤ {PerCellTargetMb} MB), peak {peakMb:F0} MB (< {PeakTargetMb:F0} MB)");

    /// <summary>A .dib notebook of <paramref name="cells"/> C# cells, each <see cref="VariableCell"/>.</summary>
    internal static string Notebook(int cells)
    {
        var text = new StringBuilder("#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n");
        for (var k = 0; k < cells; k++) text.Append("#!csharp\n\n").Append(VariableCell(k)).Append("\n\n");
        return text.ToString();
    }
}
