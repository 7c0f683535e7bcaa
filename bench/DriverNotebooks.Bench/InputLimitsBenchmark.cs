using System.Diagnostics;
using System.Globalization;
using DriverNotebooks.Commands;
using DriverNotebooks.Commands.Kmdf;
using DriverNotebooks.Formatting;
using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Bench;

/// <summary>
/// Issue 13's memory target: any input the limits accept (<see cref="ScenarioLimits"/>, <see cref="FaultSweepLimits"/>)
/// stays under 1 GB. Each case is the largest of its kind the limits let through, run as <c>drivernb kmdf</c> runs it
/// (parse, simulate, format the report as text) in a fresh child process of this harness, which reports its own peak
/// working set; the same inputs one step past a limit are refused, and the time to refuse them is shown too.
/// </summary>
public sealed class InputLimitsBenchmark : IBenchmark
{
    private const long TargetBytes = 1L << 30;

    public string Name => "limits";

    public string Description => "largest scenario and fault sweep the limits accept: peak memory per process (target < 1 GB)";

    /// <summary>The cases: a name, the command and its arguments (FILE is the generated scenario), and the scenario JSON.</summary>
    private static IReadOnlyList<(string Name, string Command, string[] Arguments, string Json)> Cases() =>
    [
        ("1 MiB scenario file (max file size)", "kmdf", ["--scenario", "FILE"], PaddedFile()),
        ("100 devices × 480 steps each (max devices, near max trace events per run)", "kmdf", ["--scenario", "FILE"], Devices(100, 480)),
        ("1,000 read completions (max) on 1 device", "kmdf", ["--scenario", "FILE"], Reads(1_000, 45)),
        ("fault sweep: 1,000 steps, 1,002 runs (max trace events per sweep)", "kmdf faults", ["--scenario", "FILE"], Steps(1_000)),
        ("fault sweep with pairs: 97 steps, 4,950 runs (max runs)", "kmdf faults", ["--scenario", "FILE", "--pairs"], Steps(97)),
    ];

    public void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("drivernb-bench-limits-");
        try
        {
            var worst = 0L;
            foreach (var (name, command, arguments, json) in Cases())
            {
                var file = Path.Combine(folder.FullName, "scenario.json");
                File.WriteAllText(file, json);
                var args = arguments.Select(a => a == "FILE" ? file : a).ToArray();
                var run = Processes.ExecuteSelf(["--limits-once", command, .. args]);
                if (run.ExitCode != 0) throw new InvalidOperationException($"{name}: the child failed ({run.ExitCode}): {run.Error}");
                var peak = long.Parse(run.Output.Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                worst = Math.Max(worst, peak);
                output.WriteLine($"{name}: {run.Output.Trim().Split(' ', 2)[1]}, peak working set {peak / (1024 * 1024)} MiB, {run.Elapsed.TotalSeconds:F1} s in all ({new FileInfo(file).Length / 1024} KiB of JSON)");
            }

            var refuse = Measure.Repeat("refusing /dev/zero as a scenario", warmups: 2, runs: 11, () =>
            {
                try
                {
                    ScenarioJson.Load("/dev/zero");
                }
                catch (ScenarioFormatException)
                {
                }
            });
            output.WriteLine(refuse);
            output.WriteLine(worst < TargetBytes
                ? $"OK: largest peak {worst / (1024 * 1024)} MiB < 1 GB"
                : $"OVER TARGET: largest peak {worst / (1024 * 1024)} MiB ≥ 1 GB");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The child: runs one command as the CLI does and prints its peak working set in bytes and what it printed.</summary>
    public static int RunOnce(string commandPath, IReadOnlyList<string> arguments)
    {
        var clock = Stopwatch.StartNew();
        var command = KmdfCommands.All.Single(c => string.Join(' ', c.Definition.CliPath) == commandPath);
        var parsed = CommandLineParser.Parse(command.Definition, arguments);
        var result = command.Execute(parsed.Arguments!, CancellationToken.None);
        var text = NotebookFormatters.Format(result.Value).Last(f => f.MimeType == FormattedOutput.PlainText).Text;
        var elapsed = clock.Elapsed;
        using var self = Process.GetCurrentProcess();
        self.Refresh();
        Console.WriteLine($"{self.PeakWorkingSet64} {elapsed.TotalMilliseconds:F0} ms, {text.Length / 1024} KiB of report");
        return 0;
    }

    private static string Calls(int n, string prefix) => string.Join(",", Enumerable.Range(0, n).Select(i => $$"""{"step":"call","name":"{{prefix}}{{i}}"}"""));

    private static string Steps(int calls) =>
        $$"""{"name":"bench-steps","driverEntry":[{"step":"wdfDriverCreate"},{{Calls(calls, "F")}}]}""";

    private static string Devices(int devices, int callsPerDevice) =>
        $$"""{"name":"bench-devices","driverEntry":[{"step":"wdfDriverCreate","evtDriverDeviceAdd":[{"step":"wdfDeviceCreate"},{{Calls(callsPerDevice, "A")}}]}],"events":[{"event":"deviceArrives","count":{{devices}}},{"event":"unload"}]}""";

    private static string Reads(int completions, int callsPerRead) =>
        $$"""
        {"name":"bench-reads","driverEntry":[{"step":"wdfDriverCreate","evtDriverDeviceAdd":[{"step":"wdfDeviceCreate",
          "evtDevicePrepareHardware":[
            {"step":"wdfUsbTargetDeviceCreate","name":"UsbDevice"},
            {"step":"wdfUsbTargetDeviceSelectConfig","usbDevice":"UsbDevice","pipe":"InPipe"},
            {"step":"wdfUsbTargetPipeConfigContinuousReader","pipe":"InPipe","evtUsbTargetPipeReadComplete":[{{Calls(callsPerRead, "R")}}]}],
          "evtDeviceD0Entry":[{"step":"wdfIoTargetStart","target":"InPipe"}],
          "evtDeviceD0Exit":[{"step":"wdfIoTargetStop","target":"InPipe"}]}]}],
         "events":[{"event":"deviceArrives"},{"event":"readsComplete","device":1,"count":{{completions}}},{"event":"remove","device":1},{"event":"unload"}]}
        """;

    /// <summary>A small valid scenario padded with a comment to just under <see cref="ScenarioLimits.MaxFileBytes"/>.</summary>
    private static string PaddedFile()
    {
        var body = Steps(200);
        return body + "\n/*" + new string('x', ScenarioLimits.MaxFileBytes - body.Length - 6) + "*/\n";
    }
}
