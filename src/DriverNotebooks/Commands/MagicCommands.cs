using System.Text.Json;

namespace DriverNotebooks.Commands;

/// <summary>
/// Runs magic-command lines such as <c>#!usb-throughput --speed high …</c> for any notebook host.
/// A user mistake never throws: it comes back as <see cref="MagicCommandResult.Error"/>.
/// </summary>
public static class MagicCommands
{
    /// <summary>The commands available as magic commands, in help order.</summary>
    public static IReadOnlyList<NotebookCommand> All => NotebookCommandCatalog.All;

    /// <summary>True when the line starts with <c>#!</c> (after leading white space).</summary>
    public static bool IsMagicLine(string line) => line.AsSpan().TrimStart().StartsWith("#!", StringComparison.Ordinal);

    /// <summary>The magic command's name in a line (<c>usb-throughput</c>), or null when the line is not one.</summary>
    public static string? NameOf(string line)
    {
        if (!IsMagicLine(line)) return null;
        var text = line.TrimStart()[2..];
        var end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        return text[..end];
    }

    /// <summary>Finds a command by its magic name, with or without the <c>#!</c>.</summary>
    public static NotebookCommand? Find(string name)
    {
        var bare = name.StartsWith("#!", StringComparison.Ordinal) ? name[2..] : name;
        return All.FirstOrDefault(c => c.Definition.Name == bare);
    }

    /// <summary>Parses and runs one magic-command line.</summary>
    public static MagicCommandResult Run(string line, CancellationToken cancellationToken = default)
    {
        var name = NameOf(line);
        if (name is null) return MagicCommandResult.Failed($"not a magic command: {Phrases.Quote(line)}; magic commands start with #!");
        var command = Find(name);
        if (command is null)
        {
            return MagicCommandResult.Failed(
                $"unknown magic command {Phrases.Quote("#!" + name)}; known: {string.Join(", ", All.Select(c => c.Definition.MagicName))}");
        }
        try
        {
            var tokens = CommandLineTokenizer.Split(line.TrimStart()[(2 + name.Length)..]);
            var parsed = CommandLineParser.Parse(command.Definition, tokens);
            if (parsed.HelpRequested) return new MagicCommandResult([HelpText.Render(command.Definition, asMagicCommand: true)], null);
            return Execute(command, parsed.Arguments!, cancellationToken);
        }
        catch (CommandLineException e)
        {
            return MagicCommandResult.Failed(Prefix(command, e.Message));
        }
    }

    /// <summary>Runs a command from values already bound by a host (the Polyglot directive glue).</summary>
    public static MagicCommandResult Run(string name, IEnumerable<KeyValuePair<string, string?>> namedValues, CancellationToken cancellationToken = default)
    {
        var command = Find(name);
        if (command is null) return MagicCommandResult.Failed($"unknown magic command {Phrases.Quote(name)}");
        try
        {
            return Execute(command, CommandLineParser.FromNamedValues(command.Definition, namedValues), cancellationToken);
        }
        catch (CommandLineException e)
        {
            return MagicCommandResult.Failed(Prefix(command, e.Message));
        }
    }

    private static MagicCommandResult Execute(NotebookCommand command, CommandArguments arguments, CancellationToken cancellationToken)
    {
        var output = command.Execute(arguments, cancellationToken);
        if (arguments.Definition.FindOption("--json") is { } json && arguments.Flag(json) && output.JsonModel is not null)
        {
            return new MagicCommandResult([CommandJson.Serialize(output.JsonModel)], null);
        }
        return new MagicCommandResult([output.Value], null);
    }

    private static string Prefix(NotebookCommand command, string message) =>
        message.StartsWith(command.Definition.MagicName, StringComparison.Ordinal) ? message : $"{command.Definition.MagicName}: {message}";
}

/// <summary>The one JSON style of every <c>--json</c> output: camelCase, indented, enums as camelCase strings.</summary>
public static class CommandJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Output goes to terminals and files, not into HTML: keep µ, × and quotes readable.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static string Serialize(object model) => JsonSerializer.Serialize(model, model.GetType(), Options);
}
