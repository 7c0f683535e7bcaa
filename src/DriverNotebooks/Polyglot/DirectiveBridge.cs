using System.Text.Json;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Polyglot;

/// <summary>
/// The engine-free half of the Polyglot Notebooks extension: the directives to declare (one per magic command,
/// from the shared definitions), how an invocation runs and what it displays. <see cref="PolyglotExtension"/>
/// hands these to .NET Interactive.
/// </summary>
/// <remarks>
/// .NET Interactive keys directive handlers by command type, so one command type serves every
/// directive and the directive's name arrives in the bound values as <c>invokedDirective</c>
/// (dotnet/interactive <c>Kernel.AddDirective&lt;TCommand&gt;</c>, <c>RegisterCommandHandler</c>).
/// </remarks>
public static class DirectiveBridge
{
    /// <summary>The key under which .NET Interactive passes the directive's own name.</summary>
    public const string InvokedDirectiveKey = "invokedDirective";

    /// <summary>The directives to register, one per magic command, from the shared definitions.</summary>
    public static IReadOnlyList<DirectiveSpec> Directives =>
        MagicCommands.All.Select(c => DirectiveSpec.From(c.Definition)).ToList();

    /// <summary>
    /// Gets the host ready: lets Plotly.NET load beside the host's FSharp.Core when it is older
    /// (<see cref="PlotlyLoadContext"/>), then registers the formatters. Returns a sentence for the user
    /// when charts cannot be drawn, otherwise null.
    /// </summary>
    public static string? Prepare()
    {
        var plotly = PlotlyLoadContext.Install();
        NotebookFormatters.EnsureRegistered();
        return plotly.Status == PlotlyLoadContext.Status.Unavailable ? plotly.Detail : null;
    }

    /// <summary>
    /// Runs one directive invocation. With the directive's own text (<paramref name="directiveText"/>, from
    /// <see cref="DirectiveText"/>) the line goes through the same parser as the runner's magic commands, so
    /// repeated options, aliases and error messages behave the same; the engine's bound values are the fallback.
    /// </summary>
    public static MagicCommandResult Run(string? directiveText, IReadOnlyDictionary<string, JsonElement> boundValues, CancellationToken cancellationToken = default) =>
        directiveText is not null && MagicCommands.NameOf(directiveText) is not null
            ? MagicCommands.Run(directiveText, cancellationToken)
            : Run(boundValues, cancellationToken);

    /// <summary>
    /// The outputs one displayed value becomes, each a list of (MIME type, text) for a
    /// <c>DisplayedValueProduced</c>: a result's card, then each chart on its own with its plotly figure
    /// first, which VS Code draws with its Jupyter renderers whatever else the notebook shows.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<FormattedOutput>> Outputs(object? value) => NotebookFormatters.FormatOutputs(value);

    /// <summary>
    /// The text of the directive that produced <paramref name="directiveCommand"/> (a .NET Interactive
    /// <c>KernelDirectiveCommand</c>), or null when the host does not expose it.
    /// </summary>
    /// <remarks>
    /// The engine binds each parameter once: a parameter given twice is rejected, or with
    /// <c>MaxOccurrences</c> above one silently dropped (dotnet/interactive <c>DirectiveNode.GetParameterValues</c>
    /// keeps only single matches). The command's <c>DirectiveNode</c> (internal, stable in the final release)
    /// still holds the line as typed.
    /// </remarks>
    public static string? DirectiveText(object directiveCommand)
    {
        for (var type = directiveCommand.GetType(); type is not null; type = type.BaseType)
        {
            var property = type.GetProperty("DirectiveNode", System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly);
            if (property is null) continue;
            var node = property.GetValue(directiveCommand);
            return node?.GetType().GetProperty("Text")?.GetValue(node) as string;
        }
        return null;
    }

    /// <summary>
    /// Runs the directive named in <paramref name="boundValues"/> with the other values as its options.
    /// JSON strings, numbers and booleans arrive as the text the user typed.
    /// </summary>
    public static MagicCommandResult Run(IReadOnlyDictionary<string, JsonElement> boundValues, CancellationToken cancellationToken = default)
    {
        if (!boundValues.TryGetValue(InvokedDirectiveKey, out var invoked) || invoked.ValueKind != JsonValueKind.String)
        {
            return MagicCommandResult.Failed($"the directive's name was not passed as '{InvokedDirectiveKey}'");
        }
        var name = invoked.GetString()!;
        var command = MagicCommands.Find(name);
        if (command is null) return MagicCommandResult.Failed($"unknown magic command {Phrases.Quote(name)}");

        var values = boundValues.Where(kv => kv.Key != InvokedDirectiveKey).ToList();
        if (values.Any(kv => IsHelp(kv.Key) && kv.Value.ValueKind == JsonValueKind.True))
        {
            return new MagicCommandResult([HelpText.Render(command.Definition, asMagicCommand: true)], null);
        }
        var named = values
            .Where(kv => !IsHelp(kv.Key))
            .Where(kv => kv.Value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined or JsonValueKind.False))
            .Select(kv => new KeyValuePair<string, string?>(kv.Key, AsText(kv.Value)));
        return MagicCommands.Run(name, named, cancellationToken);
    }

    private static bool IsHelp(string key) => key is "help" or "--help";

    private static string AsText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => "true",
        _ => value.GetRawText(),
    };
}

/// <summary>A directive as .NET Interactive declares it: name, description and parameters.</summary>
public sealed record DirectiveSpec(string Name, string Description, IReadOnlyList<DirectiveParameterSpec> Parameters)
{
    public static DirectiveSpec From(CommandDefinition definition) => new(
        definition.MagicName,
        definition.Description,
        [
            .. definition.Options.Select(o => new DirectiveParameterSpec(
                o.Name,
                o.Description + (o.DefaultValue is null ? "" : $" Default: {o.DefaultValue}."),
                o.IsFlag,
                o.AllowedValues)),
            .. definition.Arguments.Select((a, i) => new DirectiveParameterSpec(ArgumentParameterName(a), a.Description, Flag: false, AllowedValues: [])
            {
                ImplicitName = i == 0,
            }),
            new DirectiveParameterSpec("--help", "Show usage and examples.", Flag: true, AllowedValues: []),
        ]);

    /// <summary>
    /// A positional argument as a directive parameter, <c>FILE</c> → <c>--file</c>: the first one takes an implicit name, so
    /// <c>#!usb-descriptors cam.txt</c> is a line the engine accepts; our parser still reads the text as a positional.
    /// </summary>
    public static string ArgumentParameterName(ArgumentDefinition argument) => "--" + argument.Name.ToLowerInvariant();
}

/// <summary>
/// One <c>KernelDirectiveParameter</c>: a flag or a valued option, with completions for its allowed values.
/// Nothing is declared required and every parameter may repeat: the engine would otherwise reject
/// <c>--help</c> alone (DNI104) or a repeated option (DNI105) with its own messages before our parser sees the
/// line; the parser enforces both with the CLI's one-line errors.
/// </summary>
public sealed record DirectiveParameterSpec(string Name, string Description, bool Flag, IReadOnlyList<string> AllowedValues)
{
    /// <summary>The value may be given without the name (the engine's <c>AllowImplicitName</c>): a command's positional argument.</summary>
    public bool ImplicitName { get; init; }

    /// <summary>How often the engine lets the parameter appear; the parser decides what a repeat means.</summary>
    public const int MaxOccurrences = 64;
}
