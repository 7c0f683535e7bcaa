using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Documents;

public sealed class IpynbReaderTests
{
    private static Notebook ReadFixture() => IpynbReader.Read(Fixtures.Path("polyglot.ipynb"));

    [Fact]
    public void Cells_take_their_kernel_from_polyglot_metadata_or_the_notebook_default()
    {
        // When
        var notebook = ReadFixture();

        // Then
        Assert.Equal(NotebookFormat.Ipynb, notebook.Format);
        Assert.Equal(["markdown", "csharp", "pwsh", "csharp"], notebook.Cells.Select(c => c.KernelName));
        Assert.Equal("PowerShell", notebook.KernelInfo.LanguageOf("pwsh"));
    }

    [Fact]
    public void Sources_given_as_lines_or_as_one_string_read_the_same()
    {
        // When
        var cells = ReadFixture().Cells;

        // Then
        Assert.Equal("var greeting = \"hello\";\ngreeting.Length", cells[1].Source);
        Assert.Equal("Console.WriteLine(greeting.ToUpperInvariant());", cells[3].Source);
    }

    [Fact]
    public void Outputs_in_the_file_are_not_read_because_a_run_replaces_them()
    {
        // When
        var cell = ReadFixture().Cells[1];

        // Then
        Assert.Empty(cell.Outputs);
        Assert.Null(cell.ExecutionCount);
    }

    [Fact]
    public void Metadata_is_kept_for_writing_back()
    {
        // When
        var notebook = ReadFixture();

        // Then
        Assert.Equal(".net-csharp", notebook.Metadata!["kernelspec"]!["name"]!.GetValue<string>());
        Assert.Equal("polyglot-notebook", notebook.Cells[1].Metadata!["vscode"]!["languageId"]!.GetValue<string>());
    }

    [Fact]
    public void A_notebook_without_polyglot_metadata_takes_its_kernel_from_the_kernelspec()
    {
        // Given
        const string ipynb = """
            {"cells": [{"cell_type": "code", "metadata": {}, "source": "1", "outputs": [], "execution_count": null}],
             "metadata": {"kernelspec": {"name": ".net-fsharp", "display_name": ".NET (F#)", "language": "F#"}},
             "nbformat": 4, "nbformat_minor": 4}
            """;

        // When
        var notebook = IpynbReader.Parse(ipynb, "fsharp.ipynb");

        // Then
        Assert.Equal("fsharp", Assert.Single(notebook.Cells).KernelName);
    }

    [Fact]
    public void Valid_cell_ids_are_kept()
    {
        // Given
        const string ipynb = """
            {"cells": [{"cell_type": "markdown", "id": "intro-1", "metadata": {}, "source": "# Hi"}],
             "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
            """;

        // When
        var notebook = IpynbReader.Parse(ipynb, "ids.ipynb");

        // Then
        Assert.Equal("intro-1", notebook.Cells[0].Id);
    }
}
