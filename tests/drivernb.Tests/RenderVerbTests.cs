using System.Diagnostics;

namespace DriverNotebooks.Cli.Tests;

/// <summary>The render verb changes the process's current folder while cells run, so these tests run alone.</summary>
[CollectionDefinition(nameof(RenderVerbTests), DisableParallelization = true)]
public sealed class RenderVerbCollection;

[Collection(nameof(RenderVerbTests))]
public sealed class RenderVerbTests
{
    private const string Passing = "#!markdown\n\n# Passing\n\n#!csharp\n\nvar a = 20;\n\n#!csharp\n\na + 1\n";
    private const string Failing = "#!csharp\n\nvar a = 1;\n\n#!csharp\n\nthrow new InvalidOperationException(\"broken cell\");\n\n#!csharp\n\na\n";

    [Fact]
    public async Task Rendering_a_folder_writes_a_notebook_and_a_handout_for_each_and_exits_0()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("notebooks/one.dib", Passing);
        folder.Write("notebooks/two.dib", Passing.Replace("Passing", "Second"));

        // When
        var result = await CliTester.Run("render", folder.File("notebooks"), "-o", folder.File("out"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            ["notebooks/one.dib", "notebooks/two.dib", "out/one.html", "out/one.ipynb", "out/two.html", "out/two.ipynb"],
            folder.Files());
        Assert.Contains("2 notebooks: 2 rendered, 0 failed", result.Output);
        Assert.Contains("rendered  " + folder.File("notebooks/one.dib"), result.Output);
    }

    [Fact]
    public async Task Cells_run_in_their_notebooks_folder_and_relative_paths_keep_their_meaning()
    {
        // Given: a notebook named by a relative path, reading a file and showing an image beside it
        using var folder = new TempFolder();
        folder.Write("nb/data.txt", "from beside the notebook");
        File.WriteAllBytes(folder.File("nb/dot.png"), [0x89, 0x50, 0x4E, 0x47]);
        folder.Write("nb/relative.dib", "#!markdown\n\n![dot](dot.png)\n\n#!csharp\n\nSystem.IO.File.ReadAllText(\"data.txt\")\n");
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, folder.File("nb/relative.dib"));
        var before = Environment.CurrentDirectory;

        // When
        var result = await CliTester.Run("render", relative, "-o", folder.File("out"));

