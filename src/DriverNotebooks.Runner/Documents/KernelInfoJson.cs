using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>Reads Polyglot's <c>kernelInfo</c> object, shared by the <c>.dib</c> <c>#!meta</c> cell and <c>.ipynb</c> metadata.</summary>
internal static class KernelInfoJson
{
    /// <summary>
    /// <c>{"defaultKernelName": "csharp", "items": [{"name": "csharp", "aliases": ["c#"], "languageName": "C#"}]}</c>;
    /// every member optional. <paramref name="fallbackDefault"/> applies when it names no default kernel.
    /// </summary>
    public static KernelInfo Parse(JsonNode? node, JsonShape shape, string jsonPath, string fallbackDefault)
    {
        if (node is null) return new KernelInfo(fallbackDefault, [], declared: null);
        var kernelInfo = shape.Object(node, jsonPath);
        var defaultKernel = shape.OptionalString(kernelInfo, "defaultKernelName", jsonPath + ".defaultKernelName") ?? fallbackDefault;
        var items = new List<KernelInfoItem>();
        if (kernelInfo.TryGetPropertyValue("items", out var itemsNode) && itemsNode is not null)
        {
            var array = shape.Array(itemsNode, jsonPath + ".items");
            for (var i = 0; i < array.Count; i++)
            {
                var itemPath = $"{jsonPath}.items[{i}]";
                var item = shape.Object(array[i], itemPath);
                var name = shape.OptionalString(item, "name", itemPath + ".name")
                    ?? throw shape.Error(itemPath, "expected a \"name\" naming the kernel");
                var aliases = new List<string>();
                if (item.TryGetPropertyValue("aliases", out var aliasesNode) && aliasesNode is not null)
                {
                    var aliasArray = shape.Array(aliasesNode, itemPath + ".aliases");
                    for (var a = 0; a < aliasArray.Count; a++) aliases.Add(shape.String(aliasArray[a], $"{itemPath}.aliases[{a}]"));
                }
                var language = shape.OptionalString(item, "languageName", itemPath + ".languageName") ?? "";
                items.Add(new KernelInfoItem(name, aliases, language));
            }
        }
        return new KernelInfo(defaultKernel, items, kernelInfo);
    }
}
