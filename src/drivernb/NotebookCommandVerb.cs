using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Cli;

/// <summary>
/// A CLI verb backed by a notebook command (<c>drivernb usb</c> is <c>#!usb-throughput</c>): the same
/// definition, parser, binder and engine; the result prints as plain text, or as JSON with <c>--json</c>.
/// </summary>
internal sealed class NotebookCommandVerb(NotebookCommand command) : ICliVerb
{
    public CommandDefinition Definition => command.Definition;

    public Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        var output = command.Execute(arguments, context.CancellationToken);
        var json = Definition.FindOption("--json") is { } option && arguments.Flag(option);
        if (json && output.JsonModel is not null)
        {
            context.Out.WriteLine(CommandJson.Serialize(output.JsonModel));
        }
        else
        {
            var text = NotebookFormatters.Format(output.Value).Last(f => f.MimeType == FormattedOutput.PlainText).Text;
            // Names from a scenario file reach the terminal: its control characters are shown escaped, never obeyed.
            context.Out.WriteLine(Phrases.EscapeControl(text.TrimEnd()));
        }
        foreach (var line in output.ErrorLines) context.Error.WriteLine($"{Definition.CliName}: {line}");
        return Task.FromResult(output.ExitCode);
    }
}
