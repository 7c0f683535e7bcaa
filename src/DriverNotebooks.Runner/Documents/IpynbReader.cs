using System.Text.Json.Nodes;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Reads Jupyter's nbformat 4 (any minor version) including Polyglot's metadata: a cell's kernel
/// comes from <c>metadata.polyglot_notebook.kernelName</c> or <c>metadata.dotnet_interactive.language</c>,
/// else from the notebook's <c>polyglot_notebook.kernelInfo</c>, kernelspec or language_info.
/// Outputs already in the file are not read: a run replaces them.
/// </summary>
internal static class IpynbReader
{
    public static Notebook Read(string path) => Parse(NotebookText.Decode(BoundedFile.ReadNotebook(path), path), path);

    /// <summary>Parses <paramref name="text"/>; <paramref name="path"/> names the file in messages.</summary>
    public static Notebook Parse(string text, string path)
    {
        var shape = new JsonShape(path);
        var root = NotebookText.ParseJson(text, path);
        if (root is not JsonObject notebook)
            throw shape.Error("$", $"expected a JSON object (an nbformat 4 notebook), found {JsonShape.Describe(root)}");

        CheckVersion(notebook, shape);
        var metadata = shape.OptionalObject(notebook, "metadata", "metadata");
        var polyglot = metadata is null ? null : shape.OptionalObject(metadata, "polyglot_notebook", "metadata.polyglot_notebook");
        var kernelInfo = KernelInfoJson.Parse(
            polyglot?["kernelInfo"], shape, "metadata.polyglot_notebook.kernelInfo", DefaultKernel(metadata));

        if (!notebook.TryGetPropertyValue("cells", out var cellsNode))
            throw shape.Error("cells", "missing; expected the array of cells that every nbformat 4 notebook has");
        var cellArray = shape.Array(cellsNode, "cells");
        var cells = new List<NotebookCell>(cellArray.Count);
        for (var i = 0; i < cellArray.Count; i++) cells.Add(ReadCell(cellArray[i], $"cells[{i}]", kernelInfo, shape));

        return new Notebook
        {
            SourcePath = path,
            Format = NotebookFormat.Ipynb,
            Cells = cells,
            KernelInfo = kernelInfo,
            Metadata = metadata,
        };
    }

    private static void CheckVersion(JsonObject notebook, JsonShape shape)
    {
        if (!notebook.TryGetPropertyValue("nbformat", out var version))
            throw shape.Error("nbformat", "missing; expected 4 (this does not look like a Jupyter notebook)");
        if (version is not JsonValue value || !value.TryGetValue<int>(out var major))
            throw shape.Error("nbformat", $"expected the number 4, found {JsonShape.Describe(version)}");
        if (major != 4)
            throw shape.Error("nbformat", $"expected 4, found {major}; convert it with 'jupyter nbconvert --to notebook --nbformat 4'");
    }

    private static NotebookCell ReadCell(JsonNode? node, string jsonPath, KernelInfo kernelInfo, JsonShape shape)
    {
        var cell = shape.Object(node, jsonPath);
        var type = shape.OptionalString(cell, "cell_type", jsonPath + ".cell_type")
            ?? throw shape.Error(jsonPath, "missing \"cell_type\"; expected \"code\", \"markdown\" or \"raw\"");
        var kind = type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            _ => throw shape.Error(jsonPath + ".cell_type", $"expected \"code\", \"markdown\" or \"raw\", found {JsonShape.Describe(cell["cell_type"])}"),
        };
        if (!cell.TryGetPropertyValue("source", out var sourceNode))
            throw shape.Error(jsonPath, "missing \"source\"; expected the cell's text as a string or an array of strings");
        var source = shape.MultilineString(sourceNode, jsonPath + ".source").ReplaceLineEndings("\n");
        var metadata = shape.OptionalObject(cell, "metadata", jsonPath + ".metadata");
        var attachments = shape.OptionalObject(cell, "attachments", jsonPath + ".attachments");
        var id = cell.TryGetPropertyValue("id", out var idNode) && idNode is not null ? shape.String(idNode, jsonPath + ".id") : null;

        var kernel = kind switch
        {
            CellKind.Markdown => KernelInfo.Markdown,
            CellKind.Raw => "raw",
            _ => CellKernel(metadata, kernelInfo, shape, jsonPath),
        };
        return new NotebookCell(kind, kernel, source)
        {
            Id = CellIds.IsValid(id) ? id : null,
            Metadata = metadata,
            Attachments = attachments,
        };
    }

    private static string CellKernel(JsonObject? metadata, KernelInfo kernelInfo, JsonShape shape, string jsonPath)
    {
        string? name = null;
        if (metadata is not null)
        {
            var polyglot = shape.OptionalObject(metadata, "polyglot_notebook", jsonPath + ".metadata.polyglot_notebook");
            name = polyglot is null ? null : shape.OptionalString(polyglot, "kernelName", jsonPath + ".metadata.polyglot_notebook.kernelName");
            if (name is null)
            {
                var dotnet = shape.OptionalObject(metadata, "dotnet_interactive", jsonPath + ".metadata.dotnet_interactive");
                name = dotnet is null ? null : shape.OptionalString(dotnet, "language", jsonPath + ".metadata.dotnet_interactive.language");
            }
        }
        name ??= kernelInfo.DefaultKernelName;
        return kernelInfo.Resolve(name) ?? name;
    }

    /// <summary>The kernel for cells that name none, from the kernelspec or language_info of a notebook without Polyglot metadata.</summary>
    private static string DefaultKernel(JsonObject? metadata)
    {
        static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        var kernelspec = metadata?["kernelspec"] as JsonObject;
        var languageInfo = metadata?["language_info"] as JsonObject;
        var candidates = new[]
        {
            Text(kernelspec?["language"]),
            Text(kernelspec?["name"]) is { } spec && spec.StartsWith(".net-", StringComparison.Ordinal) ? spec[5..] : null,
            Text(languageInfo?["name"]),
        };
        foreach (var candidate in candidates)
        {
            if (candidate is null or "polyglot-notebook") continue;
            var lower = candidate.ToLowerInvariant();
            return lower switch
            {
                "c#" or "csharp" => KernelInfo.CSharp,
                "f#" or "fsharp" => "fsharp",
                "powershell" or "pwsh" => "pwsh",
                _ => lower,
            };
        }
        return KernelInfo.CSharp;
    }
}
