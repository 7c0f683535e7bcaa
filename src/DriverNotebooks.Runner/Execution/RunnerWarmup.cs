using DriverNotebooks.Charts;
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
    private static readonly Lazy<Task> ChartsTask = new(() => Task.Run(WarmCharts));

    /// <summary>Starts warming the compiler; returns the warm-up, which never faults.</summary>
    public static Task StartCompiler() => CompilerTask.Value;

    /// <summary>Stops a compiler warm-up that turned out not to be needed (no cell has C#), freeing its core.</summary>
    public static void CancelCompiler() => CompilerNotNeeded.Cancel();

    /// <summary>Starts loading the chart library and the writers; returns the warm-up, which never faults.</summary>
    public static Task StartCharts() => ChartsTask.Value;

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

    private static void WarmCharts()
    {
        try
        {
            NotebookFormatters.EnsureRegistered();
            _ = PlotlyJs.ScriptElement();
            var trace = new Plotly.NET.Trace2D("scatter");
            trace.SetProperty("x", new[] { 1, 2 });
            trace.SetProperty("y", new[] { 1.5, 2.5 });
            // Without Plotly.NET's default template: serializing that template costs hundreds of
            // milliseconds of CPU, which a warm-up would take from the cells instead of saving them.
            var chart = Plotly.NET.GenericChart.ofTraceObject(false, trace);
            using (ChartDocument.Begin(embedLibraryInFirstChart: false))
            {
                var notebook = new Notebook
                {
                    SourcePath = "warm-up.dib",
                    Format = NotebookFormat.Dib,
                    KernelInfo = KernelInfo.Default,
                    Cells =
                    [
                        NotebookCell.Markdown("# Warm-up\n\n| a |\n|---|\n| *b* |"),
                        NotebookCell.CSharp("chart") with { ExecutionCount = 1, Outputs = [new ExecuteResultOutput(1, NotebookFormatters.Format(chart))] },
                    ],
                };
                _ = IpynbWriter.Write(notebook);
                _ = HtmlHandoutWriter.Write(notebook);
            }
            StartupTiming.Mark("charts warm");
        }
        catch (Exception)
        {
            // As above: the first chart a cell draws reports any real problem.
        }
    }
}
