namespace DriverNotebooks.Commands;

/// <summary>A positional argument, e.g. the notebook paths of <c>drivernb render</c>.</summary>
/// <param name="Name">Shown in usage lines, e.g. <c>PATH</c>.</param>
/// <param name="Description">One sentence for help output.</param>
public sealed record ArgumentDefinition(string Name, string Description)
{
    /// <summary>At least one value is needed.</summary>
    public bool Required { get; init; }

    /// <summary>More than one value is accepted.</summary>
    public bool AllowMultiple { get; init; }
}
