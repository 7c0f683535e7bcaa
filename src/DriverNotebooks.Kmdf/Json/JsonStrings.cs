using System.Text;
using System.Text.Json;

namespace DriverNotebooks.Kmdf;

/// <summary>
/// The one check every JSON input goes through after it parses (scenario files, .ipynb notebooks, Jupyter
/// connection files): every string must decode to text. JSON's grammar accepts an escaped lone surrogate
/// (<c>"\ud800"</c>), but no .NET string API can read it (it throws InvalidOperationException, not JsonException),
/// so it is found here, with its line and column, and reported like any other malformed JSON.
/// </summary>
internal static class JsonStrings
{
    /// <summary>Why such a string is refused, for the one-line error.</summary>
    public const string Problem = "a string holds an escaped lone surrogate (\\ud800-\\udfff without its pair), which is not text";

    /// <summary>
    /// The 1-based line and character column of the first string or property name that does not decode, or
    /// null when all do. <paramref name="utf8"/> must already be well-formed JSON.
    /// </summary>
    public static (int Line, int Column)? FirstUndecodable(ReadOnlySpan<byte> utf8, JsonReaderOptions options = default)
    {
        // Only an escape can make a string undecodable once the bytes are valid UTF-8.
        if (utf8.IndexOf("\\u"u8) < 0) return null;
        var reader = new Utf8JsonReader(utf8, options);
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.PropertyName) || !reader.ValueIsEscaped) continue;
            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                return Position(utf8, (int)reader.TokenStartIndex);
            }
        }
        return null;
    }

    private static (int Line, int Column) Position(ReadOnlySpan<byte> utf8, int offset)
    {
        var before = utf8[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetCharCount(before[lineStart..]) + 1);
    }
}
