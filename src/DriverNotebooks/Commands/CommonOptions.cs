namespace DriverNotebooks.Commands;

/// <summary>Options every kind of command shares, defined once.</summary>
public static class CommonOptions
{
    /// <summary><c>--json</c>: the command's result as one JSON object in <see cref="CommandJson"/>'s style.</summary>
    public static readonly OptionDefinition Json = new("--json", "Print one JSON object instead of the report.") { IsFlag = true };
}
