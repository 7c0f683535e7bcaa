namespace DriverNotebooks.Commands;

/// <summary>
/// What a command accepts, as data: the single definition behind a CLI verb (<c>drivernb usb</c>),
/// the matching magic command (<c>#!usb-throughput</c>), its help text and the Polyglot directive.
/// </summary>
public sealed record CommandDefinition
{
    /// <summary>The magic-command name without <c>#!</c>, e.g. <c>usb-throughput</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The CLI words after <c>drivernb</c>, e.g. <c>["usb"]</c> or <c>["usb", "simulate"]</c>.</summary>
    public required IReadOnlyList<string> CliPath { get; init; }

    /// <summary>One sentence saying what the command does.</summary>
    public required string Description { get; init; }

    public IReadOnlyList<OptionDefinition> Options { get; init; } = [];

    public IReadOnlyList<ArgumentDefinition> Arguments { get; init; } = [];

    /// <summary>Example argument lists (what follows the command name), shown by <c>--help</c>.</summary>
    public IReadOnlyList<string> Examples { get; init; } = [];

    /// <summary>The magic-command spelling, e.g. <c>#!usb-throughput</c>.</summary>
    public string MagicName => "#!" + Name;

    /// <summary>The CLI spelling, e.g. <c>drivernb usb simulate</c>.</summary>
    public string CliName => "drivernb " + string.Join(' ', CliPath);

    /// <summary>The option named <paramref name="name"/> (long name or alias), if this command has it.</summary>
    public OptionDefinition? FindOption(string name) => Options.FirstOrDefault(o => o.IsNamed(name));

    /// <summary>The option with this JSON key (<c>maxPacket</c>) or long name (<c>--max-packet</c>).</summary>
    public OptionDefinition? FindOptionByKey(string keyOrName) =>
        Options.FirstOrDefault(o => o.Key == keyOrName || o.IsNamed(keyOrName));
}
