using System.Text.Json;
using System.Text.Json.Nodes;
using DriverNotebooks.Formatting;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// Writes a notebook with its outputs as nbformat 4.5, which Jupyter's validator accepts, VS Code and
/// GitHub display, and Polyglot Notebooks still opens (its kernel metadata is kept). The kernelspec
/// names the DriverNotebooks kernel. plotly.js goes into the first output that holds a chart.
/// </summary>
internal static class IpynbWriter
{
    public const int NbformatMinor = 5;

    /// <summary>The kernelspec every written notebook carries.</summary>
    public static JsonObject KernelSpec() => new()
    {
        ["display_name"] = "C# (DriverNotebooks)",
        ["language"] = "C#",
        ["name"] = "drivernb",
    };

    /// <summary>The language_info every written notebook carries (the kernel reports the same).</summary>
    public static JsonObject LanguageInfo() => new()
    {
        ["file_extension"] = ".cs",
        ["mimetype"] = "text/x-csharp",
        ["name"] = "csharp",
        ["pygments_lexer"] = "csharp",
    };

    /// <summary>The notebook as the text of an <c>.ipynb</c> file.</summary>
    public static string Write(Notebook notebook) => JupyterJson.Serialize(ToJson(notebook));

    public static JsonObject ToJson(Notebook notebook)
    {
        var ids = CellIds.Assign(notebook.Cells);
        var placement = new ChartLibraryPlacement();
        var cells = new JsonArray();
        for (var i = 0; i < notebook.Cells.Count; i++) cells.Add(CellJson(notebook.Cells[i], ids[i], placement));

        var metadata = notebook.Metadata?.DeepClone().AsObject() ?? new JsonObject();
        metadata["kernelspec"] = KernelSpec();
        metadata["language_info"] = LanguageInfo();
        var polyglot = metadata["polyglot_notebook"] as JsonObject ?? new JsonObject();
        polyglot["kernelInfo"] = notebook.KernelInfo.ToJson();
        metadata["polyglot_notebook"] = polyglot;

        return new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = NbformatMinor,
        };
    }

    private static JsonObject CellJson(NotebookCell cell, string id, ChartLibraryPlacement placement)
    {
        var metadata = cell.Metadata?.DeepClone().AsObject() ?? new JsonObject();
        // nbclient's timing metadata holds timestamps of an earlier run: a stale, non-reproducible record.
        metadata.Remove("execution");
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
            ["id"] = id,
            ["metadata"] = metadata,
            ["source"] = Lines(cell.Source),
        };
        if (cell.Attachments is not null && cell.Kind != CellKind.Code) json["attachments"] = cell.Attachments.DeepClone();
        if (cell.Kind != CellKind.Code) return json;

        metadata["dotnet_interactive"] = Merge(metadata["dotnet_interactive"], "language", cell.KernelName);
        metadata["polyglot_notebook"] = Merge(metadata["polyglot_notebook"], "kernelName", cell.KernelName);
        json["execution_count"] = cell.ExecutionCount;
        var outputs = new JsonArray();
        foreach (var output in cell.Outputs) outputs.Add(OutputJson(output, placement));
        json["outputs"] = outputs;
        return json;
    }

    private static JsonObject Merge(JsonNode? existing, string key, string value)
    {
        var obj = existing as JsonObject ?? new JsonObject();
        obj[key] = value;
        return obj;
    }

    private static JsonObject OutputJson(CellOutput output, ChartLibraryPlacement placement) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = Lines(stream.Text),
        },
        DisplayDataOutput display => new JsonObject
        {
            ["data"] = MimeBundle.From(placement.Place(display.Data), Lines),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ExecuteResultOutput result => new JsonObject
        {
            ["data"] = MimeBundle.From(placement.Place(result.Data), Lines),
            ["execution_count"] = result.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray([.. error.Traceback.Select(line => (JsonNode?)line)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "unknown output type"),
    };

    /// <summary>nbformat's multiline string: the text split after each newline.</summary>
    internal static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
