namespace DriverNotebooks.Runner.Documents;

/// <summary>Reads a notebook by its extension: <c>.dib</c> or <c>.ipynb</c>.</summary>
internal static class NotebookReader
{
    public static IReadOnlyList<string> Extensions { get; } = [".dib", ".ipynb"];

    public static bool IsNotebook(string path) =>
        Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase);

    /// <summary>Reads and parses the file; a malformed one throws <see cref="NotebookFormatException"/>.</summary>
    public static Notebook Read(string path)
    {
        var bytes = BoundedFile.ReadNotebook(path);
        return Parse(NotebookText.Decode(bytes, path), path);
    }

    /// <summary>Parses notebook text; the extension of <paramref name="path"/> says which format it is in.</summary>
    public static Notebook Parse(string text, string path) =>
        Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".dib" => DibReader.Parse(text, path),
            ".ipynb" => IpynbReader.Parse(text, path),
            var other => throw new ArgumentException($"{path}: '{other}' is not a notebook extension; expected .dib or .ipynb", nameof(path)),
        };
}
