using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>Decoding notebook files and parsing their JSON with positions a person can find in an editor.</summary>
internal static class NotebookText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>UTF-8 text (a byte-order mark is skipped) with <c>\n</c> line endings.</summary>
    public static string Decode(byte[] bytes, string path)
    {
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            var index = start + Math.Max(0, e.Index);
            var (line, column) = PositionOfByte(bytes, start, index);
            throw NotebookFormatException.AtLine(path, line, column, "this is not UTF-8 text; notebooks are UTF-8");
        }
        var nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            var (line, column) = PositionOfChar(text, nul);
            throw NotebookFormatException.AtLine(path, line, column, "unexpected NUL character; expected a text notebook, not a binary file");
        }
        return text.ReplaceLineEndings("\n");
    }

    /// <summary>
    /// Parses JSON strictly (as Python's json module does). A syntax error becomes a
    /// <see cref="NotebookFormatException"/> at its line and column, shifted by <paramref name="firstLine"/>
    /// when the JSON starts further down a file.
    /// </summary>
    public static JsonNode? ParseJson(string json, string path, int firstLine = 1)
    {
        try
        {
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (json.Contains("\\u", StringComparison.Ordinal) && Kmdf.JsonStrings.FirstUndecodable(System.Text.Encoding.UTF8.GetBytes(json)) is { } bad)
                throw NotebookFormatException.AtLine(path, firstLine + bad.Line - 1, bad.Column, "invalid JSON: " + Kmdf.JsonStrings.Problem);
            return node;
        }
        catch (JsonException e)
        {
            var line = (int)(e.LineNumber ?? 0);
            var column = CharColumn(json, line, (int)(e.BytePositionInLine ?? 0));
            throw NotebookFormatException.AtLine(path, firstLine + line, column, "invalid JSON: " + JsonProblem(e.Message));
        }
    }

    /// <summary>The 1-based column of a 0-based UTF-8 byte offset in a 0-based line.</summary>
    private static int CharColumn(string text, int lineIndex, int bytesIntoLine)
    {
        var lineStart = 0;
        for (var i = 0; i < lineIndex; i++)
        {
            var next = text.IndexOf('\n', lineStart);
            if (next < 0) break;
            lineStart = next + 1;
        }
        var chars = 0;
        var bytes = 0;
        while (lineStart + chars < text.Length && bytes < bytesIntoLine && text[lineStart + chars] != '\n')
        {
            var c = text[lineStart + chars];
            if (char.IsHighSurrogate(c) && lineStart + chars + 1 < text.Length)
            {
                bytes += 4;
                chars += 2;
                continue;
            }
            bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            chars++;
        }
        return chars + 1;
    }

    /// <summary>System.Text.Json's message without the position and path it appends (we print our own).</summary>
    private static string JsonProblem(string message)
    {
        var cut = message.Length;
        foreach (var marker in new[] { " Path: ", " LineNumber: ", " | LineNumber" })
        {
            var at = message.IndexOf(marker, StringComparison.Ordinal);
            if (at >= 0) cut = Math.Min(cut, at);
        }
        return message[..cut].TrimEnd(' ', '|').TrimEnd();
    }

    private static (int Line, int Column) PositionOfByte(byte[] bytes, int start, int index)
    {
        var line = 1;
        var lineStart = start;
        for (var i = start; i < index && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        // Count characters, not bytes, before the bad byte: continuation bytes do not start a character.
        var column = 1;
        for (var i = lineStart; i < index && i < bytes.Length; i++)
        {
            if ((bytes[i] & 0xC0) != 0x80) column++;
        }
        return (line, column);
    }

    private static (int Line, int Column) PositionOfChar(string text, int index)
    {
        var line = 1 + text.AsSpan(0, index).Count('\n');
        var lineStart = text.LastIndexOf('\n', Math.Max(0, index - 1)) + 1;
        if (index == 0) lineStart = 0;
        return (line, index - lineStart + 1);
    }
}
