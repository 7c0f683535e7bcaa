namespace DriverNotebooks.Commands;

/// <summary>What a command produced: the value to display, and the object its <c>--json</c> form serializes.</summary>
/// <param name="Value">Displayed through the registered formatters (HTML in notebooks, plain text in a terminal).</param>
/// <param name="JsonModel">Serialized for <c>--json</c>; null when the command has no JSON form.</param>
public sealed record CommandOutput(object Value, object? JsonModel = null)
{
    /// <summary>The CLI's exit code when the command ran (0 unless the command reports findings or bad inputs itself).</summary>
    public int ExitCode { get; init; }

    /// <summary>One line per input the command could not use; the CLI writes them to standard error.</summary>
    public IReadOnlyList<string> ErrorLines { get; init; } = [];
}

/// <summary>A command that runs inside notebooks and from the CLI: its definition and how it executes.</summary>
public sealed record NotebookCommand(
    CommandDefinition Definition,
    Func<CommandArguments, CancellationToken, CommandOutput> Execute);
