using DriverNotebooks.Files;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>What rendering one notebook did: the run and the files written.</summary>
internal sealed record RenderResult(NotebookRun Run, IReadOnlyList<string> Written)
{
    /// <summary>One-line notes on what could not be added (e.g. chart images without Chromium); nothing was lost.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}

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

    /// <summary>
    /// A one-line reason why the outputs of <paramref name="notebookPath"/> cannot be written into
    /// <see cref="RenderOptions.OutputDirectory"/>, found before any cell runs; null when nothing stands in the way.
    /// The folder, or a folder above it, being a file, and an output name taken by a folder, are caught here.
    /// </summary>
    public static string? OutputProblem(string notebookPath, RenderOptions options)
    {
        if (WouldOverwriteInput(notebookPath, options) is { } overwrite) return overwrite;
        var directory = Path.GetFullPath(options.OutputDirectory);
        for (var folder = directory; folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(folder))
            {
                return folder == directory
                    ? $"--output '{options.OutputDirectory}' is a file; allowed: a folder (created when missing)"
                    : $"--output '{options.OutputDirectory}': {folder} is a file, so the folder cannot be made; allowed: a folder (created when missing)";
            }
            if (Directory.Exists(folder))
            {
                if (CannotCreateIn(folder) is { } why)
                    return $"--output '{options.OutputDirectory}': cannot create a folder in {folder} ({why}); allowed: a folder path where this user can create folders and files";
                break;
            }
        }
        var taken = OutputPaths(notebookPath, options).FirstOrDefault(Directory.Exists);
        return taken is null ? null : $"--output '{options.OutputDirectory}': {taken} is a folder, so the output cannot be written there; allowed: a folder where NAME.ipynb and NAME.html are files or missing";
    }

    /// <summary>
    /// Why nothing can be created in <paramref name="folder"/> (read-only, no permission, a pseudo file system such
    /// as /proc), found by creating and removing an empty folder there; null when it can.
    /// </summary>
    private static string? CannotCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $".drivernb-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            // The message ends with the probe's path (" : '/proc/.drivernb-probe-…'"), which is ours, not the user's.
            var message = e.Message;
            var path = message.IndexOf(" : '", StringComparison.Ordinal);
            if (path < 0) path = message.IndexOf(" '", StringComparison.Ordinal);
            return (path > 0 ? message[..path] : message).TrimEnd('.', ' ');
        }
    }

    public static async Task<RenderResult> RenderAsync(
        Notebook notebook, RenderOptions options, IProgress<RunProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (WouldOverwriteInput(notebook.SourcePath, options) is { } problem) throw new InvalidOperationException(problem);
        var run = await NotebookRunner.RunAsync(notebook, options.CellTimeout, options.AllowErrors, progress, cancellationToken).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var (withImages, warnings) = await AddChartImagesAsync(run.Notebook, options, cancellationToken).ConfigureAwait(false);
        var paths = OutputPaths(notebook.SourcePath, options);
        var ipynbText = Task.Run(() => IpynbWriter.Write(withImages), cancellationToken);
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
        return new RenderResult(run, paths) { Warnings = warnings };
    }

    /// <summary>
    /// The notebook to store as <c>.ipynb</c>: with a static SVG for each chart when asked and Chromium can
    /// draw them; otherwise as run, with a warning. The handout draws its charts live and needs no images.
    /// </summary>
    private static async Task<(Notebook Notebook, IReadOnlyList<string> Warnings)> AddChartImagesAsync(
        Notebook notebook, RenderOptions options, CancellationToken cancellationToken)
    {
        if (!options.ChartImages || ChartImages.CountMissing(notebook) == 0) return (notebook, []);
        if (Chromium.Find() is not { } chromium) return (notebook, [ChartImages.MissingChromium]);
        try
        {
            return (await ChartImages.AddAsync(notebook, chromium, cancellationToken).ConfigureAwait(false), []);
        }
        catch (ChartImageException e)
        {
            return (notebook, [$"charts in the .ipynb carry no static image: {e.Message}"]);
        }
    }
}
