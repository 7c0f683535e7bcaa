using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli;

/// <summary>One <c>drivernb</c> verb: its definition (shared with help) and what it does.</summary>
internal interface ICliVerb
{
    CommandDefinition Definition { get; }

    /// <summary>Runs the verb; returns the process exit code. User mistakes throw <see cref="CommandLineException"/>.</summary>
    Task<int> RunAsync(CommandArguments arguments, CliContext context);
}

/// <summary>Where a verb writes and how it learns it should stop.</summary>
internal sealed record CliContext(TextWriter Out, TextWriter Error, CancellationToken CancellationToken);
