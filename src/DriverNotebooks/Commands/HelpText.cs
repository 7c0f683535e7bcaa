using System.Text;

namespace DriverNotebooks.Commands;

/// <summary>Usage text for a command, the same for <c>drivernb … --help</c> and <c>#!… --help</c>.</summary>
public static class HelpText
{
    /// <summary>Help as the CLI shows it (<c>drivernb usb</c>) or as a magic command (<c>#!usb-throughput</c>).</summary>
    public static string Render(CommandDefinition definition, bool asMagicCommand)
    {
        var invocation = asMagicCommand ? definition.MagicName : definition.CliName;
        var text = new StringBuilder();
        text.Append(invocation).Append(": ").AppendLine(definition.Description).AppendLine();
        text.Append("Usage: ").Append(invocation);
        foreach (var argument in definition.Arguments)
        {
            var shown = argument.AllowMultiple ? argument.Name + "..." : argument.Name;
            text.Append(' ').Append(argument.Required ? shown : "[" + shown + "]");
        }
        if (definition.Options.Count > 0) text.Append(" [options]");
        text.AppendLine();

        if (definition.Arguments.Count > 0)
        {
            text.AppendLine().AppendLine("Arguments:");
            var width = definition.Arguments.Max(a => a.Name.Length);
            foreach (var argument in definition.Arguments)
                text.Append("  ").Append(argument.Name.PadRight(width + 2)).AppendLine(argument.Description);
        }

        if (definition.Options.Count > 0)
        {
            text.AppendLine().AppendLine("Options:");
            var signatures = definition.Options.Select(Signature).ToList();
            var width = signatures.Max(s => s.Length);
            for (var i = 0; i < definition.Options.Count; i++)
            {
                var option = definition.Options[i];
                text.Append("  ").Append(signatures[i].PadRight(width + 2)).Append(option.Description);
                if (option.Required) text.Append(option.RequiredUnless is { } unless ? $" Required unless {unless.Name} is given." : " Required.");
                if (option.DefaultValue is not null) text.Append(" Default: ").Append(option.DefaultValue).Append('.');
                text.AppendLine();
            }
            text.Append("  ").Append("--help".PadRight(width + 2)).AppendLine("Show this help.");
        }

        if (definition.Examples.Count > 0)
        {
            text.AppendLine().AppendLine("Examples:");
            foreach (var example in definition.Examples) text.Append("  ").Append(invocation).Append(' ').AppendLine(example);
        }
        return text.ToString().TrimEnd() + Environment.NewLine;
    }

    private static string Signature(OptionDefinition option)
    {
        var names = string.Join(", ", option.Aliases.Append(option.Name));
        if (option.IsFlag) return names;
        var value = option.AllowedValues.Count > 0 ? string.Join('|', option.AllowedValues) : option.ValueName;
        return $"{names} {value}";
    }
}
