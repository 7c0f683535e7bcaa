using System.Text;

namespace DriverNotebooks.Runner.Rendering;

/// <summary>
/// Writes files so a reader sees the old file or the whole new one, never part: the text goes to a
/// temporary file in the same folder, is flushed to disk, and is renamed over the target. On any
/// failure the temporary file is removed.
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
