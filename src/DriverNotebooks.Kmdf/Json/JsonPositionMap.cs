using System.Text;
using System.Text.Json;

namespace DriverNotebooks.Kmdf;

/// <summary>
/// Line:column of every value in a JSON document, keyed by JSON path (<c>$.driverEntry[2].step</c>), found with one
/// Utf8JsonReader pass. JsonDocument forgets positions; this map gives them back to error messages.
/// </summary>
internal sealed class JsonPositionMap
{
    private readonly Dictionary<string, (int Line, int Column)> _positions = new(StringComparer.Ordinal);

    private JsonPositionMap()
    {
    }

    private sealed class Frame(string path, bool isArray)
    {
        public string Path { get; } = path;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; }
        public string? Property { get; set; }
    }

    /// <summary>Builds the map; throws <see cref="JsonException"/> if the document is malformed.</summary>
    public static JsonPositionMap Build(byte[] utf8, JsonReaderOptions options)
    {
        var map = new JsonPositionMap();
        var lineStarts = LineStarts(utf8);
        var reader = new Utf8JsonReader(utf8, options);
        var stack = new Stack<Frame>();
        while (reader.Read())
        {
            var token = reader.TokenType;
            if (token == JsonTokenType.PropertyName)
            {
                stack.Peek().Property = reader.GetString();
                continue;
            }
            if (token is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                stack.Pop();
                continue;
            }
            var path = stack.Count == 0
                ? "$"
                : stack.Peek() is { IsArray: true } array
                    ? $"{array.Path}[{array.Index++}]"
                    : $"{stack.Peek().Path}.{stack.Peek().Property}";
            map._positions.TryAdd(path, Position(utf8, lineStarts, (int)reader.TokenStartIndex));
            if (token is JsonTokenType.StartObject or JsonTokenType.StartArray)
                stack.Push(new Frame(path, token == JsonTokenType.StartArray));
        }
        return map;
    }

    /// <summary>The position of <paramref name="path"/>, or of its nearest ancestor that exists (a missing field points at its object).</summary>
    public (int Line, int Column)? Find(string path)
    {
        var p = path;
        while (true)
        {
            if (_positions.TryGetValue(p, out var pos)) return pos;
            var cut = Math.Max(p.LastIndexOf('.'), p.LastIndexOf('['));
            if (cut <= 0) return null;
            p = p[..cut];
        }
    }

    private static List<int> LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n') starts.Add(i + 1);
        }
        return starts;
    }

    private static (int Line, int Column) Position(byte[] utf8, List<int> lineStarts, int offset)
    {
        var line = lineStarts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        var start = lineStarts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(utf8, start, offset - start) + 1);
    }
}
