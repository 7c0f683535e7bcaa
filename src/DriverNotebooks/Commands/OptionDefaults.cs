namespace DriverNotebooks.Commands;

/// <summary>
/// An option's default as the C# API uses it: the API's optional parameters are null and take the
/// default of the option with the same name, so the CLI, magic commands, Polyglot directives and the
/// API cannot drift apart.
/// </summary>
internal static class OptionDefaults
{
    public static string Of(OptionDefinition option) =>
        option.DefaultValue ?? throw new InvalidOperationException($"{option.Name} has no default");
}
