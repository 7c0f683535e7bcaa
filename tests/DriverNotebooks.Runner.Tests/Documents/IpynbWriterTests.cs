using System.Text.Json.Nodes;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Documents;

public sealed class IpynbWriterTests
{
    private static readonly FormattedOutput[] ChartData =
    [
        new(FormattedOutput.Html, "<div class=\"drivernb-chart\" id=\"dn-chart-1\"></div>"),
        new(FormattedOutput.PlainText, "[chart, 1 trace]"),
    ];

    private static Notebook Executed() => DibReader.Read(Fixtures.Path("polyglot.dib")) is var notebook
        ? notebook with
        {
            Cells =
            [
                notebook.Cells[0],
                notebook.Cells[1] with
                {
                    ExecutionCount = 1,
                    Outputs =
                    [
                        new StreamOutput("stdout", "line one\nline two\n"),
                        new DisplayDataOutput(ChartData),
                        new ExecuteResultOutput(1, [new(FormattedOutput.PlainText, "15")]),
                    ],
                },
                notebook.Cells[2] with { ExecutionCount = 2, Outputs = [new DisplayDataOutput(ChartData)] },
                notebook.Cells[3] with
                {
                    ExecutionCount = 3,
                    Outputs = [new ErrorOutput("UnsupportedLanguage", "this cell is F#", ["this cell is F#"])],
                },
                notebook.Cells[4],
            ],
        }
        : throw new InvalidOperationException();

    [SkippableFact]
    public void The_written_notebook_passes_jupyters_validator()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("executed.ipynb", IpynbWriter.Write(Executed()));

        // Then
        Nbformat.AssertValid(path);
    }

    [SkippableFact]
    public void A_polyglot_ipynb_written_back_passes_jupyters_validator()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("polyglot.ipynb", IpynbWriter.Write(IpynbReader.Read(Fixtures.Path("polyglot.ipynb"))));

        // Then
        Nbformat.AssertValid(path);
    }

    [Fact]
    public void The_notebook_names_our_kernel_and_keeps_polyglot_metadata()
    {
        // When
        var json = IpynbWriter.ToJson(IpynbReader.Read(Fixtures.Path("polyglot.ipynb")));

        // Then
        var metadata = json["metadata"]!;
        Assert.Equal("""{"display_name":"C# (DriverNotebooks)","language":"C#","name":"drivernb"}""", metadata["kernelspec"]!.ToJsonString());
        Assert.Equal("csharp", metadata["language_info"]!["name"]!.GetValue<string>());
        Assert.Equal("csharp", metadata["polyglot_notebook"]!["kernelInfo"]!["defaultKernelName"]!.GetValue<string>());
        var code = json["cells"]![2]!["metadata"]!;
        Assert.Equal("pwsh", code["polyglot_notebook"]!["kernelName"]!.GetValue<string>());
        Assert.Equal("pwsh", code["dotnet_interactive"]!["language"]!.GetValue<string>());
        Assert.Equal(4, json["nbformat"]!.GetValue<int>());
        Assert.Equal(5, json["nbformat_minor"]!.GetValue<int>());
    }

    [Fact]
    public void Plotly_goes_into_the_first_chart_output_only()
    {
        // When
        var cells = IpynbWriter.ToJson(Executed())["cells"]!.AsArray();

        // Then
        var first = string.Concat(cells[1]!["outputs"]![1]!["data"]!["text/html"]!.AsArray().Select(l => l!.GetValue<string>()));
        var second = string.Concat(cells[2]!["outputs"]![0]!["data"]!["text/html"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.True(DriverNotebooks.Charts.ChartHtml.ContainsLibrary(first));
        Assert.EndsWith(ChartData[0].Text, first);
        Assert.Equal(ChartData[0].Text, second);
    }

    [Fact]
    public void Outputs_are_stored_as_nbformat_output_types()
    {
        // When
        var outputs = IpynbWriter.ToJson(Executed())["cells"]![1]!["outputs"]!.AsArray();

        // Then
        Assert.Equal(["stream", "display_data", "execute_result"], outputs.Select(o => o!["output_type"]!.GetValue<string>()));
        Assert.Equal("""["line one\n","line two\n"]""", outputs[0]!["text"]!.ToJsonString());
        Assert.Equal(1, outputs[2]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void Cell_ids_are_stable_unique_and_valid()
    {
        // When
        var first = IpynbWriter.ToJson(Executed())["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();
        var second = IpynbWriter.ToJson(Executed())["cells"]!.AsArray().Select(c => c!["id"]!.GetValue<string>()).ToList();

        // Then
        Assert.Equal(first, second);
        Assert.Equal(first.Count, first.Distinct().Count());
        Assert.All(first, id => Assert.True(CellIds.IsValid(id)));
    }

    [Fact]
    public void Identical_cells_get_distinct_ids()
    {
        // When
        var ids = CellIds.Assign([NotebookCell.CSharp("1"), NotebookCell.CSharp("1"), NotebookCell.CSharp("1") with { Id = "mine" }]);

        // Then
        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal("mine", ids[2]);
        Assert.Equal(ids[0] + "-2", ids[1]);
    }

    [Fact]
    public void Json_is_written_as_jupyter_writes_it()
    {
        // When
        var text = JupyterJson.Serialize(new JsonObject
        {
            ["b"] = new JsonArray(1, "x\"\\\n\u0001é"),
            ["a"] = new JsonObject(),
            ["c"] = new JsonArray(),
        });

        // Then: keys sorted, one-space indent, only required escapes, a final newline
        Assert.Equal("{\n \"a\": {},\n \"b\": [\n  1,\n  \"x\\\"\\\\\\n\\u0001é\"\n ],\n \"c\": []\n}\n", text);
    }

    [Fact]
    public void Stale_execution_timing_metadata_is_dropped()
    {
        // Given
        var cell = NotebookCell.CSharp("1") with
        {
            Metadata = new JsonObject { ["execution"] = new JsonObject { ["iopub.execute_input"] = "2024-01-01T00:00:00Z" }, ["tags"] = new JsonArray("keep") },
        };
        var notebook = new Notebook { SourcePath = "t.ipynb", Format = NotebookFormat.Ipynb, Cells = [cell], KernelInfo = KernelInfo.Default };

        // When
        var metadata = IpynbWriter.ToJson(notebook)["cells"]![0]!["metadata"]!.AsObject();

        // Then
        Assert.False(metadata.ContainsKey("execution"));
        Assert.True(metadata.ContainsKey("tags"));
    }
}
