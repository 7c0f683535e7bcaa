namespace DriverNotebooks.Commands;

/// <summary>
/// Parses the words after a command's name against its <see cref="CommandDefinition"/>. The CLI and
/// the magic commands both come through here, so they accept the same spellings and fail with the
/// same one-line messages: <c>--name value</c>, <c>--name=value</c>, flags, aliases, positionals,
/// and <c>--help</c>/<c>-h</c>.
/// </summary>
public static class CommandLineParser
{
    /// <summary>The outcome of parsing: either the arguments or a request for help.</summary>
    public sealed record Result(CommandArguments? Arguments, bool HelpRequested);

    public static Result Parse(CommandDefinition definition, IReadOnlyList<string> tokens)
    {
        if (tokens.Any(t => t is "--help" or "-h" or "-?")) return new Result(null, HelpRequested: true);

        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var positionals = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!LooksLikeOption(token))
            {
                positionals.Add(token);
                continue;
            }

            var (name, inlineValue) = SplitInlineValue(token);
            var option = definition.FindOption(name) ?? throw UnknownOption(definition, name);
            string value;
            if (option.IsFlag)
            {
                value = inlineValue is null ? "true" : ParseFlagValue(option, inlineValue);
            }
            else if (inlineValue is not null)
            {
                value = inlineValue;
            }
            else if (i + 1 < tokens.Count && !IsOptionName(definition, tokens[i + 1]))
            {
                value = tokens[++i];
            }
            else
            {
                throw new CommandLineException($"{option.Name} needs a value{DescribeExpected(option)}");
            }

            if (option.AllowedValues.Count > 0)
            {
                var match = option.AllowedValues.FirstOrDefault(a => string.Equals(a, value, StringComparison.OrdinalIgnoreCase))
                    ?? throw new CommandLineException($"{option.Name} {Phrases.Quote(value)} is not allowed; allowed: {option.DescribeAllowedValues()}");
                value = match;
            }

            if (values.TryGetValue(option.Name, out var list))
            {
                if (!option.AllowMultiple) throw new CommandLineException($"{option.Name} was given more than once; give it once");
                list.Add(value);
            }
            else
            {
                values[option.Name] = [value];
            }
        }

        CheckPositionals(definition, positionals);
        foreach (var option in definition.Options.Where(o => o.Required && !values.ContainsKey(o.Name) && !(o.RequiredUnless is { } unless && values.ContainsKey(unless.Name))))
        {
            throw new CommandLineException($"{option.Name} is required: {option.Description}");
        }
        return new Result(new CommandArguments(definition, values, positionals), HelpRequested: false);
    }

    /// <summary>
    /// Builds arguments from values keyed by option key or name, as a JSON-bound host such as
    /// .NET Interactive hands them over. Values go through the same checks as parsed text.
    /// </summary>
    public static CommandArguments FromNamedValues(CommandDefinition definition, IEnumerable<KeyValuePair<string, string?>> namedValues)
    {
        var tokens = new List<string>();
        foreach (var (key, value) in namedValues)
        {
            // A positional argument bound by name (the Polyglot directive declares FILE as --file).
            if (value is not null && definition.Arguments.Any(a => string.Equals(a.Name, key.TrimStart('-'), StringComparison.OrdinalIgnoreCase)))
            {
                tokens.Add(value);
                continue;
            }
            var option = definition.FindOptionByKey(key)
                ?? throw UnknownOption(definition, key.StartsWith('-') ? key : "--" + key);
            if (option.IsFlag)
            {
                if (value is null || ParseFlagValue(option, value) == "true") tokens.Add(option.Name);
            }
            else if (value is not null)
            {
                tokens.Add(option.Name + "=" + value);
            }
        }
        return Parse(definition, tokens).Arguments!;
    }

    private static void CheckPositionals(CommandDefinition definition, List<string> positionals)
    {
        if (definition.Arguments.Count == 0 && positionals.Count > 0)
        {
            throw new CommandLineException(
                $"unexpected argument {Phrases.Quote(positionals[0])}; {definition.MagicName} takes only options: {string.Join(", ", definition.Options.Select(o => o.Name))}");
        }
        var last = definition.Arguments.Count > 0 ? definition.Arguments[^1] : null;
        if (last is not null && !last.AllowMultiple && positionals.Count > definition.Arguments.Count)
        {
            throw new CommandLineException($"unexpected argument {Phrases.Quote(positionals[definition.Arguments.Count])}");
        }
        for (var i = positionals.Count; i < definition.Arguments.Count; i++)
        {
            if (definition.Arguments[i].Required) throw new CommandLineException($"{definition.Arguments[i].Name} is required: {definition.Arguments[i].Description}");
        }
    }

    private static bool LooksLikeOption(string token) =>
        token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';

    private static bool IsOptionName(CommandDefinition definition, string token) =>
        LooksLikeOption(token) && definition.FindOption(SplitInlineValue(token).Name) is not null;

    private static (string Name, string? Value) SplitInlineValue(string token)
    {
        var equals = token.IndexOf('=');
        return equals > 0 ? (token[..equals], token[(equals + 1)..]) : (token, null);
    }

    private static string ParseFlagValue(OptionDefinition option, string text) =>
        text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => "true",
            "false" or "no" or "off" or "0" => "false",
            _ => throw new CommandLineException($"{option.Name} {Phrases.Quote(text)} is not allowed; it is a flag: give it alone, or true or false"),
        };

    private static string DescribeExpected(OptionDefinition option) =>
        option.AllowedValues.Count > 0 ? ": " + option.DescribeAllowedValues() : $" ({option.ValueName}): {option.Description}";

    private static CommandLineException UnknownOption(CommandDefinition definition, string name)
    {
        var suggestion = definition.Options
            .Select(o => (o.Name, Distance: EditDistance(name, o.Name)))
            .Where(x => x.Distance <= Math.Max(2, name.Length / 4))
            .OrderBy(x => x.Distance)
            .Select(x => x.Name)
            .FirstOrDefault();
        var hint = suggestion is null ? "" : $"did you mean {suggestion}? ";
        return new CommandLineException(
            $"unknown option {Phrases.Quote(name)} for {definition.MagicName}; {hint}allowed: {string.Join(", ", definition.Options.Select(o => o.Name))}, --help");
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
