namespace DriverNotebooks.Commands;

/// <summary>
/// One option of a command, defined once and used by the <c>drivernb</c> CLI, the notebook runner's
/// magic commands, the Jupyter kernel and the Polyglot Notebooks glue.
/// </summary>
/// <param name="Name">The long name with its dashes, e.g. <c>--max-packet</c>.</param>
/// <param name="Description">One sentence for help output.</param>
public sealed record OptionDefinition(string Name, string Description)
{
    /// <summary>Placeholder for the value in usage lines, e.g. <c>BYTES</c>; empty for flags.</summary>
    public string ValueName { get; init; } = "VALUE";

    /// <summary>A switch that takes no value: present means true.</summary>
    public bool IsFlag { get; init; }

    /// <summary>The command cannot run without it.</summary>
    public bool Required { get; init; }

    /// <summary>With <see cref="Required"/>: the option that, when given, makes this one unnecessary (<c>--from</c> gives the endpoint).</summary>
    public OptionDefinition? RequiredUnless { get; init; }

    /// <summary>The value used when the option is absent, as the user would type it; shown in help.</summary>
    public string? DefaultValue { get; init; }

    /// <summary>When not empty, the only values accepted (compared case-insensitively).</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>Other spellings, e.g. <c>-o</c> for <c>--output</c>.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The option may be given more than once; its values are collected in order.</summary>
    public bool AllowMultiple { get; init; }

    /// <summary>
    /// The camelCase key a JSON binder uses for this option (<c>--max-packet</c> → <c>maxPacket</c>),
    /// as .NET Interactive binds directive parameters to properties.
    /// </summary>
    public string Key => ToCamelCase(Name);

    /// <summary>True when <paramref name="token"/> names this option.</summary>
    public bool IsNamed(string token) =>
        string.Equals(token, Name, StringComparison.Ordinal) || Aliases.Contains(token, StringComparer.Ordinal);

    /// <summary>"low, full or high" for error messages.</summary>
    public string DescribeAllowedValues() => Phrases.OneOf(AllowedValues);

    internal static string ToCamelCase(string optionName)
    {
        var parts = optionName.TrimStart('-').Split('-', StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(parts.Select((p, i) => i == 0 ? p.ToLowerInvariant() : char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
