using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>What rendering one notebook did: the run and the files written.</summary>
internal sealed record RenderResult(NotebookRun Run, IReadOnlyList<string> Written);

/// <summary>
/// Renders one notebook: runs it, then writes <c>name.ipynb</c> (with outputs) and <c>name.html</c>
/// (the handout), and <c>name.pdf</c> when asked, each atomically. The input file is only read.
/// </summary>
internal static class NotebookRenderer
{
    /// <summary>The files a notebook renders to, in the order they are written.</summary>
    public static IReadOnlyList<string> OutputPaths(string notebookPath, RenderOptions options)
    {
        var name = Path.GetFileNameWithoutExtension(notebookPath);
        var directory = Path.GetFullPath(options.OutputDirectory);
        var paths = new List<string> { Path.Combine(directory, name + ".ipynb"), Path.Combine(directory, name + ".html") };
        if (options.Pdf) paths.Add(Path.Combine(directory, name + ".pdf"));
        return paths;
    }

    /// <summary>A one-line reason why rendering <paramref name="notebookPath"/> would overwrite it; null when it would not.</summary>
    public static string? WouldOverwriteInput(string notebookPath, RenderOptions options)
    {
        var input = Path.GetFullPath(notebookPath);
        return OutputPaths(notebookPath, options).Any(p => string.Equals(p, input, StringComparison.Ordinal))
            ? $"rendering {notebookPath} into {options.OutputDirectory} would overwrite it; choose another output folder"
            : null;
    }

    public static async Task<RenderResult> RenderAsync(
        Notebook notebook, RenderOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (WouldOverwriteInput(notebook.SourcePath, options) is { } problem) throw new InvalidOperationException(problem);
        var run = await NotebookRunner.RunAsync(notebook, options.CellTimeout, options.AllowErrors, progress, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var paths = OutputPaths(notebook.SourcePath, options);
        var ipynbText = Task.Run(() => IpynbWriter.Write(run.Notebook), cancellationToken);
        var html = HtmlHandoutWriter.Write(run.Notebook, new HandoutOptions
        {
            Paper = options.Paper,
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.SourcePath)),
        });
        var ipynb = await ipynbText.ConfigureAwait(false);
        StartupTiming.Mark("outputs formatted");
        Directory.CreateDirectory(Path.GetFullPath(options.OutputDirectory));
        AtomicFile.WriteAllText(paths[0], ipynb);
        AtomicFile.WriteAllText(paths[1], html);
        if (options.Pdf)
        {
            await AtomicFile.ProduceAsync(paths[2], temporary => PdfPrinter.PrintAsync(paths[1], temporary, cancellationToken)).ConfigureAwait(false);
        }
        return new RenderResult(run, paths);
    }
}
