using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Checks the shape of parsed JSON and reports a mismatch by its JSON path
/// (<c>cells[3].source: expected a string or an array of strings, found a number</c>).
/// </summary>
internal sealed class JsonShape(string path, Func<string, string, Exception>? error = null)
{
    public Exception Error(string jsonPath, string problem) =>
        error?.Invoke(jsonPath, problem) ?? NotebookFormatException.AtPath(path, jsonPath, problem);

    public JsonObject Object(JsonNode? node, string jsonPath) =>
        node as JsonObject ?? throw Error(jsonPath, $"expected a JSON object, found {Describe(node)}");

    public JsonObject? OptionalObject(JsonObject parent, string key, string jsonPath) =>
        parent.TryGetPropertyValue(key, out var node) && node is not null ? Object(node, jsonPath) : null;

    public JsonArray Array(JsonNode? node, string jsonPath) =>
        node as JsonArray ?? throw Error(jsonPath, $"expected an array, found {Describe(node)}");

    public string String(JsonNode? node, string jsonPath) =>
        node is JsonValue value && value.TryGetValue<string>(out var text)
            ? text
            : throw Error(jsonPath, $"expected a string, found {Describe(node)}");

    public string? OptionalString(JsonObject parent, string key, string jsonPath) =>
        parent.TryGetPropertyValue(key, out var node) && node is not null ? String(node, jsonPath) : null;

    /// <summary>nbformat's multiline string: one string, or an array of strings joined as they are.</summary>
    public string MultilineString(JsonNode? node, string jsonPath)
    {
        if (node is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        if (node is JsonArray parts)
        {
            var joined = new System.Text.StringBuilder();
            for (var i = 0; i < parts.Count; i++)
            {
                if (parts[i] is JsonValue part && part.TryGetValue<string>(out var line)) joined.Append(line);
                else throw Error($"{jsonPath}[{i}]", $"expected a string (a line of text), found {Describe(parts[i])}");
            }
            return joined.ToString();
        }
        throw Error(jsonPath, $"expected a string or an array of strings, found {Describe(node)}");
    }

    public static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "the string " + Quote(value.GetValue<string>()),
            JsonValueKind.Number => "the number " + value.ToJsonString(),
            JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
            _ => value.ToJsonString(),
        },
        _ => node.ToJsonString(),
    };

    private static string Quote(string text) => DriverNotebooks.Commands.Phrases.Quote(text);
}
