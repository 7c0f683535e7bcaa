using System.Globalization;
using DriverNotebooks.Runner.Documents;
using Microsoft.CodeAnalysis;

namespace DriverNotebooks.Runner.Execution;

/// <summary>The error outputs a cell can end with, worded once for the runner and the kernel.</summary>
internal static class CellErrors
{
    public const string CompilationError = "CompilationError";
    public const string MagicCommandError = "MagicCommandError";
    public const string UnsupportedPackageError = "UnsupportedPackage";
    public const string UnsupportedLanguageError = "UnsupportedLanguage";
    public const string TimeoutError = "CellTimeout";
    public const string InterruptedError = "Interrupted";

    public static ErrorOutput Single(string name, string message) => new(name, message, [message]);

    public static ErrorOutput UnsupportedPackage(int line, string package) => Single(
        UnsupportedPackageError,
        $"({line},1): cannot add NuGet package '{package}': cells run with the DriverNotebooks package and its dependencies only; remove the #r line");

    public static ErrorOutput UnsupportedLanguage(string kernelName, string language) => Single(
        UnsupportedLanguageError,
        kernelName == language || string.Equals(kernelName, language, StringComparison.OrdinalIgnoreCase)
            ? $"this cell is {language}; drivernb runs C# cells only"
            : $"this cell is {language} (kernel '{kernelName}'); drivernb runs C# cells only");

    public static ErrorOutput MagicCommand(string message) => Single(MagicCommandError, message);

    public static ErrorOutput Timeout(TimeSpan limit) => Single(
        TimeoutError,
        $"the cell did not finish within {Durations.Format(limit)} (the cell timeout); it was abandoned");

    public static ErrorOutput Interrupted() => Single(InterruptedError, "the cell was interrupted");

    /// <summary>An interrupted cell whose code went on running: said plainly, since it still uses a core.</summary>
    public static ErrorOutput InterruptedButRunning(TimeSpan grace) => Single(
        InterruptedError,
        $"the cell was interrupted but did not stop within {Durations.Format(grace)}: its code does not check its CancellationToken, " +
        "so it runs on in the background until the kernel restarts or drivernb exits");

    /// <summary>
    /// Compiler errors as <c>(3,5): error CS0103: The name 'x' does not exist in the current context</c>,
    /// lines and columns counted in the cell.
    /// </summary>
    public static ErrorOutput Compilation(IEnumerable<Diagnostic> diagnostics)
    {
        var lines = diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(Describe)
            .ToList();
        if (lines.Count == 0) lines.Add("the cell did not compile");
        return new ErrorOutput(CompilationError, lines[0], lines);
    }

    public static string Describe(Diagnostic diagnostic)
    {
        var message = diagnostic.GetMessage(CultureInfo.InvariantCulture);
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        if (!diagnostic.Location.IsInSource) return $"{severity} {diagnostic.Id}: {message}";
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        return $"({start.Line + 1},{start.Character + 1}): {severity} {diagnostic.Id}: {message}";
    }

    /// <summary>
    /// Longest exception message (and traceback line) kept in an error output, so in the .ipynb and the handout:
    /// a cell's 5 MB message keeps its start and says how long it was.
    /// </summary>
    public const int MaxMessageLength = 10_000;

    /// <summary>An exception thrown by a cell: its type, message, and the stack frames that belong to the cell's code.</summary>
    public static ErrorOutput Exception(Exception exception)
    {
        if (exception is AggregateException { InnerExceptions.Count: 1 } aggregate) exception = aggregate.InnerExceptions[0];
        var name = exception.GetType().FullName ?? exception.GetType().Name;
        var traceback = exception.ToString()
            .ReplaceLineEndings("\n")
            .Split('\n')
            .Where(line => !IsInfrastructureFrame(line))
            .Select(line => Commands.Phrases.Shorten(line, MaxMessageLength))
            .ToList();
        return new ErrorOutput(name, Commands.Phrases.Shorten(exception.Message, MaxMessageLength), traceback);
    }

    private static bool IsInfrastructureFrame(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("--- End of stack trace", StringComparison.Ordinal)) return true;
        if (!text.StartsWith("at ", StringComparison.Ordinal)) return false;
        return text.StartsWith("at Microsoft.CodeAnalysis.", StringComparison.Ordinal)
            || text.StartsWith("at DriverNotebooks.Runner.", StringComparison.Ordinal)
            || text.StartsWith("at System.Runtime.CompilerServices.", StringComparison.Ordinal)
            || text.StartsWith("at System.Threading.", StringComparison.Ordinal)
            || text.StartsWith("at System.Runtime.ExceptionServices.", StringComparison.Ordinal);
    }
}
