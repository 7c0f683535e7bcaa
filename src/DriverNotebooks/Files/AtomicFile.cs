using System.Text;

namespace DriverNotebooks.Files;

/// <summary>
/// Writes files so a reader sees the old file or the whole new one, never part: the text goes to a
/// temporary file in the same folder, is flushed to disk, and is renamed over the target. On any
/// failure the temporary file is removed; one left behind by a killed process is removed by the next
/// write of the same target (only names of our own pattern, and only when no writer holds them open).
/// </summary>
internal static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static void WriteAllText(string path, string text) => Write(path, stream =>
    {
        using var writer = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true);
        writer.Write(text);
    });

    /// <summary>Writes through <paramref name="write"/> into a temporary file, then moves it over <paramref name="path"/>.</summary>
    public static void Write(string path, Action<FileStream> write)
    {
        RemoveLeftovers(path);
        var temporary = TemporaryPathFor(path);
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>
    /// Lets <paramref name="produce"/> create a file at a temporary path beside <paramref name="path"/>
    /// (a tool such as Chromium that writes files itself), then moves it over <paramref name="path"/>.
    /// </summary>
    public static async Task ProduceAsync(string path, Func<string, Task> produce)
    {
        RemoveLeftovers(path);
        var temporary = TemporaryPathFor(path);
        try
        {
            await produce(temporary).ConfigureAwait(false);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            TryDelete(temporary);
        }
    }

    /// <summary>A hidden, unique name in the target's folder, so the final rename never crosses file systems.</summary>
    public static string TemporaryPathFor(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        return Path.Combine(directory, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>True for a name <see cref="TemporaryPathFor"/> gives <paramref name="path"/>: <c>.NAME.{32 hex digits}.tmp</c>.</summary>
    public static bool IsTemporaryFor(string path, string candidate)
    {
        var name = Path.GetFileName(Path.GetFullPath(path));
        var file = Path.GetFileName(candidate);
        var prefix = $".{name}.";
        const int GuidDigits = 32;
        return file.Length == prefix.Length + GuidDigits + ".tmp".Length
            && file.StartsWith(prefix, StringComparison.Ordinal)
            && file.EndsWith(".tmp", StringComparison.Ordinal)
            && file.AsSpan(prefix.Length, GuidDigits).ContainsAnyExcept("0123456789abcdef") is false;
    }

    /// <summary>
    /// Removes temporary files an earlier, killed write of <paramref name="path"/> left beside it. One another
    /// process is still writing is locked (FileShare.None) and is left alone.
    /// </summary>
    public static void RemoveLeftovers(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory)) return;
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateFiles(directory, $".{Path.GetFileName(full)}.*.tmp").Where(f => IsTemporaryFor(full, f)).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return;
        }
        foreach (var candidate in candidates)
        {
            try
            {
                using (new FileStream(candidate, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }
            TryDelete(candidate);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (File.Exists(path)) File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
