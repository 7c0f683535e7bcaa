namespace DriverNotebooks.Commands;

/// <summary>
/// The outcome of one magic-command line: values to display, or a one-line error that fails the cell.
/// </summary>
public sealed record MagicCommandResult(IReadOnlyList<object> Values, string? Error)
{
    public bool Succeeded => Error is null;

    public static MagicCommandResult Failed(string error) => new([], error);
}