        // Then
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal(before, Environment.CurrentDirectory);
        Assert.Contains("from beside the notebook", File.ReadAllText(folder.File("out/relative.ipynb")));
        Assert.Contains("src=\"data:image/png;base64,", File.ReadAllText(folder.File("out/relative.html")));
    }

    [Fact]
    public async Task A_failing_cell_is_recorded_and_the_run_exits_1()
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("fails.dib", Failing);

        // When
        var result = await CliTester.Run("render", input, "-o", folder.File("out"));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cell 2: broken cell", result.Error);
        Assert.Contains("later cells did not run", result.Error);
        Assert.Contains("broken cell", File.ReadAllText(folder.File("out/fails.ipynb")));
        Assert.DoesNotContain("   at ", result.Error);
    }

    [Fact]
    public async Task With_allow_errors_a_failing_cell_still_exits_0()
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("fails.dib", Failing);

        // When
        var result = await CliTester.Run("render", input, "-o", folder.File("out"), "--allow-errors");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("1 failed", result.Output);
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("empty")]
    [InlineData("README.md")]
    [InlineData("notes.txt")]
    public async Task A_missing_path_an_empty_folder_or_a_non_notebook_is_a_one_line_error_with_exit_code_2(string which)
    {
        // Given
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("empty"));
        folder.Write("notes.txt", "not a notebook");

        // When
        var result = await CliTester.Run("render", folder.File(which), "-o", folder.File("out"));

        // Then: README.md says what it is (an unsupported extension), whether or not it exists
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("drivernb render: '" + folder.File(which) + "' ", result.Error);
        if (Path.HasExtension(which)) Assert.EndsWith($"is not a notebook: unsupported extension '{Path.GetExtension(which)}'; allowed: a .dib or .ipynb file, or a folder of them\n", result.Error);
        Assert.Single(result.Error.TrimEnd('\n').Split('\n'));
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [SkippableFact]
    public async Task A_notebook_that_never_ends_is_refused_after_a_bounded_read_and_nothing_is_written()
    {
        // Given: a .dib that is /dev/zero (its length reads as 0, its bytes never end)
        Skip.IfNot(File.Exists("/dev/zero"), "needs /dev/zero");
        using var folder = new TempFolder();
        var endless = folder.File("endless.dib");
        File.CreateSymbolicLink(endless, "/dev/zero");

        // When
        var result = await CliTester.Run("render", endless, "-o", folder.File("out"));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"drivernb render: {endless}: larger than 64 MiB; allowed: a notebook file of at most 64 MiB (BoundedFile.MaxNotebookBytes)\n", result.Error);
        Assert.False(Directory.Exists(folder.File("out")));
    }

    [Fact]
    public async Task One_bad_notebook_does_not_sink_the_folder_each_is_reported_in_one_line_and_the_others_are_written()
    {
        // Given: a good notebook beside a malformed one, one whose cell calls Environment.Exit and one that overflows the stack
        using var folder = new TempFolder();
        folder.Write("in/good.dib", Passing);
        var malformed = folder.Write("in/malformed.ipynb", "{\n  \"cells\": [\n    {\"cell_type\": \"code\",}\n  ]\n}\n");
        var exits = folder.Write("in/exits.dib", "#!csharp\n\nEnvironment.Exit(3);\n");
        var overflows = folder.Write("in/overflows.dib", "#!csharp\n\nint Deeper(int n) => Deeper(n + 1) + 1;\nDeeper(0)\n");

        // When
        var result = await CliTester.Run("render", folder.File("in"), "-o", folder.File("out"));

        // Then: the good one is written, each bad one named in one line, no stack frames, exit 1
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["good.html", "good.ipynb"], Directory.EnumerateFiles(folder.File("out")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var errors = result.Error.TrimEnd('\n').Split('\n');
        Assert.Equal(3, errors.Length);
        Assert.Contains(errors, l => l.StartsWith($"failed    {exits}: its drivernb process ended with exit code 3 before finishing", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith($"failed    {overflows}: its drivernb process ended with exit code 134 before finishing (Stack overflow.)", StringComparison.Ordinal));
        Assert.Contains(errors, l => l.StartsWith($"drivernb render: {malformed}:3:", StringComparison.Ordinal));
        Assert.DoesNotContain("   at ", result.Error);
        Assert.EndsWith("4 notebooks: 1 rendered, 3 failed\n", result.Output);
    }

    [Theory]
    [InlineData("--timeout", "soon", "--timeout 'soon': expected a positive duration such as 30s, 500ms or 2m")]
    [InlineData("--timeout", "5 parsecs", "--timeout '5 parsecs': unknown unit 'parsecs'; expected ms, s, m or h (e.g. 30s)")]
    [InlineData("--timeout", "1e12s", "--timeout '1e12s': out of range; allowed: more than 0 up to 24h (a day)")]
    [InlineData("--timeout", "1000000000000s", "--timeout '1000000000000s': out of range; allowed: more than 0 up to 24h (a day)")]
    [InlineData("--paper", "a3", "--paper 'a3' is not allowed; allowed: a4 or letter")]
    [InlineData("-o", "", "--output '': empty; allowed: a folder path (created when missing), e.g. handouts")]
    // {dir} is the test's folder: the output folder is checked before any cell runs.
    [InlineData("-o", "{dir}/taken", "--output '{dir}/taken' is a file; allowed: a folder (created when missing)")]
    [InlineData("-o", "{dir}/taken/sub", "--output '{dir}/taken/sub': {dir}/taken is a file, so the folder cannot be made; allowed: a folder (created when missing)")]
    [InlineData("-o", "{dir}/with-folder", "--output '{dir}/with-folder': {dir}/with-folder/ok.html is a folder, so the output cannot be written there; allowed: a folder where NAME.ipynb and NAME.html are files or missing")]
    public async Task A_bad_option_value_is_a_one_line_error_with_exit_code_2(string option, string value, string message)
    {
        // Given
        using var folder = new TempFolder();
        var input = folder.Write("ok.dib", Passing);
        folder.Write("taken", "a file");
        Directory.CreateDirectory(folder.File("with-folder/ok.html"));

        // When
        var result = await CliTester.Run("render", input, option, value.Replace("{dir}", folder.Path, StringComparison.Ordinal));

        // Then: nothing ran and nothing was written
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"drivernb render: {message.Replace("{dir}", folder.Path, StringComparison.Ordinal)}\n", result.Error);
        Assert.Equal("", result.Output);
        Assert.Equal(["ok.dib", "taken"], folder.Files());
    }

    [Fact]
    public async Task Help_lists_the_options()
    {
        // When
        var result = await CliTester.Run("render", "--help");

        // Then
        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[] { "--output", "--timeout", "--allow-errors", "--pdf", "--paper" }) Assert.Contains(option, result.Output);
        Assert.Contains("Usage: drivernb render PATH...", result.Output);
    }

    [Fact]
    public async Task Output_is_plain_lines_when_not_on_a_terminal()
    {
        // Given
        using var folder = new TempFolder();
        folder.Write("nb/a.dib", Passing);
        folder.Write("nb/b.dib", Passing);

        // When
        var result = await CliTester.Run("render", folder.File("nb"), "-o", folder.File("out"));

        // Then: no escape sequences or progress-bar characters, one line per notebook plus the summary
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.Equal(3, result.Output.TrimEnd('\n').Split('\n').Length);
    }

    [Fact]
    public async Task A_spinning_cell_times_out_and_the_process_still_exits()
    {
        // Given: a cell that never ends and never looks at its cancellation token
        using var folder = new TempFolder();
        var input = folder.Write("spin.dib", "#!csharp\n\nConsole.WriteLine(\"spinning\");\nwhile (true) { }\n\n#!csharp\n\n1\n");
        var start = DrivernbProcess.StartInfo(["render", input, "-o", folder.File("out"), "--timeout", "500ms"]);

        // When
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExit(TimeSpan.FromMinutes(2));
        if (!exited) process.Kill(entireProcessTree: true);

        // Then
        Assert.True(exited, "drivernb kept running after the cell timed out");
        Assert.Equal(1, process.ExitCode);
        Assert.Contains("did not finish within 500ms", await error);
        Assert.Contains("spinning", File.ReadAllText(folder.File("out/spin.ipynb")));
        _ = await output;
    }
}
