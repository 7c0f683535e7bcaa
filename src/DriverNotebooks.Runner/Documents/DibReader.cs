namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Reads Polyglot Notebooks' <c>.dib</c> text format. A line that is exactly <c>#!</c> followed by a
/// known kernel name or alias (<c>#!csharp</c>, <c>#!c#</c>, <c>#!markdown</c>, a kernel the
/// <c>#!meta</c> cell declares …) starts a cell; any other <c>#!</c> line, such as
/// <c>#!usb-throughput --speed high</c>, is a magic command and stays in its cell. Blank lines around
/// a cell's text are not part of it, and cells left empty are dropped, as Polyglot does.
/// </summary>
internal static class DibReader
{
    private const string MetaSeparator = "#!meta";

    public static Notebook Read(string path) => Parse(NotebookText.Decode(BoundedFile.ReadNotebook(path), path), path);

    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> names the file in messages.</summary>
    public static Notebook Parse(string text, string path)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kernelInfo = ReadMeta(lines, path);

        var cells = new List<NotebookCell>();
        var kernel = kernelInfo.DefaultKernelName;
        var inMeta = false;
        var start = 0;
        for (var i = 0; i <= lines.Length; i++)
        {
            string? next = null;
            var isSeparator = i == lines.Length || IsSeparator(lines[i], kernelInfo, out next);
            if (!isSeparator) continue;
            if (!inMeta) AddCell(cells, kernel, lines, start, i);
            if (i == lines.Length) break;
            inMeta = next is null;
            kernel = next ?? kernel;
            start = i + 1;
        }
        return new Notebook { SourcePath = path, Format = NotebookFormat.Dib, Cells = cells, KernelInfo = kernelInfo };
    }

    /// <summary>True for a line that starts a cell; <paramref name="kernel"/> is its kernel, null for <c>#!meta</c>.</summary>
    private static bool IsSeparator(string line, KernelInfo kernelInfo, out string? kernel)
    {
        kernel = null;
        var trimmed = line.TrimEnd();
        if (!trimmed.StartsWith("#!", StringComparison.Ordinal)) return false;
        if (trimmed == MetaSeparator) return true;
        kernel = kernelInfo.Resolve(trimmed[2..]);
        return kernel is not null;
    }

    /// <summary>The kernels declared by the <c>#!meta</c> cell (a JSON object with <c>kernelInfo</c>), if there is one.</summary>
    private static KernelInfo ReadMeta(string[] lines, string path)
    {
        var metaLine = Array.FindIndex(lines, l => l.TrimEnd() == MetaSeparator);
        if (metaLine < 0) return KernelInfo.Default;
        var second = Array.FindIndex(lines, metaLine + 1, l => l.TrimEnd() == MetaSeparator);
        if (second >= 0) throw NotebookFormatException.AtLine(path, second + 1, 1, "a second #!meta cell; expected one per notebook");

        // JSON never puts "#!" at the start of a line, so the metadata ends at the next "#!" line.
        var end = Array.FindIndex(lines, metaLine + 1, l => l.StartsWith("#!", StringComparison.Ordinal));
        if (end < 0) end = lines.Length;
        var first = metaLine + 1;
        while (first < end && string.IsNullOrWhiteSpace(lines[first])) first++;
        while (end > first && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
        if (first == end) return KernelInfo.Default;

        var json = string.Join('\n', lines[first..end]);
        var node = NotebookText.ParseJson(json, path, firstLine: first + 1);
        var shape = new JsonShape(path, (jsonPath, problem) =>
            NotebookFormatException.AtLine(path, first + 1, 1, $"#!meta {jsonPath}: {problem}"));
        var meta = shape.Object(node, "$");
        return KernelInfoJson.Parse(meta["kernelInfo"], shape, "kernelInfo", KernelInfo.CSharp);
    }

    private static void AddCell(List<NotebookCell> cells, string kernel, string[] lines, int start, int end)
    {
        while (start < end && string.IsNullOrWhiteSpace(lines[start])) start++;
        while (end > start && string.IsNullOrWhiteSpace(lines[end - 1])) end--;
        if (start == end) return;
        var source = string.Join('\n', lines[start..end]);
        cells.Add(kernel == KernelInfo.Markdown
            ? NotebookCell.Markdown(source)
            : new NotebookCell(CellKind.Code, kernel, source));
    }
}
