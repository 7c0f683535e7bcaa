using DriverNotebooks.Kmdf;
using DriverNotebooks.Kmdf.Scan;

namespace DriverNotebooks.Commands.Kmdf;

/// <summary>
/// <c>#!kmdf-lifecycle</c> / <c>drivernb kmdf</c>, <c>#!kmdf-faults</c> / <c>drivernb kmdf faults</c> and
/// <c>#!kmdf-patterns</c> / <c>drivernb kmdf patterns</c>: definitions and execution.
/// </summary>
public static class KmdfCommands
{
    public static readonly NotebookCommand Lifecycle = new(
        new CommandDefinition
        {
            Name = "kmdf-lifecycle",
            CliPath = ["kmdf"],
            Description = "Run a KMDF driver scenario through load, devices, removal and unload; show the callbacks in order and what leaks.",
            Options = [KmdfOptions.Scenario, KmdfOptions.List, KmdfOptions.Fail, KmdfOptions.Status, KmdfOptions.Semantics, CommonOptions.Json],
            Examples =
            [
                "--list",
                "--scenario cleanup-in-evtdriverunload",
                "--scenario globals-after-wdfdrivercreate --fail WdfDriverCreate",
                "--scenario my-driver.json --fail \"DriverEntry.Allocate(gBuffer)\" --json",
                "--scenario ndis-miniport-evtdriverunload-docs-vs-source --semantics docs",
            ],
        },
        RunLifecycle);

    public static readonly NotebookCommand Faults = new(
        new CommandDefinition
        {
            Name = "kmdf-faults",
            CliPath = ["kmdf", "faults"],
            Description = "Fail every fallible step of a scenario in turn (and optionally every pair) and report what leaks at each failure point.",
            Options = [KmdfOptions.Scenario, KmdfOptions.Pairs, KmdfOptions.Status, KmdfOptions.Semantics, CommonOptions.Json],
            Examples =
            [
                "--scenario cleanup-in-evtdriverunload",
                "--scenario lookaside-shared-by-devices --pairs",
                "--scenario my-driver.json --json",
            ],
        },
        RunFaults);

    public static readonly NotebookCommand Patterns = new(
        new CommandDefinition
        {
            Name = "kmdf-patterns",
            CliPath = ["kmdf", "patterns"],
            Description = "Build the pattern matrix: where global cleanup lives × where DriverEntry fails × globals before or after WdfDriverCreate.",
            Options = [KmdfOptions.Semantics, CommonOptions.Json],
            Examples = ["", "--json"],
        },
        RunPatterns);

    public static readonly NotebookCommand Scan = new(
        new CommandDefinition
        {
            Name = "kmdf-scan",
            CliPath = ["kmdf", "scan"],
            Description = "Read KMDF driver sources (C or C++, no WDK needed), make each function that calls WdfDriverCreate a scenario, sweep its failure points and report leaks and cleanup mistakes by file and line. Exit code 0 clean, 1 findings, 2 bad input.",
            Arguments = [new ArgumentDefinition("PATH", "A driver source file, or a folder searched for sources that call WdfDriverCreate (each folder is one driver).") { Required = true, AllowMultiple = true }],
            Options = [KmdfOptions.WriteScenarios, CommonOptions.Json],
            Examples =
            [
                "src/driver",
                "drivers/ --json",
                "src/driver/driver.c --write-scenarios scenarios",
            ],
        },
        RunScan);

    public static IReadOnlyList<NotebookCommand> All { get; } = [Lifecycle, Faults, Patterns, Scan];

    private static CommandOutput RunLifecycle(CommandArguments arguments, CancellationToken cancellationToken)
    {
        if (arguments.Flag(KmdfOptions.List))
        {
            var catalog = new KmdfScenarioCatalog(BuiltInScenarios.All);
            return new CommandOutput(catalog, KmdfJson.Catalog(catalog));
        }
        var scenario = KmdfOptions.ResolveScenario(arguments);
        var status = KmdfOptions.ParseStatus(arguments);
        var semantics = KmdfOptions.ParseSemantics(arguments);
        var options = new SimulationOptions { Semantics = semantics };
        var failSteps = arguments.Values(KmdfOptions.Fail);
        if (failSteps.Count > 0)
        {
            var known = KmdfOptions.Checked(() => FaultSweep.Discover(scenario, semantics));
            foreach (var step in failSteps)
            {
                if (!known.Contains(step, StringComparer.Ordinal))
                {
                    throw arguments.BadValue(KmdfOptions.Fail, step,
                        $"no such fallible step in {scenario.Name}; allowed: {string.Join(", ", known)}");
                }
                options = options.Failing(step, status);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var run = KmdfOptions.Checked(() => LifecycleSimulator.Run(scenario, options));
        return new CommandOutput(new LifecycleReport(scenario, run), KmdfJson.Run(scenario, run));
    }

    private static CommandOutput RunFaults(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var scenario = KmdfOptions.ResolveScenario(arguments);
        var sweepOptions = new FaultSweepOptions
        {
            IncludePairs = arguments.Flag(KmdfOptions.Pairs),
            Status = KmdfOptions.ParseStatus(arguments),
            Semantics = KmdfOptions.ParseSemantics(arguments),
        };
        var sweep = KmdfOptions.Checked(() => FaultSweep.Run(scenario, sweepOptions, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return new CommandOutput(sweep, KmdfJson.Sweep(sweep));
    }

    private static CommandOutput RunScan(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var folder = arguments.Value(KmdfOptions.WriteScenarios);
        if (folder is not null && File.Exists(folder))
        {
            throw arguments.BadValue(KmdfOptions.WriteScenarios, folder, "a file is there; allowed: a folder (created if missing)");
        }
        var report = KmdfSourceScanner.Scan(arguments.Positionals, cancellationToken);
        if (folder is not null) ScenarioFiles.Write(folder, report);
        return new CommandOutput(report, KmdfScanJson.Report(report)) { ExitCode = report.ExitCode, ErrorLines = report.BadInputs };
    }

    private static CommandOutput RunPatterns(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var matrix = PatternMatrix.Build(KmdfOptions.ParseSemantics(arguments));
        return new CommandOutput(matrix, KmdfJson.Matrix(matrix));
    }
}

/// <summary>The built-in scenarios, as <c>--list</c> shows them.</summary>
public sealed record KmdfScenarioCatalog(IReadOnlyList<Scenario> Scenarios);
