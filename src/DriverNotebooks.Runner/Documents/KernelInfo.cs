using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>One kernel a notebook can address: <c>#!name</c> or any alias starts a cell for it.</summary>
internal sealed record KernelInfoItem(string Name, IReadOnlyList<string> Aliases, string LanguageName);

/// <summary>
/// The kernels a notebook knows, as Polyglot's <c>kernelInfo</c> declares them, merged with the
/// standard .NET Interactive kernels, plus the default kernel for cells that name none.
/// </summary>
internal sealed class KernelInfo
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";

    /// <summary>The kernels .NET Interactive ships, with their aliases and languages.</summary>
    public static IReadOnlyList<KernelInfoItem> Standard { get; } =
    [
        new(CSharp, ["c#", "C#"], "C#"),
        new("fsharp", ["f#", "F#"], "F#"),
        new("pwsh", ["powershell"], "PowerShell"),
        new("javascript", ["js"], "JavaScript"),
        new("html", [], "HTML"),
        new(Markdown, ["md"], "Markdown"),
        new("sql", [], "SQL"),
        new("kql", [], "KQL"),
        new("mermaid", [], "Mermaid"),
        new("http", [], "HTTP"),
        new("value", [], "value"),
    ];

    /// <summary>A C# notebook declaring nothing.</summary>
    public static KernelInfo Default { get; } = new(CSharp, [], declared: null);

    private readonly Dictionary<string, KernelInfoItem> _byNameOrAlias = new(StringComparer.Ordinal);

    public KernelInfo(string defaultKernelName, IReadOnlyList<KernelInfoItem> declaredItems, JsonObject? declared)
    {
        Declared = declared;
        DeclaredItems = declaredItems;
        foreach (var item in Standard.Concat(declaredItems))
        {
            var known = _byNameOrAlias.GetValueOrDefault(item.Name);
            // A declared kernel may repeat a standard one with more aliases; keep the standard language.
            var merged = known is null ? item : known with { Aliases = [.. known.Aliases.Union(item.Aliases)] };
            _byNameOrAlias[item.Name] = merged;
            foreach (var alias in merged.Aliases) _byNameOrAlias.TryAdd(alias, merged);
        }
        DefaultKernelName = Resolve(defaultKernelName) ?? defaultKernelName;
    }

    /// <summary>The kernel of cells that name none (Polyglot's <c>defaultKernelName</c>).</summary>
    public string DefaultKernelName { get; }

    /// <summary>The kernels the file itself declared.</summary>
    public IReadOnlyList<KernelInfoItem> DeclaredItems { get; }

    /// <summary>The <c>kernelInfo</c> object as read, kept so written notebooks still open in Polyglot; null when absent.</summary>
    public JsonObject? Declared { get; }

    /// <summary>The canonical kernel name for a name or alias (<c>c#</c> → <c>csharp</c>); null when unknown.</summary>
    public string? Resolve(string nameOrAlias) =>
        _byNameOrAlias.TryGetValue(nameOrAlias, out var item) ? item.Name : null;

    /// <summary>The language a kernel runs, for messages (<c>fsharp</c> → <c>F#</c>).</summary>
    public string LanguageOf(string kernelName) =>
        _byNameOrAlias.TryGetValue(kernelName, out var item) && item.LanguageName.Length > 0 ? item.LanguageName : kernelName;

    /// <summary>True for the kernel the runner executes.</summary>
    public static bool IsCSharp(string kernelName) => kernelName == CSharp;

    /// <summary>The <c>kernelInfo</c> to write: as read, or a minimal one naming the default kernel.</summary>
    public JsonObject ToJson() =>
        Declared?.DeepClone().AsObject() ?? new JsonObject
        {
            ["defaultKernelName"] = DefaultKernelName,
            ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = DefaultKernelName }),
        };
}
