using System.Reflection;
using DriverNotebooks.Commands;
using DriverNotebooks.Commands.Kmdf;
using DriverNotebooks.Commands.Usb;
using DriverNotebooks.Polyglot;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// One definition per option: every option of every magic command has the same name, default and allowed
/// values in the CLI, the magic command, the Polyglot directive and the C# API, and the engines' own
/// defaults are the ones the options document.
/// </summary>
public sealed class OptionAgreementTests
{
    public static TheoryData<string> Commands => [.. NotebookCommandCatalog.All.Select(c => c.Definition.Name)];

    private static CommandDefinition Magic(string name) => MagicCommands.Find(name)!.Definition;

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_cli_verb_uses_the_magic_commands_definition_itself(string name)
    {
        var magic = Magic(name);
        var verb = Cli.Verbs.Single(v => v.Definition.CliPath.SequenceEqual(magic.CliPath));

        Assert.Same(magic, verb.Definition);
        Assert.Equal(HelpText.Render(magic, asMagicCommand: true).Replace(magic.MagicName, magic.CliName, StringComparison.Ordinal),
            HelpText.Render(verb.Definition, asMagicCommand: false));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void The_polyglot_directive_declares_every_option_with_its_name_flag_allowed_values_and_default(string name)
    {
        var magic = Magic(name);
        var directive = DirectiveBridge.Directives.Single(d => d.Name == magic.MagicName);

        Assert.Equal([.. magic.Options.Select(o => o.Name), .. magic.Arguments.Select(DirectiveSpec.ArgumentParameterName), "--help"], directive.Parameters.Select(p => p.Name));
        Assert.Equal(magic.Arguments.Count > 0, directive.Parameters.Any(p => p.ImplicitName));
        foreach (var (option, parameter) in magic.Options.Zip(directive.Parameters))
        {
            Assert.Equal(option.IsFlag, parameter.Flag);
            Assert.Equal(option.AllowedValues, parameter.AllowedValues);
            if (option.DefaultValue is { } d) Assert.EndsWith($" Default: {d}.", parameter.Description, StringComparison.Ordinal);
            else Assert.DoesNotContain("Default:", parameter.Description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Every_command_shares_the_one_json_option()
    {
        foreach (var command in NotebookCommandCatalog.All)
        {
            Assert.Same(CommonOptions.Json, command.Definition.FindOption("--json"));
        }
    }

    /// <summary>The C# API's optional parameters and the option each one stands for.</summary>
    public static TheoryData<string, string, string, string> ApiParameters => new()
    {
        { nameof(UsbReader), nameof(UsbReader.Simulate), "turnaround", "usb-simulate --turnaround" },
        { nameof(UsbReader), nameof(UsbReader.Simulate), "duration", "usb-simulate --duration" },
        { nameof(UsbReader), nameof(UsbReader.Simulate), "seed", "usb-simulate --seed" },
        { nameof(UsbReader), nameof(UsbReader.Simulate), "deviceRate", "usb-simulate --device-rate" },
        { nameof(UsbReader), nameof(UsbReader.Simulate), "fifo", "usb-simulate --fifo" },
        { nameof(UsbReader), nameof(UsbReader.Sweep), "pending", "usb-sweep --pending" },
        { nameof(UsbReader), nameof(UsbReader.Sweep), "turnarounds", "usb-sweep --turnaround" },
        { nameof(UsbReader), nameof(UsbReader.Sweep), "seeds", "usb-sweep --seeds" },
        { nameof(UsbReader), nameof(UsbReader.Sweep), "duration", "usb-sweep --duration" },
        { nameof(UsbReader), nameof(UsbReader.Sweep), "axis", "usb-sweep --vary" },
        { nameof(Throughput), nameof(Throughput.FromDescriptors), "alt", "usb-throughput --alt" },
        { nameof(Throughput), nameof(Throughput.FromDescriptors), "device", "usb-throughput --device" },
        { nameof(Throughput), nameof(Throughput.FromDescriptors), "speed", "usb-throughput --speed" },
        { nameof(Throughput), nameof(Throughput.Descriptors), "speed", "usb-descriptors --speed" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "device", "usb-capture --device" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "endpoint", "usb-capture --endpoint" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "fromTime", "usb-capture --from-time" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "toTime", "usb-capture --to-time" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "from", "usb-capture --from" },
        { nameof(UsbCapture), nameof(UsbCapture.Load), "speed", "usb-capture --speed" },
        { nameof(Lifecycle), nameof(Lifecycle.Patterns), "semantics", "kmdf-patterns --semantics" },
        { nameof(Lifecycle), nameof(Lifecycle.Faults), "pairs", "kmdf-faults --pairs" },
    };

    [Theory]
    [MemberData(nameof(ApiParameters))]
    public void An_api_parameter_leaves_its_default_to_the_option_it_stands_for(string type, string method, string parameter, string option)
    {
        // By name, not by enumerating the assembly: DriverNotebooks.dll also holds the Polyglot extension's command
        // type, whose base type (in .NET Interactive's engine) is not loadable outside that engine.
        var declaring = typeof(Lifecycle).Assembly.GetType($"{typeof(Lifecycle).Namespace}.{type}", throwOnError: true)!;
        var p = declaring.GetMethods().Where(m => m.Name == method).SelectMany(m => m.GetParameters()).Single(x => x.Name == parameter);
        var (command, optionName) = (option.Split(' ')[0], option.Split(' ')[1]);
        var definition = Magic(command).FindOption(optionName);

        Assert.NotNull(definition);
        Assert.True(p.HasDefaultValue, $"{type}.{method}({parameter}) is not optional");
        if (definition!.IsFlag) Assert.Equal(false, p.DefaultValue);
        else Assert.Null(p.DefaultValue);
    }

    [Fact]
    public void The_apis_default_simulation_is_the_magic_commands_default_simulation()
    {
        var api = Throughput.ThreadEndpoint.ContinuousReader(transfer: 1024, pending: 4, turnaround: "100us").Simulate();
        var magic = (SimulationView)Run("#!usb-simulate --speed high --type interrupt --max-packet 1024 --transfer 1024 --pending 4 --turnaround 100us");

        Assert.Equal(magic.Result.Settings.SimulatedTime, api.Result.Settings.SimulatedTime);
        Assert.Equal(magic.Result.Settings.Seed, api.Result.Settings.Seed);
        Assert.Equal(magic.Result.ThroughputBytesPerSecond, api.Result.ThroughputBytesPerSecond);
        Assert.Equal(Quantities.ParseDuration(UsbOptions.Duration.DefaultValue!), api.Result.Settings.SimulatedTime);
    }

    [Fact]
    public void The_apis_default_sweep_is_the_magic_commands_default_sweep()
    {
        var api = Throughput.ThreadEndpoint.ContinuousReader(transfer: 1024, pending: 4, turnaround: "100us").Sweep(turnarounds: ["100us"]);
        var magic = (SweepView)Run("#!usb-sweep --speed high --type interrupt --max-packet 1024 --transfer 1024 --turnaround 100us");

        Assert.Equal(magic.Result.Settings.PendingReads, api.Result.Settings.PendingReads);
        Assert.Equal(magic.Result.Settings.Seeds, api.Result.Settings.Seeds);
        Assert.Equal(magic.Result.Settings.SimulatedTime, api.Result.Settings.SimulatedTime);
        Assert.Equal(magic.Axis, api.Axis);
    }

    [Fact]
    public void The_apis_lifecycle_run_and_patterns_are_the_magic_commands_with_their_defaults()
    {
        var scenario = Lifecycle.BuiltIn("globals-after-wdfdrivercreate");

        Assert.Equal(
            RunJson("#!kmdf-lifecycle --scenario globals-after-wdfdrivercreate --fail WdfDriverCreate --json"),
            CommandJson.Serialize(KmdfJson.Run(scenario, Lifecycle.Run(scenario, "WdfDriverCreate").Run)));
        Assert.Equal(RunJson("#!kmdf-patterns --json"), CommandJson.Serialize(KmdfJson.Matrix(Lifecycle.Patterns())));
    }

    [Fact]
    public void The_engines_own_defaults_are_the_ones_the_options_document()
    {
        var settings = new SimulationSettings(ThreadScenario.Endpoint, 4, 1024, TurnaroundDistribution.Fixed(Duration.Zero));
        var sweep = new SweepSettings(ThreadScenario.Endpoint);

        Assert.Equal(Quantities.ParseDuration(UsbOptions.Duration.DefaultValue!), settings.SimulatedTime);
        Assert.Equal(settings.SimulatedTime, sweep.SimulatedTime);
        Assert.Equal(ulong.Parse(UsbOptions.Seed.DefaultValue!), settings.Seed);
        Assert.Equal(int.Parse(UsbOptions.Seeds.DefaultValue!), sweep.Seeds);
        Assert.Equal(UsbOptions.Policy.DefaultValue, UsbNames.ToCliName(AnalysisOptions.Default.Policy));
        Assert.Equal(UsbOptions.Stuffing.DefaultValue, UsbNames.ToCliName(AnalysisOptions.Default.Stuffing));
        Assert.Equal(int.Parse(UsbOptions.PacketOverhead.DefaultValue!), AnalysisOptions.Default.SuperSpeedPacketOverheadBytes);
        Assert.Equal(KmdfOptions.Semantics.DefaultValue, new DriverNotebooks.Kmdf.SimulationOptions().Semantics.ToString().ToLowerInvariant());
    }

    private static object Run(string line)
    {
        var result = MagicCommands.Run(line);
        Assert.True(result.Succeeded, result.Error);
        return result.Values.Single();
    }

    private static string RunJson(string line) => (string)Run(line);
}
