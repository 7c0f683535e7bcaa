using DriverNotebooks.Charts;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// Gets the expensive first-time work out of the way on background threads while the notebook is
/// read: the compiler (a trivial submission compiled and run with the real references) and the chart
/// library (Plotly.NET, FSharp.Core, the formatters, plotly.js itself and the writers, through a small
/// chart). Each starts once per process; nothing waits for them, the real work simply overlaps with them.
/// </summary>
internal static class RunnerWarmup
{
    private static readonly CancellationTokenSource CompilerNotNeeded = new();
    private static readonly Lazy<Task> CompilerTask = new(() => Task.Run(() => WarmCompiler(CompilerNotNeeded.Token)));
    private static readonly Lock ChartsGate = new();
    private static Task? _charts;

    /// <summary>Starts warming the compiler; returns the warm-up, which never faults.</summary>
    public static Task StartCompiler() => CompilerTask.Value;

    /// <summary>
    /// Stops a compiler warm-up that is no longer worth its core: no cell has C#, or (the kernel) a cell has
    /// arrived before the warm-up finished. Does nothing once the warm-up is done.
    /// </summary>
    public static void CancelCompiler() => CompilerNotNeeded.Cancel();

    /// <summary>
    /// Starts loading the chart library and, with <paramref name="documentWriters"/>, the .ipynb and HTML writers
    /// (the kernel writes no documents: warming them took 240 ms of CPU from its first cell); returns the warm-up,
    /// which never faults. Only the first call starts anything.
    /// </summary>
    public static Task StartCharts(bool documentWriters = true)
    {
        lock (ChartsGate) return _charts ??= Task.Run(() => WarmCharts(documentWriters));
    }

    private static async Task WarmCompiler(CancellationToken cancellationToken)
    {
        try
        {
            var script = CSharpScript.Create("var warm = new List<int> { 1 }; warm.Sum()", ScriptEnvironment.Options, typeof(CellGlobals));
            await script.RunAsync(new CellGlobals(), cancellationToken).ConfigureAwait(false);
            StartupTiming.Mark("compiler warm");
        }
        catch (Exception)
        {
            // Warming is an optimisation: the first real cell reports any real problem.
        }
    }

    private static void WarmCharts(bool documentWriters)
    {
        try
        {
            NotebookFormatters.EnsureRegistered();
            _ = PlotlyJs.ScriptElement();
            // A small real result (a card and its chart) rather than a bare chart: the first cell's own code
            // paths (option parsing, card, chart builder, figure serialization) are then compiled and loaded.
            var warm = MagicCommands.Run("#!usb-throughput --speed full --type bulk --max-packet 64").Values;
            using (ChartDocument.Begin(embedLibraryInFirstChart: false))
            {
                var outputs = warm.SelectMany(NotebookFormatters.FormatOutputs).Last();
                if (documentWriters)
                {
                    var notebook = new Notebook
                    {
                        SourcePath = "warm-up.dib",
                        Format = NotebookFormat.Dib,
                        KernelInfo = KernelInfo.Default,
                        Cells =
                        [
                            NotebookCell.Markdown("# Warm-up\n\n| a |\n|---|\n| *b* |"),
                            NotebookCell.CSharp("chart") with { ExecutionCount = 1, Outputs = [new ExecuteResultOutput(1, outputs)] },
                        ],
                    };
                    _ = IpynbWriter.Write(notebook);
                    _ = HtmlHandoutWriter.Write(notebook);
                }
            }
            StartupTiming.Mark("charts warm");
        }
        catch (Exception)
        {
            // As above: the first chart a cell draws reports any real problem.
        }
    }
}
