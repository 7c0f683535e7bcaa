namespace DriverNotebooks.Jupyter;

/// <summary>
/// A connection file the kernel cannot use: missing, unreadable, not JSON, or lacking a field. The
/// message is one line naming the file and the problem, e.g.
/// <c>/run/kernel-1.json: "shell_port" is missing; expected the port number Jupyter chose</c>.
/// </summary>
internal sealed class ConnectionFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>The file as it was named on the command line.</summary>
    public string Path { get; } = path;

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; } = problem;
}
