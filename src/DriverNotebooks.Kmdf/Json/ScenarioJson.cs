using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace DriverNotebooks.Kmdf;

/// <summary>
/// The JSON scenario file format (see SCENARIOS.md): load, parse and write. Every user mistake becomes a
/// <see cref="ScenarioFormatException"/> whose one-line message names the file, line:column, JSON path, the
/// problem and what is allowed — never a raw <see cref="JsonException"/>.
/// </summary>
public static class ScenarioJson
{
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>The step names the format accepts.</summary>
    public static IReadOnlyList<string> StepNames => ScenarioJsonReader.StepNames;

    /// <summary>Reads a scenario file. A missing or unreadable file is a <see cref="ScenarioFormatException"/> too.</summary>
    public static Scenario Load(string path)
    {
        byte[] bytes;
        try
        {
            var reading = Task.Run(() => ReadAtMost(path, ScenarioLimits.MaxFileBytes));
            // A named pipe blocks its reader until a writer comes, maybe never: give up after the timeout.
            if (Task.WhenAny(reading, Task.Delay(ScenarioLimits.ReadTimeout)).GetAwaiter().GetResult() != reading)
                throw new ScenarioFormatException("$", $"the file delivered nothing within {ScenarioLimits.ReadTimeout.TotalSeconds:0} s (a named pipe or device?); allowed: a regular JSON scenario file", fileName: path);
            bytes = reading.GetAwaiter().GetResult()
                ?? throw new ScenarioFormatException("$", $"the file is larger than {ScenarioLimits.Format(ScenarioLimits.MaxFileBytes)} bytes; allowed: a scenario file of at most 1 MiB (ScenarioLimits.MaxFileBytes)", fileName: path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new ScenarioFormatException("$", $"cannot read the file ({e.GetType().Name.Replace("Exception", "")}); allowed: a readable JSON scenario file", fileName: path);
        }
        return Parse(bytes, path);
    }

    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="limit"/>. Reads at most limit + 1 bytes
    /// whatever the file system says its length is (a device such as /dev/zero reports 0 and never ends).
    /// </summary>
    private static byte[]? ReadAtMost(string path, int limit)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var buffer = new byte[Math.Min(limit + 1, 64 * 1024)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit) return null;
                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0) break;
            length += read;
        }
        return length > limit ? null : buffer[..length];
    }

    /// <summary>Parses scenario JSON text; <paramref name="fileName"/> is only used in error messages.</summary>
    public static Scenario Parse(string json, string fileName = "scenario.json") => Parse(Encoding.UTF8.GetBytes(json), fileName);

    /// <summary>Parses UTF-8 scenario JSON; <paramref name="fileName"/> is only used in error messages.</summary>
    public static Scenario Parse(byte[] utf8, string fileName = "scenario.json")
    {
        if (utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[Encoding.UTF8.Preamble.Length..];
        if (!Utf8.IsValid(utf8))
        {
            var (line, column, value) = FirstInvalidUtf8(utf8);
            throw new ScenarioFormatException("$", $"byte 0x{value:X2} is not valid UTF-8; allowed: a JSON file saved as UTF-8", fileName, line, column);
        }
        JsonPositionMap positions;
        JsonDocument document;
        try
        {
            positions = JsonPositionMap.Build(utf8, ReaderOptions);
            document = JsonDocument.Parse(utf8, DocumentOptions);
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0) + 1;
            var column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new ScenarioFormatException("$", $"malformed JSON: {Reason(e)}; allowed: one JSON object as described in SCENARIOS.md", fileName, line, column);
        }
        if (JsonStrings.FirstUndecodable(utf8, ReaderOptions) is { } bad)
        {
            document.Dispose();
            throw new ScenarioFormatException("$", $"malformed JSON: {JsonStrings.Problem}; allowed: one JSON object as described in SCENARIOS.md", fileName, bad.Line, bad.Column);
        }
        using (document)
        {
            try
            {
                return ScenarioJsonReader.Read(document.RootElement);
            }
            catch (ScenarioFormatException e)
            {
                var pos = positions.Find(e.JsonPath);
                throw e.At(fileName, pos?.Line, pos?.Column);
            }
        }
    }

    /// <summary>Writes a scenario (built in C# or loaded) as JSON in the same format.</summary>
    public static string Write(Scenario scenario) => ScenarioJsonWriter.Write(scenario);

    /// <summary>Where the first byte that is not UTF-8 is: 1-based line, 1-based byte column, and its value.</summary>
    private static (int Line, int Column, byte Value) FirstInvalidUtf8(ReadOnlySpan<byte> utf8)
    {
        var valid = 0;
        while (valid < utf8.Length)
        {
            var status = Rune.DecodeFromUtf8(utf8[valid..], out _, out var consumed);
            if (status != System.Buffers.OperationStatus.Done) break;
            valid += consumed;
        }
        var before = utf8[..valid];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, valid - lineStart + 1, valid < utf8.Length ? utf8[valid] : (byte)0);
    }

    /// <summary>The reader's reason without its location suffix (" LineNumber: … | BytePositionInLine: …").</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0) cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        var reason = (cut >= 0 ? message[..cut] : message).Trim().TrimEnd('.');
        return reason.Length == 0 ? "the document is not valid JSON" : char.ToLowerInvariant(reason[0]) + reason[1..];
    }
}
