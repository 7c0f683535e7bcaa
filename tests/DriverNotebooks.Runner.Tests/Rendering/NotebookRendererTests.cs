using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

public sealed class NotebookRendererTests
{
    private static Task<RenderResult> Render(string path, RenderOptions options) =>
        NotebookRenderer.RenderAsync(NotebookReader.Read(path), options);

    [SkippableFact]
    public async Task Rendering_writes_a_valid_notebook_and_a_handout()
    {
        // Given
        using var folder = new TempFolder();
        var input = Fixtures.CopyTo(folder, "charts.dib");

        // When
        var result = await Render(input, new RenderOptions { OutputDirectory = folder.File("out") });

        // Then
        Assert.True(result.Run.Succeeded);
        Assert.Equal(["charts.dib", "out/charts.html", "out/charts.ipynb"], folder.Files());
        Assert.Equal([folder.File("out/charts.ipynb"), folder.File("out/charts.html")], result.Written);
        Nbformat.AssertValid(folder.File("out/charts.ipynb"));
    }

    [Fact]
    public async Task Rendering_the_same_notebook_twice_gives_byte_identical_files()
    {
        // Given
        using var folder = new TempFolder();
        var input = Fixtures.CopyTo(folder, "charts.dib");

        // When
        await Render(input, new RenderOptions { OutputDirectory = folder.File("first") });
        await Render(input, new RenderOptions { OutputDirectory = folder.File("second") });

        // Then
        foreach (var name in new[] { "charts.ipynb", "charts.html" })
        {
            Assert.Equal(File.ReadAllBytes(folder.File("first/" + name)), File.ReadAllBytes(folder.File("second/" + name)));
        }
    }

    [Fact]
    public async Task The_input_is_never_modified()
    {
        // Given
        using var folder = new TempFolder();
        var input = Fixtures.CopyTo(folder, "polyglot.ipynb");
        var before = File.ReadAllBytes(input);
        var modified = File.GetLastWriteTimeUtc(input);

        // When
        await Render(input, new RenderOptions { OutputDirectory = folder.File("out"), AllowErrors = true });

        // Then
        Assert.Equal(before, File.ReadAllBytes(input));
        Assert.Equal(modified, File.GetLastWriteTimeUtc(input));
    }

    [Fact]
    public async Task Rendering_into_the_inputs_own_folder_is_refused_when_it_would_overwrite_it()
    {
        // Given
        using var folder = new TempFolder();
        var input = Fixtures.CopyTo(folder, "polyglot.ipynb");
        var options = new RenderOptions { OutputDirectory = folder.Path };

        // When
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Render(input, options));

        // Then
        Assert.Contains("would overwrite it", error.Message);
        Assert.Equal(["polyglot.ipynb"], folder.Files());
    }

    [Fact]
    public async Task A_failing_cell_is_recorded_and_stops_the_run()
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("fails.dib", "#!csharp\n\nvar a = 1;\n\n#!csharp\n\nthrow new Exception(\"stop here\");\n\n#!csharp\n\na + 1\n");

        // When
        var result = await Render(input, new RenderOptions { OutputDirectory = folder.File("out") });

        // Then
        var cells = result.Run.Notebook.Cells;
        Assert.True(result.Run.Stopped);
        Assert.Equal(1, Assert.Single(result.Run.Failures).CellIndex);
        Assert.Equal("stop here", Assert.IsType<ErrorOutput>(Assert.Single(cells[1].Outputs)).Value);
        Assert.Null(cells[2].ExecutionCount);
        Assert.Empty(cells[2].Outputs);
        Assert.Contains("stop here", File.ReadAllText(folder.File("out/fails.ipynb")));
    }

    [Fact]
    public async Task With_errors_allowed_every_cell_runs()
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("fails.dib", "#!csharp\n\nvar a = 1;\n\n#!csharp\n\nthrow new Exception(\"go on\");\n\n#!csharp\n\na + 1\n");

        // When
        var result = await Render(input, new RenderOptions { OutputDirectory = folder.File("out"), AllowErrors = true });

        // Then
        Assert.False(result.Run.Stopped);
        Assert.Equal("2", Assert.IsType<ExecuteResultOutput>(Assert.Single(result.Run.Notebook.Cells[2].Outputs)).Data.PlainText());
    }

    [Fact]
    public async Task A_cell_past_the_timeout_stops_the_run_even_when_errors_are_allowed()
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("slow.dib", "#!csharp\n\nSystem.Threading.Thread.Sleep(60_000);\n\n#!csharp\n\n1\n");

        // When
        var result = await Render(input, new RenderOptions
        {
            OutputDirectory = folder.File("out"),
            CellTimeout = TimeSpan.FromMilliseconds(200),
            AllowErrors = true,
        });

        // Then
        Assert.True(result.Run.Stopped);
        Assert.Equal(CellStatus.TimedOut, Assert.Single(result.Run.Failures).Result.Status);
        Assert.Null(result.Run.Notebook.Cells[1].ExecutionCount);
    }

    [Fact]
    public async Task Markdown_and_magic_commands_need_no_compiler()
    {
        // Given
        var notebook = DibReader.Parse("#!markdown\n\n# Title\n\n#!csharp\n\n#!usb-throughput --speed high\n", "magic.dib");

        // When
        var needsCompiler = notebook.NeedsCompiler;
        var run = await NotebookRunner.RunAsync(notebook, null, allowErrors: true);

        // Then
        Assert.False(needsCompiler);
        Assert.Equal(CellErrors.MagicCommandError, Assert.IsType<ErrorOutput>(Assert.Single(run.Notebook.Cells[1].Outputs)).Name);
    }
}
