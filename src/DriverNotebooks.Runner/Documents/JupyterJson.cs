using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Writes JSON the way Jupyter saves notebooks (<c>json.dumps(nb, sort_keys=True, indent=1,
/// ensure_ascii=False)</c> plus a final newline), so a file we write diffs cleanly against one Jupyter
/// saved, and the same document always gives the same bytes.
/// </summary>
internal static class JupyterJson
{
    private static readonly System.Buffers.SearchValues<char> MustEscape = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    public static string Serialize(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(text, node, 0);
        return text.Append('\n').ToString();
    }

    private static void Write(StringBuilder text, JsonNode? node, int depth)
    {
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject obj:
                WriteObject(text, obj, depth);
                break;
            case JsonArray array:
                WriteArray(text, array, depth);
                break;
            case JsonValue value:
                WriteValue(text, value);
                break;
        }
    }

    private static void WriteObject(StringBuilder text, JsonObject obj, int depth)
    {
        if (obj.Count == 0)
        {
            text.Append("{}");
            return;
        }
        text.Append('{');
        var first = true;
        foreach (var (key, value) in obj.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(first ? "\n" : ",\n").Append(' ', depth + 1);
            first = false;
            WriteString(text, key);
            text.Append(": ");
            Write(text, value, depth + 1);
        }
        text.Append('\n').Append(' ', depth).Append('}');
    }

    private static void WriteArray(StringBuilder text, JsonArray array, int depth)
    {
        if (array.Count == 0)
        {
            text.Append("[]");
            return;
        }
        text.Append('[');
        for (var i = 0; i < array.Count; i++)
        {
            text.Append(i == 0 ? "\n" : ",\n").Append(' ', depth + 1);
            Write(text, array[i], depth + 1);
        }
        text.Append('\n').Append(' ', depth).Append(']');
    }

    private static void WriteValue(StringBuilder text, JsonValue value)
    {
        switch (value.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, value.GetValue<string>());
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            case JsonValueKind.Number when value.TryGetValue<int>(out var integer):
                text.Append(integer.ToString(CultureInfo.InvariantCulture));
                break;
            default:
                // Numbers read from a file keep the spelling they had there.
                text.Append(value.ToJsonString());
                break;
        }
    }

    /// <summary>Escapes only what JSON requires, as Python does with <c>ensure_ascii=False</c>.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        var span = value.AsSpan();
        while (true)
        {
            // Copy the long runs that need no escaping in one go (a chart output is megabytes of script).
            var plain = span.IndexOfAny(MustEscape);
            if (plain < 0)
            {
                text.Append(span);
                break;
            }
            text.Append(span[..plain]);
            var c = span[plain];
            span = span[(plain + 1)..];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
            }
        }
        text.Append('"');
    }
}
