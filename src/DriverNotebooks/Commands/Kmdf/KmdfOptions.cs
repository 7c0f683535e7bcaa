using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Commands.Kmdf;

/// <summary>The options of the KMDF commands, defined once for the CLI, magic commands and Polyglot.</summary>
public static class KmdfOptions
{
    public static readonly OptionDefinition Scenario = new("--scenario", "A built-in scenario's name (see --list) or a JSON scenario file.")
    {
        ValueName = "NAME|FILE",
    };

    public static readonly OptionDefinition List = new("--list", "List the built-in scenarios and exit.") { IsFlag = true };

    public static readonly OptionDefinition Fail = new("--fail", "Make this step fail (an id such as WdfDriverCreate or DriverEntry.Allocate(gBuffer)); repeat for several.")
    {
        ValueName = "STEP",
        AllowMultiple = true,
    };

    public static readonly OptionDefinition Status = new("--status", "The status an injected failure returns: a name such as STATUS_INSUFFICIENT_RESOURCES or a hex code.")
    {
        ValueName = "STATUS",
        DefaultValue = "STATUS_INSUFFICIENT_RESOURCES",
    };

    public static readonly OptionDefinition Semantics = new("--semantics", "Follow the framework source (default) or the documentation where they disagree (WdfDriverMiniportUnload and EvtDriverUnload).")
    {
        AllowedValues = ["source", "docs"],
        DefaultValue = "source",
    };

    public static readonly OptionDefinition Pairs = new("--pairs", "Also fail every pair of steps, not just each step on its own.") { IsFlag = true };

    public static readonly OptionDefinition WriteScenarios = new("--write-scenarios", "Write each scanned driver's scenario JSON into this folder (edit it, then run kmdf faults --scenario FILE).")
    {
        ValueName = "DIR",
    };

    internal static Semantics ParseSemantics(CommandArguments arguments) => ParseSemantics(arguments.Value(Semantics)!);

    internal static Semantics ParseSemantics(string text) =>
        text == "docs" ? DriverNotebooks.Kmdf.Semantics.Docs : DriverNotebooks.Kmdf.Semantics.Source;

    /// <summary>The semantics <c>--semantics</c> defaults to, for the C# API.</summary>
    internal static Semantics DefaultSemantics => ParseSemantics(OptionDefaults.Of(Semantics));

    /// <summary>The status <c>--status</c> defaults to, for the C# API.</summary>
    internal static NtStatus DefaultStatus => NtStatus.Parse(OptionDefaults.Of(Status));

    internal static NtStatus ParseStatus(CommandArguments arguments) => arguments.ConvertRequired(Status, NtStatus.Parse);

    /// <summary>Runs engine code, reporting a scenario past a limit (<see cref="ScenarioLimits"/>) as a one-line usage error.</summary>
    internal static T Checked<T>(Func<T> engineCall)
    {
        try
        {
            return engineCall();
        }
        catch (ScenarioFormatException e)
        {
            throw new CommandLineException(e.Message);
        }
    }

    /// <summary>Resolves <c>--scenario</c>, turning a bad name or file into a one-line usage error.</summary>
    internal static Scenario ResolveScenario(CommandArguments arguments)
    {
        var nameOrPath = arguments.Value(Scenario)
            ?? throw new CommandLineException($"--scenario is required: give a built-in name ({string.Join(", ", BuiltInScenarios.Names.Take(4))}, …; see --list) or a JSON scenario file");
        if (BuiltInScenarios.TryGet(nameOrPath, out var builtIn)) return builtIn;
        if (!File.Exists(nameOrPath))
        {
            throw arguments.BadValue(Scenario, nameOrPath,
                $"neither a built-in scenario nor an existing file; allowed: a JSON scenario file or a built-in name: {string.Join(", ", BuiltInScenarios.Names)}");
        }
        try
        {
            return ScenarioJson.Load(nameOrPath);
        }
        catch (ScenarioFormatException e)
        {
            throw new CommandLineException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--scenario {Phrases.Quote(nameOrPath)}: cannot read the file: {e.Message}");
        }
    }
}
