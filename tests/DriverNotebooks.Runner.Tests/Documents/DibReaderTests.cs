using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Documents;

public sealed class DibReaderTests
{
    private static Notebook ReadFixture() => DibReader.Read(Fixtures.Path("polyglot.dib"));

    [Fact]
    public void Kernel_lines_start_cells_and_the_meta_cell_is_not_one()
    {
        // When
        var notebook = ReadFixture();

        // Then
        Assert.Equal(NotebookFormat.Dib, notebook.Format);
        Assert.Equal(
            ["markdown", "csharp", "csharp", "fsharp", "markdown"],
            notebook.Cells.Select(c => c.KernelName));
        Assert.Equal(
            [CellKind.Markdown, CellKind.Code, CellKind.Code, CellKind.Code, CellKind.Markdown],
            notebook.Cells.Select(c => c.Kind));
    }

    [Fact]
    public void Magic_lines_inside_a_csharp_cell_stay_in_that_cell()
    {
        // When
        var cell = ReadFixture().Cells[1];

        // Then
        Assert.Equal(
            """
            #i "nuget: /home/me/packages"
            #r "nuget: DriverNotebooks, 0.1.0"
            #!usb-throughput --speed high --max-packet 512
            var depths = new[] { 1, 2, 4, 8 };
            """.ReplaceLineEndings("\n"),
            cell.Source);
    }

    [Fact]
    public void An_alias_starts_a_cell_of_its_kernel()
    {
        // When
        var cell = ReadFixture().Cells[2];

        // Then
        Assert.Equal("csharp", cell.KernelName);
        Assert.Equal("depths.Sum()", cell.Source);
    }

    [Fact]
    public void The_meta_cell_declares_kernels_and_their_languages()
    {
        // When
        var kernels = ReadFixture().KernelInfo;

        // Then
        Assert.Equal("csharp", kernels.DefaultKernelName);
        Assert.Equal("fsharp", kernels.Resolve("fsharp"));
        Assert.NotNull(kernels.Declared);
        Assert.Equal(["csharp", "fsharp"], kernels.DeclaredItems.Select(i => i.Name));
    }

    [Fact]
    public void Text_before_the_first_kernel_line_is_a_cell_of_the_default_kernel()
    {
        // When
        var notebook = DibReader.Parse("var x = 1;\n\n#!markdown\n\n# Title\n", "loose.dib");

        // Then
        Assert.Equal(["csharp", "markdown"], notebook.Cells.Select(c => c.KernelName));
        Assert.Equal("var x = 1;", notebook.Cells[0].Source);
    }

    [Fact]
    public void Blank_lines_around_a_cell_are_trimmed_and_empty_cells_dropped()
    {
        // When
        var notebook = DibReader.Parse("#!csharp\n\n\n#!csharp\r\n\r\n  1 + 1\r\n\r\n\r\n#!markdown\n", "blank.dib");

        // Then
        var cell = Assert.Single(notebook.Cells);
        Assert.Equal("  1 + 1", cell.Source);
    }

    [Fact]
    public void A_kernel_declared_only_in_the_meta_cell_separates_cells()
    {
        // Given
        const string dib = """
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp"},{"name":"sql-adventureworks","languageName":"SQL","aliases":["aw"]}]}}

            #!csharp

            1

            #!aw

            select 1
            """;

        // When
        var notebook = DibReader.Parse(dib, "declared.dib");

        // Then
        Assert.Equal(["csharp", "sql-adventureworks"], notebook.Cells.Select(c => c.KernelName));
        Assert.Equal("SQL", notebook.KernelInfo.LanguageOf("sql-adventureworks"));
    }
}
