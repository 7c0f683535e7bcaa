namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// A notebook file that cannot be read. The message is one line naming the file, where in it
/// (<c>line:column</c>, or a JSON path such as <c>cells[3].source</c>) and what was expected:
/// <c>a.ipynb:4:17: invalid JSON: …</c> or <c>a.ipynb: cells[3].source: expected …</c>.
/// </summary>
internal sealed class NotebookFormatException : Exception
{
    private NotebookFormatException(string path, string position, string separator, string problem)
        : base($"{path}{separator}{position}: {OneLine(problem)}")
    {
        Path = path;
        Position = position;
        Problem = OneLine(problem);
    }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary><c>line:column</c> (both 1-based) or a JSON path.</summary>
    public string Position { get; }

    /// <summary>What was wrong and what was expected.</summary>
    public string Problem { get; }

    /// <summary>A problem at a place in the text (lines and columns count from 1).</summary>
    public static NotebookFormatException AtLine(string path, int line, int column, string problem) =>
        new(path, $"{line}:{column}", ":", problem);

    /// <summary>A problem in a well-formed JSON document, located by its path.</summary>
    public static NotebookFormatException AtPath(string path, string jsonPath, string problem) =>
        new(path, jsonPath, ": ", problem);

    /// <summary>A problem with the file as a whole (its size, say), with no position in it.</summary>
    public static NotebookFormatException WholeFile(string path, string problem) =>
        new(path, "", "", problem);

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
