using System.Diagnostics;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 13's target for Ctrl-C: a long simulation stops within 1 s of its token being cancelled. Measured
/// in-process from <c>Cancel()</c> to the simulation's <see cref="OperationCanceledException"/>, for the CLI's
/// path (a reader simulation with its timeline, a million seconds of bus time) and a sweep on every core.
/// </summary>
public sealed class CancellationBenchmark : IBenchmark
{
    private static readonly TimeSpan Target = TimeSpan.FromSeconds(1);

    public string Name => "cancel";

    public string Description => "stop latency after cancellation: reader simulation with timeline and a sweep, 1e6 s of bus time (< 1 s)";

    public void Run(TextWriter output)
    {
        var endless = Duration.FromSeconds(1_000_000);
        var simulation = ThreadScenario.Simulation with { SimulatedTime = endless, Timeline = new TimelineOptions() };
        Report(output, "reader simulation with timeline", token => ReaderSimulation.Run(simulation, token));
        Report(output, "reader simulation, no timeline ", token => ReaderSimulation.Run(simulation with { Timeline = null }, token));
        var sweep = SweepSettings.Default with { SimulatedTime = endless, Seeds = 2 };
        Report(output, "sweep on every core            ", token => Sweep.Run(sweep, token));
    }

    private static void Report(TextWriter output, string label, Action<CancellationToken> run)
    {
        var latencies = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            using var cancellation = new CancellationTokenSource();
            var task = Task.Run(() => run(cancellation.Token));
            Thread.Sleep(300);
            var cancelled = Stopwatch.StartNew();
            cancellation.Cancel();
            try
            {
                task.GetAwaiter().GetResult();
                throw new InvalidOperationException($"{label} finished instead of running long");
            }
            catch (OperationCanceledException)
            {
                latencies.Add(cancelled.Elapsed.TotalMilliseconds);
            }
        }
        latencies.Sort();
        var worst = latencies[^1];
        output.WriteLine($"    {label}: median {latencies[latencies.Count / 2]:F1} ms, worst {worst:F1} ms of {latencies.Count} " +
                         (worst < Target.TotalMilliseconds ? $"OK (< {Target.TotalMilliseconds:F0} ms)" : "OVER TARGET"));
    }
}
