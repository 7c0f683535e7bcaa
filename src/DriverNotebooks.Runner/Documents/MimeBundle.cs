using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// A displayed value as a Jupyter MIME bundle, for .ipynb files and for the kernel's messages alike:
/// JSON types as JSON (nbformat requires it), the first rendering of each type wins.
/// </summary>
internal static class MimeBundle
{
    /// <param name="data">The renderings, as the formatters produced them.</param>
    /// <param name="text">How a text rendering is stored: a plain string on the wire, nbformat's line array in files.</param>
    public static JsonObject From(IReadOnlyList<FormattedOutput> data, Func<string, JsonNode> text)
    {
        var bundle = new JsonObject();
        foreach (var item in data)
        {
            if (bundle.ContainsKey(item.MimeType)) continue;
            bundle[item.MimeType] = IsJson(item.MimeType) && TryParse(item.Text) is { } json ? json : text(item.Text);
        }
        return bundle;
    }

    /// <summary>A bundle with text renderings as plain strings, as the Jupyter protocol carries them.</summary>
    public static JsonObject From(IReadOnlyList<FormattedOutput> data) => From(data, t => JsonValue.Create(t));

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
