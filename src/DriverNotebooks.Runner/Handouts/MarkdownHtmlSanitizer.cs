using Ganss.Xss;

namespace DriverNotebooks.Runner.Handouts;

/// <summary>
/// Cleans the HTML that a markdown cell renders to, with an allowlist in the manner of GitHub's and
/// nbconvert's sanitizers: a shared handout is opened by people who did not write it, so markdown's raw HTML
/// and Markdig's generic attributes (<c>{onclick=…}</c>) may format text but never run script. Kept: text
/// formatting, lists, tables, headings with their ids, footnotes, task-list checkboxes, details/summary,
/// links to http(s), mailto and anchors, images embedded as <c>data:image/…</c>. Removed: scripts, styles,
/// frames, forms, inline SVG and MathML, every event-handler attribute, and <c>javascript:</c> and other
/// <c>data:</c> URLs. Markdown without raw HTML renders to the same page as before.
/// </summary>
internal static class MarkdownHtmlSanitizer
{
    /// <summary>Elements markdown and its extensions produce, plus the formatting tags GitHub allows in raw HTML.</summary>
    public static readonly IReadOnlySet<string> AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "span", "section", "blockquote", "pre", "code",
        "b", "i", "strong", "em", "u", "s", "strike", "del", "ins", "mark", "small", "sub", "sup", "kbd", "samp",
        "var", "tt", "q", "cite", "dfn", "abbr", "bdo", "time", "wbr", "ruby", "rt", "rp",
        "a", "img", "figure", "figcaption", "details", "summary",
        "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
        "input",
    };

    /// <summary>Attributes allowed on any allowed element: none of them runs script or loads anything.</summary>
    public static readonly IReadOnlySet<string> AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "id", "class", "title", "lang", "dir", "align", "valign", "width", "height", "style",
        "href", "src", "alt", "name", "target", "rel", "cite", "datetime", "abbr",
        "colspan", "rowspan", "scope", "headers", "span", "start", "reversed", "type", "value",
        "open", "checked", "disabled", "role", "aria-label", "aria-hidden", "aria-describedby", "aria-labelledby",
    };

    /// <summary>URL schemes a link may use (relative URLs and <c>#anchors</c> are always allowed).</summary>
    public static readonly IReadOnlySet<string> AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "http", "https", "mailto",
    };

    /// <summary>Inline styles markdown tables use for alignment, and a few harmless text styles.</summary>
    private static readonly string[] AllowedCssProperties =
    [
        "text-align", "vertical-align", "color", "background-color", "font-weight", "font-style", "text-decoration", "width", "height",
    ];

    /// <summary>The only <c>data:</c> URLs kept: images, on an image's <c>src</c>.</summary>
    public const string DataImagePrefix = "data:image/";

    [ThreadStatic] private static HtmlSanitizer? _sanitizer;

    /// <summary>The fragment with everything outside the allowlist removed.</summary>
    public static string Sanitize(string html) => (_sanitizer ??= Create()).Sanitize(html);

    private static HtmlSanitizer Create()
    {
        var sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AllowedTags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AllowedAttributes, StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(AllowedSchemes, StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "cite", "action", "formaction", "background", "poster", "longdesc", "xlink:href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(AllowedCssProperties, StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
        });
        sanitizer.FilterUrl += (_, e) =>
        {
            var isImageSource = string.Equals(e.Tag.LocalName, "img", StringComparison.OrdinalIgnoreCase);
            if (isImageSource && e.OriginalUrl.TrimStart().StartsWith(DataImagePrefix, StringComparison.OrdinalIgnoreCase)) e.SanitizedUrl = e.OriginalUrl.Trim();
        };
        // A checkbox from a task list is all an input may be: one that does nothing.
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement { LocalName: "input" } input
                && !(string.Equals(input.GetAttribute("type"), "checkbox", StringComparison.OrdinalIgnoreCase) && input.HasAttribute("disabled")))
            {
                input.Remove();
            }
        };
        return sanitizer;
    }
}
