namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Reads a whole file only when it is small enough: at most limit + 1 bytes are read whatever length the
/// file system reports, so a device such as <c>/dev/zero</c> (length 0, never ends) or a huge file is
/// refused after a bounded read instead of exhausting memory.
/// </summary>
internal static class BoundedFile
{
    /// <summary>Largest notebook (.dib or .ipynb) read: 64 MiB, room for outputs with embedded charts.</summary>
    public const int MaxNotebookBytes = 64 << 20;

    /// <summary>The file's bytes, or null when it holds more than <paramref name="limit"/> bytes.</summary>
    public static byte[]? ReadAllBytes(string path, int limit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(limit + 1L, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit) return null;
                Array.Resize(ref buffer, (int)Math.Min(limit + 1L, buffer.Length * 2L));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return length > limit ? null : buffer[..length];
    }

    /// <summary>The notebook file's bytes; a file over <see cref="MaxNotebookBytes"/> is a <see cref="NotebookFormatException"/>.</summary>
    public static byte[] ReadNotebook(string path) =>
        ReadAllBytes(path, MaxNotebookBytes)
        ?? throw NotebookFormatException.WholeFile(path, $"larger than {MaxNotebookBytes >> 20} MiB; allowed: a notebook file of at most {MaxNotebookBytes >> 20} MiB (BoundedFile.MaxNotebookBytes)");
}
