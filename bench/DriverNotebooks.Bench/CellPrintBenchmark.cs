using System.Diagnostics;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 13's target for console text: a cell that prints 100 MB (a million lines of 100 characters) runs in
/// under 5 s, keeping <see cref="CellOutputLimits.StreamCharacters"/> of it. Before the fix the runner
/// concatenated the captured text per line, which took 38 s for 10 MB.
/// </summary>
public sealed class CellPrintBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(5);

    public string Name => "print";

    public string Description => "a runner cell printing 100 MB in 100-character lines (< 5 s; 10 M characters kept)";

    public void Run(TextWriter output)
    {
        using var session = new NotebookSession();
        // Compile and warm the loop once with a small count, so the timing is the printing.
        Print(session, 1_000);
        foreach (var megabytes in new[] { 10, 100 })
        {
            var clock = Stopwatch.StartNew();
            var kept = Print(session, megabytes * 10_000);
            var elapsed = clock.Elapsed;
            output.WriteLine($"    {megabytes,3} MB printed: {elapsed.TotalSeconds,6:F2} s, {kept:N0} characters kept, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / (1 << 20):N0} MB");
            if (megabytes == 100)
                output.WriteLine(elapsed < Target ? $"    OK: {elapsed.TotalSeconds:F2} s < {Target.TotalSeconds:F0} s" : $"    OVER TARGET: {elapsed.TotalSeconds:F2} s");
        }
    }

    private static long Print(NotebookSession session, int lines)
    {
        var sink = new CollectingOutputSink();
        var result = session.ExecuteAsync($"var line = new string('x', 99); for (var i = 0; i < {lines}; i++) Console.WriteLine(line);", sink).GetAwaiter().GetResult();
        if (!result.Succeeded) throw new InvalidOperationException($"the printing cell failed: {result.Status}");
        return sink.Outputs.OfType<StreamOutput>().Sum(s => (long)s.Text.Length);
    }
}
