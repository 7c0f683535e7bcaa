using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Jupyter;

/// <summary>A formatted value as a Jupyter MIME bundle: text types as strings, JSON types as JSON, as nbformat wants them.</summary>
internal static class MimeBundle
{
    public static JsonObject From(IReadOnlyList<FormattedOutput> data)
    {
        var bundle = new JsonObject();
        foreach (var item in data)
        {
            if (bundle.ContainsKey(item.MimeType)) continue;
            bundle[item.MimeType] = IsJson(item.MimeType) && TryParse(item.Text) is { } json ? json : JsonValue.Create(item.Text);
        }
        return bundle;
    }

    private static bool IsJson(string mimeType) =>
        mimeType == "application/json" || (mimeType.StartsWith("application/", StringComparison.Ordinal) && mimeType.EndsWith("+json", StringComparison.Ordinal));

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
