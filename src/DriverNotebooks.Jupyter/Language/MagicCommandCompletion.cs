using DriverNotebooks.Commands;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Completes magic-command lines from the commands' own definitions: the command name after
/// <c>#!</c>, an option name after <c>-</c> or a space, and an option's allowed values after it.
/// </summary>
internal static class MagicCommandCompletion
{
    public static Completions Complete(string code, int lineStart, int cursor)
    {
        var hash = code.IndexOf("#!", lineStart, StringComparison.Ordinal);
        if (hash < 0 || hash >= cursor) return Completions.None(cursor);
        var beforeCursor = code[(hash + 2)..cursor];
        var nameEnd = beforeCursor.IndexOfAny([' ', '\t']);
        if (nameEnd < 0)
        {
            var names = MagicCommands.All
                .Select(c => c.Definition.MagicName)
                .Where(n => n.StartsWith("#!" + beforeCursor, StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
            return new Completions(names, hash, cursor);
        }

        var command = MagicCommands.Find(beforeCursor[..nameEnd]);
        if (command is null) return Completions.None(cursor);
        var wordStart = cursor;
        while (wordStart > hash && !char.IsWhiteSpace(code[wordStart - 1])) wordStart--;
        var word = code[wordStart..cursor];
        var tokens = code[Math.Min(hash + 2 + nameEnd, wordStart)..wordStart].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var definition = command.Definition;

        if (!word.StartsWith('-') && tokens.Length > 0 && definition.FindOption(tokens[^1]) is { IsFlag: false, AllowedValues.Count: > 0 } valued)
        {
            var values = valued.AllowedValues.Where(v => v.StartsWith(word, StringComparison.OrdinalIgnoreCase)).ToList();
            return new Completions(values, wordStart, cursor);
        }
        if (word.Length > 0 && !word.StartsWith('-')) return Completions.None(cursor);

        var given = tokens.Select(definition.FindOption).OfType<OptionDefinition>().ToHashSet();
        var options = definition.Options
            .Where(o => o.AllowMultiple || !given.Contains(o))
            .Select(o => o.Name)
            .Where(n => n.StartsWith(word, StringComparison.Ordinal))
            .ToList();
        return new Completions(options, wordStart, cursor);
    }
}
