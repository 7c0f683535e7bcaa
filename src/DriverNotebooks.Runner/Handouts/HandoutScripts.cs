using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using DriverNotebooks.Charts;

namespace DriverNotebooks.Runner.Handouts;

/// <summary>
/// The scripts a handout lets run, named by hash in its content security policy: plotly.js, each chart's
/// drawing script (<see cref="ChartHtml.IsDrawingScript"/>) and the page's own chart-fitting script. Any
/// other script — in markdown that slipped past the sanitizer, in an HTML or SVG output, an event-handler
/// attribute, a <c>javascript:</c> link — is refused by the browser.
/// </summary>
internal static partial class HandoutScripts
{
    [GeneratedRegex(@"<script\b[^>]*>(.*?)</script\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ScriptElement();

    private static readonly Lazy<string> LibraryScript = new(() => ElementText(PlotlyJs.ScriptElement()));
    private static readonly Lazy<string> LibraryHash = new(() => Hash(LibraryScript.Value));

    /// <summary>The CSP source that allows the script element carrying plotly.js.</summary>
    public static string LibraryHashSource => LibraryHash.Value;

    /// <summary>The CSP source (<c>'sha256-…'</c>) that allows exactly the script element whose text is <paramref name="script"/>.</summary>
    public static string Hash(string script) => $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(script)))}'";

    /// <summary>Hashes of the scripts in an output's HTML that are ours: plotly.js and chart drawing scripts.</summary>
    public static IEnumerable<string> OwnScriptHashes(string html)
    {
        if (!html.Contains("<script", StringComparison.OrdinalIgnoreCase)) yield break;
        foreach (Match match in ScriptElement().Matches(html))
        {
            var text = match.Groups[1].Value;
            if (ChartHtml.IsDrawingScript(text)) yield return Hash(text);
            else if (text.Length == LibraryScript.Value.Length && text == LibraryScript.Value) yield return LibraryHash.Value;
        }
    }

    /// <summary>The text between a script element's tags.</summary>
    private static string ElementText(string element)
    {
        var match = ScriptElement().Match(element);
        return match.Success ? match.Groups[1].Value : throw new ArgumentException("not a script element", nameof(element));
    }
}
