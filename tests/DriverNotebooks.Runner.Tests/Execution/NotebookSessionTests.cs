using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Execution;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Execution;

public sealed class NotebookSessionTests
{
    [Fact]
    public async Task Variables_carry_from_cell_to_cell()
    {
        // Given
        using var cells = new SessionHarness();
        await cells.Run("var depth = 4;");

        // When
        var (result, outputs) = await cells.Run("depth * 2");

        // Then
        Assert.True(result.Succeeded);
        var value = Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs));
        Assert.Equal("8", value.Data.PlainText());
        Assert.Equal(2, value.ExecutionCount);
    }

    [Fact]
    public async Task A_cell_that_silences_the_console_does_not_silence_later_cells()
    {
        // Given
        using var cells = new SessionHarness();
        await cells.Run("Console.SetOut(System.IO.TextWriter.Null); Console.SetError(System.IO.TextWriter.Null);");

        // When
        var (result, outputs) = await cells.Run("Console.WriteLine(\"still heard\"); Console.Error.WriteLine(\"also heard\");");

        // Then
        Assert.True(result.Succeeded);
        Assert.Contains(outputs.OfType<StreamOutput>(), o => o.Name == StreamOutput.Stdout && o.Text.Contains("still heard", StringComparison.Ordinal));
        Assert.Contains(outputs.OfType<StreamOutput>(), o => o.Name == StreamOutput.Stderr && o.Text.Contains("also heard", StringComparison.Ordinal));
    }

    [Fact]
    public void The_shared_references_are_files_resolved_once_so_every_cell_reuses_their_metadata()
    {
        // A reference left by name is resolved again for every submission, to a new object whose metadata is read again.
        var references = ScriptEnvironment.Options.MetadataReferences;

        Assert.All(references, reference =>
        {
            var file = Assert.IsAssignableFrom<Microsoft.CodeAnalysis.PortableExecutableReference>(reference);
            Assert.True(File.Exists(file.FilePath), $"{reference.Display} is not a file");
        });
        foreach (var name in ScriptEnvironment.FrameworkAssemblyNames)
        {
            Assert.Contains(references, r => Path.GetFileNameWithoutExtension(((Microsoft.CodeAnalysis.PortableExecutableReference)r).FilePath) == name);
        }
    }

    [Fact]
    public async Task A_cell_after_the_first_inherits_the_references_instead_of_adding_them_again()
    {
        // Given
        using var cells = new SessionHarness();
        await cells.Run("var first = new List<int> { 1 };");
        var firstAssemblies = cells.Session.CurrentCompilation!.ReferencedAssemblyNames.Select(a => a.Name).Order().ToList();

        // When
        await cells.Run("var second = first.Sum();");
        var (result, outputs) = await cells.Run("System.Text.Json.JsonSerializer.Serialize(second)");

        // Then
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("1", Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs)).Data.PlainText());
        var last = cells.Session.CurrentCompilation!;
        Assert.Empty(last.ExternalReferences);
        Assert.Equal(firstAssemblies, last.ReferencedAssemblyNames.Select(a => a.Name).Order().ToList());
    }

    [Fact]
    public async Task An_assembly_referenced_with_r_in_one_cell_is_seen_by_the_cells_after_it()
    {
        // Given
        using var cells = new SessionHarness();
        var assembly = typeof(NotebookSessionTests).Assembly;
        var (referenced, _) = await cells.Run($"#r \"{assembly.Location}\"\nvar n = 1;");
        await cells.Run("var m = n + 1;");

        // When
        var (result, outputs) = await cells.Run($"typeof({typeof(NotebookSessionTests).FullName}).Name + m");

        // Then
        Assert.True(referenced.Succeeded, referenced.Error?.Value);
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal(nameof(NotebookSessionTests) + "2", Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs)).Data.PlainText());
    }

    [Fact]
    public async Task State_survives_a_cell_that_throws()
    {
        // Given
        using var cells = new SessionHarness();
        var (failed, outputs) = await cells.Run("var kept = 41;\nthrow new InvalidOperationException(\"boom\");");

        // When
        var (result, after) = await cells.Run("kept + 1");

        // Then
        Assert.Equal(CellStatus.Failed, failed.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal("System.InvalidOperationException", error.Name);
        Assert.Equal("boom", error.Value);
        Assert.StartsWith("System.InvalidOperationException: boom", error.Traceback[0]);
        Assert.DoesNotContain(error.Traceback, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.True(result.Succeeded);
        Assert.Equal("42", Assert.IsType<ExecuteResultOutput>(Assert.Single(after)).Data.PlainText());
    }

    [Fact]
    public async Task A_trailing_expression_is_the_result_and_display_calls_are_display_data()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (_, outputs) = await cells.Run("display(\"first\");\n\"second\".Display();\n\"third\"");

        // Then
        Assert.Collection(outputs,
            o => Assert.Equal("first", Assert.IsType<DisplayDataOutput>(o).Data.PlainText()),
            o => Assert.Equal("second", Assert.IsType<DisplayDataOutput>(o).Data.PlainText()),
            o => Assert.Equal("third", Assert.IsType<ExecuteResultOutput>(o).Data.PlainText()));
    }

    [Fact]
    public async Task Displayed_values_go_through_the_notebook_formatters()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (_, outputs) = await cells.Run("new { Speed = \"high\" }.Display();");

        // Then
        var display = Assert.IsType<DisplayDataOutput>(Assert.Single(outputs));
        Assert.Equal(["text/html", "text/plain"], display.Data.Select(d => d.MimeType));
        Assert.Contains("high", display.Data.Html());
    }

    [Fact]
    public async Task A_statement_or_a_void_call_at_the_end_gives_no_result_but_null_does()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (_, statement) = await cells.Run("var a = 1;");
        var (_, voidCall) = await cells.Run("Console.Out.Flush()");
        var (_, nullValue) = await cells.Run("(string?)null");

        // Then
        Assert.Empty(statement);
        Assert.Empty(voidCall);
        Assert.Equal("<null>", Assert.IsType<ExecuteResultOutput>(Assert.Single(nullValue)).Data.PlainText());
    }

    [Fact]
    public async Task Console_output_is_captured_as_streams_in_order()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (_, outputs) = await cells.Run("""
            Console.WriteLine("one");
            Console.Write("two ");
            Console.WriteLine("three");
            Console.Error.WriteLine("warning");
            display(4);
            Console.Write("tail");
            """);

        // Then
        Assert.Collection(outputs,
            o => Assert.Equal(new StreamOutput("stdout", "one\ntwo three\n"), o),
            o => Assert.Equal(new StreamOutput("stderr", "warning\n"), o),
            o => Assert.Equal("4", Assert.IsType<DisplayDataOutput>(o).Data.PlainText()),
            o => Assert.Equal(new StreamOutput("stdout", "tail"), o));
    }

    [Fact]
    public async Task A_cell_keeps_ten_million_characters_of_console_text_then_one_truncation_note_and_its_later_outputs()
    {
        // Given
        using var cells = new SessionHarness();

        // When: 12 million characters in lines of 100, then a displayed value
        var (result, outputs) = await cells.Run("""
            var line = new string('x', 99);
            for (var i = 0; i < 120_000; i++) Console.WriteLine(line);
            Console.Error.WriteLine("never kept");
            display(4);
            """);

        // Then
        Assert.True(result.Succeeded);
        var stream = Assert.IsType<StreamOutput>(outputs[0]);
        Assert.Equal(CellOutputLimits.StreamCharacters + CellOutputLimits.TruncationNote.Length, stream.Text.Length);
        Assert.EndsWith(CellOutputLimits.TruncationNote, stream.Text);
        Assert.Equal(CellOutputLimits.StreamCharacters / 100, stream.Text.Count(c => c == '\n') - 2);
        Assert.Equal("4", Assert.IsType<DisplayDataOutput>(Assert.Single(outputs.Skip(1))).Data.PlainText());
    }

    [Fact]
    public async Task A_reference_to_another_nuget_package_is_an_error_naming_it()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (result, outputs) = await cells.Run("#r \"nuget: Newtonsoft.Json, 13.0.3\"\nvar x = 1;");

        // Then
        Assert.Equal(CellStatus.Failed, result.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal(CellErrors.UnsupportedPackageError, error.Name);
        Assert.Contains("'Newtonsoft.Json'", error.Value);
        Assert.DoesNotContain('\n', error.Value);
    }

    [Fact]
    public async Task Our_own_package_and_package_sources_are_understood_and_skipped()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (result, outputs) = await cells.Run("#i \"nuget: /tmp/feed\"\n#r \"nuget: DriverNotebooks, 0.1.0\"\nusing DriverNotebooks.Charts;\nChartHtml.ChartClass");

        // Then
        Assert.True(result.Succeeded, result.Error?.Value);
        Assert.Equal("drivernb-chart", Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs)).Data.PlainText());
    }

    [Fact]
    public async Task Compile_errors_give_positions_in_the_cell()
    {
        // Given: the directive lines above the code count as lines of the cell
        using var cells = new SessionHarness();

        // When
        var (result, outputs) = await cells.Run("#r \"nuget: DriverNotebooks\"\nvar a = 1;\nvar b = a +\n    missing;");

        // Then
        Assert.Equal(CellStatus.Failed, result.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal(CellErrors.CompilationError, error.Name);
        Assert.Equal("(4,5): error CS0103: The name 'missing' does not exist in the current context", error.Value);
        Assert.Equal([error.Value], error.Traceback);
    }

    [Fact]
    public async Task A_cell_that_does_not_compile_leaves_earlier_state_alone()
    {
        // Given
        using var cells = new SessionHarness();
        await cells.Run("var total = 10;");
        await cells.Run("total = ;");

        // When
        var (_, outputs) = await cells.Run("total");

        // Then
        Assert.Equal("10", Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs)).Data.PlainText());
    }

    [Fact]
    public async Task An_unknown_magic_command_fails_the_cell_with_one_line_and_the_code_does_not_run()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (result, outputs) = await cells.Run("#!no-such-command --speed high\nConsole.WriteLine(\"ran\");");

        // Then
        Assert.Equal(CellStatus.Failed, result.Status);
        var error = Assert.IsType<ErrorOutput>(Assert.Single(outputs));
        Assert.Equal(CellErrors.MagicCommandError, error.Name);
        Assert.Contains("#!no-such-command", error.Value);
        Assert.DoesNotContain('\n', error.Value);
    }

    [Fact]
    public void Magic_command_lines_are_not_compiled_as_csharp()
    {
        // Given
        var source = CellSource.Parse("#!usb-throughput --speed high\n// note\nvar x = 1;", "csharp", KernelInfo.Default);

        // Then
        Assert.Equal([new MagicLine(1, "#!usb-throughput --speed high")], source.MagicLines);
        Assert.Equal("\n// note\nvar x = 1;", source.Code);
        Assert.True(CellSource.HasCSharp("#!usb-throughput\nvar x = 1;"));
        Assert.False(CellSource.HasCSharp("#!usb-throughput --speed high\n\n"));
    }

    [Fact]
    public async Task A_cell_of_another_language_fails_naming_the_language()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (fsharp, fsharpOutputs) = await cells.Run("let x = 1", "fsharp");
        var (selected, selectedOutputs) = await cells.Run("#!pwsh\nGet-Date");

        // Then
        Assert.Equal(CellStatus.Failed, fsharp.Status);
        Assert.Equal("this cell is F# (kernel 'fsharp'); drivernb runs C# cells only", Assert.IsType<ErrorOutput>(Assert.Single(fsharpOutputs)).Value);
        Assert.Equal(CellStatus.Failed, selected.Status);
        Assert.Contains("PowerShell", Assert.IsType<ErrorOutput>(Assert.Single(selectedOutputs)).Value);
    }

    [Fact]
    public async Task Execution_counts_rise_with_every_cell_run()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var first = await cells.Run("1");
        var failed = await cells.Run("throw new Exception();");
        var third = await cells.Run("3");

        // Then
        Assert.Equal([1, 2, 3], new[] { first.Result.ExecutionCount, failed.Result.ExecutionCount, third.Result.ExecutionCount });
        Assert.Equal(3, cells.Session.ExecutionCount);
    }

    [Fact]
    public async Task A_cell_past_its_timeout_is_reported_and_the_session_goes_on()
    {
        // Given: a cell that would block for a minute
        using var cells = new SessionHarness(new SessionOptions { CellTimeout = TimeSpan.FromSeconds(2) });
        await cells.Run("var before = 5;");

        // When
        var (result, outputs) = await cells.Run("Console.WriteLine(\"started\");\nSystem.Threading.Thread.Sleep(60_000);");
        var (_, after) = await cells.Run("before");

        // Then
        Assert.Equal(CellStatus.TimedOut, result.Status);
        Assert.Collection(outputs,
            o => Assert.Equal(new StreamOutput("stdout", "started\n"), o),
            o => Assert.Equal("the cell did not finish within 2s (the cell timeout); it was abandoned", Assert.IsType<ErrorOutput>(o).Value));
        Assert.Equal("5", Assert.IsType<ExecuteResultOutput>(Assert.Single(after)).Data.PlainText());
    }

    [Fact]
    public async Task Cancelling_interrupts_a_cell_that_watches_its_token()
    {
        // Given
        using var cells = new SessionHarness();
        using var cancellation = new CancellationTokenSource();
        var sink = new CollectingOutputSink();
        var running = cells.Session.ExecuteAsync(
            "Console.WriteLine(\"waiting\");\nawait Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);", sink, cancellation.Token);

        // When
        while (sink.Outputs.Count == 0) await Task.Delay(10);
        cancellation.Cancel();
        var result = await running;

        // Then
        Assert.True(CellStatus.Cancelled == result.Status, $"{result.Status}: {result.Error}");
        Assert.Equal(CellErrors.Interrupted().Value, Assert.IsType<ErrorOutput>(sink.Outputs[^1]).Value);
    }

    [Fact]
    public async Task Interrupting_a_cell_that_ignores_its_token_abandons_it_says_it_runs_on_and_frees_the_session()
    {
        // Given: a cell blocked for a minute that never looks at its token
        using var cells = new SessionHarness();
        await cells.Run("var kept = 7;");
        var sink = new CollectingOutputSink();
        var running = cells.Session.ExecuteAsync("Console.WriteLine(\"blocking\");\nSystem.Threading.Thread.Sleep(60_000);", sink);

        // When
        while (sink.Outputs.Count == 0) await Task.Delay(10);
        cells.Session.Interrupt();
        var result = await running;
        var (_, after) = await cells.Run("kept");

        // Then
        Assert.Equal(CellStatus.Cancelled, result.Status);
        Assert.Equal(CellErrors.InterruptedButRunning(NotebookSession.InterruptGrace).Value, Assert.IsType<ErrorOutput>(sink.Outputs[^1]).Value);
        Assert.Equal("7", Assert.IsType<ExecuteResultOutput>(Assert.Single(after)).Data.PlainText());
    }

    [Theory]
    [InlineData("var x = 1;", true)]
    [InlineData("if (true) {", false)]
    [InlineData("var s = \"unclosed", false)]
    [InlineData("#!usb-throughput --speed high", true)]
    [InlineData("Enumerable.Range(1, 3)\n    .Select(i =>", false)]
    public void IsComplete_says_whether_more_input_is_expected(string code, bool complete) =>
        Assert.Equal(complete, NotebookSession.IsComplete(code));

    [Fact]
    public async Task Cells_can_use_the_notebook_layer_and_draw_charts()
    {
        // Given
        using var cells = new SessionHarness();

        // When
        var (result, outputs) = await cells.Run("""
            using DriverNotebooks.Charts;
            var trace = new Plotly.NET.Trace2D("scatter");
            trace.SetProperty("x", new[] { 1, 2 });
            trace.SetProperty("y", new[] { 3, 4 });
            Plotly.NET.GenericChart.ofTraceObject(true, trace)
            """);

        // Then
        Assert.True(result.Succeeded, result.Error?.Value);
        var html = Assert.IsType<ExecuteResultOutput>(Assert.Single(outputs)).Data.Html()!;
        Assert.True(DriverNotebooks.Charts.ChartHtml.ContainsChart(html));
        Assert.False(DriverNotebooks.Charts.ChartHtml.ContainsLibrary(html), "the session's chart document leaves plotly.js to the writer");
    }
}
