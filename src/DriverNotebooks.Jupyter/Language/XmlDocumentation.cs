using System.Collections.Concurrent;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// The <c>&lt;summary&gt;</c> of a symbol, read from the XML documentation file beside its assembly
/// (our libraries ship one; the .NET runtime does not), one line, whitespace collapsed.
/// </summary>
internal static class XmlDocumentation
{
    private static readonly ConcurrentDictionary<string, IReadOnlyDictionary<string, XElement>> Files = new(StringComparer.Ordinal);

    public static string? Summary(ISymbol symbol)
    {
        var id = symbol.OriginalDefinition.GetDocumentationCommentId();
        var assembly = symbol.ContainingAssembly?.Identity.Name;
        if (id is null || assembly is null) return null;
        var location = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == assembly && !a.IsDynamic)?.Location;
        if (string.IsNullOrEmpty(location)) return null;
        var members = Files.GetOrAdd(Path.ChangeExtension(location, ".xml"), Load);
        if (!members.TryGetValue(id, out var member)) return null;
        var summary = member.Element("summary");
        if (summary is null) return null;
        var text = string.Concat(summary.Nodes().Select(Text));
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private static string Text(XNode node) => node switch
    {
        XText text => text.Value,
        XElement { Name.LocalName: "see" or "seealso" } see =>
            see.Attribute("cref")?.Value is { } cref ? cref[(cref.LastIndexOf('.') + 1)..] : see.Attribute("langword")?.Value ?? see.Value,
        XElement { Name.LocalName: "paramref" or "typeparamref" } reference => reference.Attribute("name")?.Value ?? "",
        XElement element => string.Concat(element.Nodes().Select(Text)),
        _ => "",
    };

    private static IReadOnlyDictionary<string, XElement> Load(string path)
    {
        try
        {
            if (!File.Exists(path)) return new Dictionary<string, XElement>();
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Xml.XmlException)
        {
            return new Dictionary<string, XElement>();
        }
    }
}
