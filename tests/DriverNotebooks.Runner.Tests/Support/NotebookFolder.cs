namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>
/// Runs a shipped notebook the way every host does (drivernb render, Jupyter, VS Code): with the current directory set to
/// the notebook's folder, so its relative paths (<c>data/…</c>) resolve. The directory is the process's, so one
/// notebook at a time.
/// </summary>
internal static class NotebookFolder
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<T> RunIn<T>(string notebookPath, Func<Task<T>> run)
    {
        await OneAtATime.WaitAsync();
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebookPath))!;
            return await run();
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            OneAtATime.Release();
        }
    }
}
