using DriverNotebooks.Runner.Execution;
using Microsoft.CodeAnalysis;

namespace DriverNotebooks.Jupyter.Tests.Language;

public sealed class CodeCompletionTests
{
    private static readonly Lazy<Compilation> AfterOneCell = new(() =>
    {
        using var session = new NotebookSession();
        var result = session.ExecuteAsync("var speedMbps = 8.0;\nclass Endpoint { public int MaxPacket; public static Endpoint Default => new(); }", new CollectingOutputSink()).GetAwaiter().GetResult();
        Assert.True(result.Succeeded, result.Error?.Value);
        return session.CurrentCompilation!;
    });

    private static Completions At(string code, Compilation? previous = null) => CodeCompletion.Complete(code, code.Length, previous);

    [Fact]
    public void Members_of_a_type_complete_after_a_dot()
    {
        // When
        var completions = At("Console.WriteL");

        // Then
        Assert.Equal(["WriteLine"], completions.Matches);
        Assert.Equal(("Console.".Length, "Console.WriteL".Length), (completions.Start, completions.End));
    }

    [Fact]
    public void An_instance_shows_its_instance_members_and_extension_methods_but_not_static_ones()
    {
        // When
        var matches = At("var list = new List<int>();\nlist.").Matches;

        // Then
        Assert.Contains("Add", matches);
        Assert.Contains("Count", matches);
        Assert.Contains("Select", matches);
        Assert.DoesNotContain("ReferenceEquals", matches);
    }

    [Fact]
    public void Variables_and_types_of_earlier_cells_are_in_scope()
    {
        // Then
        Assert.Equal(["speedMbps"], At("speedM", AfterOneCell.Value).Matches);
        Assert.Contains("MaxPacket", At("Endpoint.Default.Max", AfterOneCell.Value).Matches);
        Assert.Equal(["Default"], At("Endpoint.Def", AfterOneCell.Value).Matches);
    }

    [Fact]
    public void Names_in_scope_include_display_imported_types_and_keywords()
    {
        // Then
        Assert.Contains("display", At("disp").Matches);
        Assert.Contains("StringBuilder", At("StringBu").Matches);
        Assert.Contains("foreach", At("forea").Matches);
    }

    [Fact]
    public void Namespaces_complete_to_their_namespaces_and_types()
    {
        // When
        var matches = At("System.Collections.Gen").Matches;

        // Then
        Assert.Equal(["Generic"], matches);
    }

    [Theory]
    [InlineData("var s = \"Console.WriteL")]
    [InlineData("// Console.WriteL")]
    public void Nothing_is_offered_inside_a_string_or_a_comment(string code)
    {
        Assert.Empty(At(code).Matches);
    }

    [Fact]
    public void Magic_command_names_complete_from_the_commands_that_exist()
    {
        // When
        var completions = At("#!usb-");

        // Then
        // Then: every USB command, in order, and #!usb-capture among them
        var usb = DriverNotebooks.Commands.NotebookCommandCatalog.All.Select(c => "#!" + c.Definition.Name)
            .Where(n => n.StartsWith("#!usb-", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("#!usb-capture", usb);
        Assert.Equal(usb, completions.Matches);
        Assert.Equal(0, completions.Start);
    }

    [Fact]
    public void Magic_command_options_and_their_allowed_values_complete_from_the_definition()
    {
        // Then
        Assert.Equal(["--speed"], At("#!usb-throughput --spe").Matches);
        Assert.Equal(["full", "high"], At("#!usb-throughput --speed ").Matches.Where(v => v is "full" or "high").Order());
        Assert.Equal(["high"], At("#!usb-throughput --speed hi").Matches);
        Assert.DoesNotContain("--speed", At("#!usb-throughput --speed high --").Matches);
    }

    [Fact]
    public void A_magic_line_above_the_csharp_does_not_move_positions()
    {
        // When
        var completions = At("#!kmdf-patterns\nConsole.WriteL");

        // Then
        Assert.Equal(["WriteLine"], completions.Matches);
        Assert.Equal("#!kmdf-patterns\nConsole.".Length, completions.Start);
    }
}
