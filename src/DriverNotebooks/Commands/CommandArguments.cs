namespace DriverNotebooks.Commands;

/// <summary>
/// The raw values a user gave a command, as text, checked against its definition: every option is
/// known, values are among the allowed ones, required options are present. Turning text into typed
/// values happens in the command's binder through <see cref="Convert{T}"/>, so every front end
/// (CLI, magic command, Polyglot directive) reports a bad value with the same one-line message.
/// </summary>
public sealed class CommandArguments
{
    private readonly Dictionary<string, List<string>> _values;

    internal CommandArguments(CommandDefinition definition, Dictionary<string, List<string>> values, IReadOnlyList<string> positionals)
    {
        Definition = definition;
        _values = values;
        Positionals = positionals;
    }

    public CommandDefinition Definition { get; }

    /// <summary>Positional arguments in the order given.</summary>
    public IReadOnlyList<string> Positionals { get; }

    /// <summary>True when the user gave the option.</summary>
    public bool Has(OptionDefinition option) => _values.ContainsKey(option.Name);

    /// <summary>The option's value: the one given, else its default, else null.</summary>
    public string? Value(OptionDefinition option) =>
        _values.TryGetValue(option.Name, out var given) ? given[^1] : option.DefaultValue;

    /// <summary>Every value given for an option that may repeat (its default when none was given).</summary>
    public IReadOnlyList<string> Values(OptionDefinition option) =>
        _values.TryGetValue(option.Name, out var given) ? given
        : option.DefaultValue is { } d ? [d] : [];

    /// <summary>True when the flag was given.</summary>
    public bool Flag(OptionDefinition option) =>
        _values.TryGetValue(option.Name, out var given) && bool.Parse(given[^1]);

    /// <summary>
    /// Converts the option's value, turning a converter's <see cref="FormatException"/>,
    /// <see cref="ArgumentException"/> or <see cref="OverflowException"/> into a one-line
    /// <see cref="CommandLineException"/> that names the option and the value.
    /// Returns <paramref name="fallback"/> when the option is absent and has no default.
    /// </summary>
    public T Convert<T>(OptionDefinition option, Func<string, T> convert, T fallback = default!)
    {
        var text = Value(option);
        return text is null ? fallback : ConvertText(option, text, convert);
    }

    /// <summary>Like <see cref="Convert{T}"/> but the option must have a value.</summary>
    public T ConvertRequired<T>(OptionDefinition option, Func<string, T> convert)
    {
        var text = Value(option) ?? throw new CommandLineException(
            $"{Definition.MagicName}: {option.Name} is required: {option.Description}");
        return ConvertText(option, text, convert);
    }

    /// <summary>A bad value error for <paramref name="option"/>, worded like every other one.</summary>
    public CommandLineException BadValue(OptionDefinition option, string value, string problem) =>
        new($"{option.Name} {Phrases.Quote(value)}: {problem}");

    private T ConvertText<T>(OptionDefinition option, string text, Func<string, T> convert)
    {
        try
        {
            return convert(text);
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            throw BadValue(option, text, FirstLine(e.Message));
        }
    }

    private static string FirstLine(string message)
    {
        // ArgumentException appends " (Parameter 'x')"; keep only what a user can act on.
        var line = message.ReplaceLineEndings("\n").Split('\n')[0];
        var parameter = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return parameter > 0 ? line[..parameter] : line;
    }
}
