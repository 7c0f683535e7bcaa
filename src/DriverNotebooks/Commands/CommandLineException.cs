namespace DriverNotebooks.Commands;

/// <summary>
/// A user mistake in a command line or magic command: the message is one line that names what was
/// wrong and what is allowed. The CLI prints it and exits with <see cref="ExitCode"/>; notebooks show it
/// as the cell's error. Never shown with a stack trace.
/// </summary>
public sealed class CommandLineException(string message) : Exception(message)
{
    /// <summary>The process exit code for usage errors.</summary>
    public const int ExitCode = 2;
}
