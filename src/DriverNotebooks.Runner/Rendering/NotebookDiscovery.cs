using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>A path given to render that cannot be used. The message is one line.</summary>
internal sealed class NotebookDiscoveryException(string message) : Exception(message);

/// <summary>Turns the paths a user gave into notebook files: files as they are, folders as the notebooks directly in them.</summary>
internal static class NotebookDiscovery
{
    /// <summary>
    /// The notebooks named by <paramref name="paths"/>, in the order given (a folder's sorted by name),
    /// without duplicates. A missing path, a file that is not a notebook, or a folder without
    /// notebooks throws <see cref="NotebookDiscoveryException"/>.
    /// </summary>
    public static IReadOnlyList<string> Find(IEnumerable<string> paths)
    {
        var found = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            IEnumerable<string> notebooks;
            if (Directory.Exists(path))
            {
                notebooks = Directory.EnumerateFiles(path)
                    .Where(NotebookReader.IsNotebook)
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (!notebooks.Any()) throw new NotebookDiscoveryException($"'{path}' has no notebooks: expected .dib or .ipynb files directly in it");
            }
            else if (!NotebookReader.IsNotebook(path) && Path.GetExtension(path) is { Length: > 0 } extension)
            {
                // Said before whether it exists: README.md is the wrong kind of file wherever it is.
                throw new NotebookDiscoveryException($"'{path}' is not a notebook: unsupported extension '{extension}'; allowed: a .dib or .ipynb file, or a folder of them");
            }
            else if (File.Exists(path))
            {
                if (!NotebookReader.IsNotebook(path)) throw new NotebookDiscoveryException($"'{path}' is not a notebook: expected a .dib or .ipynb file, or a folder of them");
                notebooks = [path];
            }
            else
            {
                throw new NotebookDiscoveryException($"'{path}' does not exist: expected a .dib or .ipynb file, or a folder of them");
            }
            foreach (var notebook in notebooks)
            {
                if (seen.Add(Path.GetFullPath(notebook))) found.Add(notebook);
            }
        }
        var clash = found.GroupBy(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (clash is not null)
        {
            throw new NotebookDiscoveryException(
                $"'{string.Join("' and '", clash)}' would both render to {clash.Key}.ipynb and {clash.Key}.html; render them into different folders");
        }
        return found;
    }
}
