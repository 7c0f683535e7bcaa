using System.Text;
using System.Text.Json.Nodes;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace DriverNotebooks.Runner.Handouts;

/// <summary>
/// Markdown cells as HTML through Markdig's advanced extensions (tables, task lists, footnotes, heading
/// ids …), kept self-contained: images from files beside the notebook or from cell attachments are
/// embedded as data URIs, and images that would need the network become plain links. The HTML is cleaned
/// by <see cref="MarkdownHtmlSanitizer"/>: a markdown cell may format text, never run script.
/// </summary>
internal static class MarkdownRendering
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private static readonly Dictionary<string, string> ImageTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
    };

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, Pipeline);

    public static IEnumerable<HeadingBlock> Headings(MarkdownDocument document) => document.Descendants<HeadingBlock>();

    /// <summary>The heading's text without markup, for the page title.</summary>
    public static string PlainText(HeadingBlock heading)
    {
        var text = new StringBuilder();
        if (heading.Inline is null) return "";
        foreach (var inline in heading.Inline.Descendants<Inline>())
        {
            switch (inline)
            {
                case LiteralInline literal: text.Append(literal.Content.ToString()); break;
                case CodeInline code: text.Append(code.Content); break;
            }
        }
        return text.ToString().Trim();
    }

    public static void MarkPageBreak(HeadingBlock heading) => heading.GetAttributes().AddClass("page-break");

    public static string ToHtml(MarkdownDocument document, string? baseDirectory, JsonObject? attachments)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(l => l.IsImage).ToList())
        {
            var embedded = Embed(image.Url, baseDirectory, attachments);
            if (embedded is not null) image.Url = embedded;
            else image.IsImage = false;
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return MarkdownHtmlSanitizer.Sanitize(writer.ToString());
    }

    /// <summary>A data URI for the image, or null when it would have to be fetched.</summary>
    private static string? Embed(string? url, string? baseDirectory, JsonObject? attachments)
    {
        if (string.IsNullOrEmpty(url)) return null;
        if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return url;
        if (url.StartsWith("attachment:", StringComparison.OrdinalIgnoreCase))
        {
            var name = Uri.UnescapeDataString(url["attachment:".Length..]);
            if (attachments?[name] is JsonObject bundle)
            {
                foreach (var (mime, data) in bundle)
                {
                    var base64 = data is JsonArray lines ? string.Concat(lines.Select(l => l?.GetValue<string>())) : data?.GetValue<string>();
                    if (base64 is not null && mime.StartsWith("image/", StringComparison.Ordinal)) return $"data:{mime};base64,{base64.Replace("\n", "")}";
                }
            }
            return null;
        }
        if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && !absolute.IsFile) return null;
        if (baseDirectory is null) return null;
        try
        {
            var path = Path.GetFullPath(Uri.UnescapeDataString(url.Split('?', '#')[0]), baseDirectory);
            if (!File.Exists(path) || !ImageTypes.TryGetValue(Path.GetExtension(path), out var type)) return null;
            return $"data:{type};base64,{Convert.ToBase64String(File.ReadAllBytes(path))}";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return null;
        }
    }
}
