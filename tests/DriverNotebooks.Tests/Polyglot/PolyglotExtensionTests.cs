using System.Reflection;
using DriverNotebooks.Commands;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace DriverNotebooks.Tests.Polyglot;

/// <summary>
/// extension.dib runs inside .NET Interactive, which cannot be restored here. These tests compile and
/// run its C# cell against a shim with the engine's public signatures (see Shim/InteractiveApiShim.cs),
/// then check that what it registers agrees with the shared command definitions.
/// </summary>
public class PolyglotExtensionTests
{
    private static readonly Lazy<ScriptState<object>> Loaded = new(LoadExtension);

    [Fact]
    public void The_extension_registers_one_directive_per_magic_command_with_the_shared_options_none_declared_required()
    {
        var described = Evaluate<IReadOnlyList<string>>("Microsoft.DotNet.Interactive.ShimHost.Describe()");

        var expected = MagicCommands.All.Select(c =>
            c.Definition.MagicName + " " + string.Join(" ",
                c.Definition.Options.Select(o => $"{o.Name}|{o.IsFlag}|False|{string.Join(',', o.AllowedValues)}")
                    .Append("--help|True|False|"))).ToList();
        Assert.Equal(expected, described);
    }

    [Fact]
    public void Loading_tells_the_user_which_magic_commands_arrived()
    {
        var transcript = Evaluate<IReadOnlyList<string>>("Microsoft.DotNet.Interactive.ShimHost.LoadTranscript");

        var line = Assert.Single(transcript);
        Assert.StartsWith("text/plain: DriverNotebooks is loaded", line);
        foreach (var command in MagicCommands.All) Assert.Contains(command.Definition.MagicName, line);
    }

    [Fact]
    public void Every_directive_answers_help_through_the_shared_help_text()
    {
        foreach (var command in MagicCommands.All)
        {
            var transcript = Invoke(command.Definition.MagicName, "{ [\"help\"] = true }");

            var line = Assert.Single(transcript);
            Assert.Equal("text/plain: " + HelpText.Render(command.Definition, asMagicCommand: true), line);
        }
    }

    [Fact]
    public void A_directive_bound_by_json_displays_its_card_then_its_chart_as_an_output_of_its_own()
    {
        var transcript = Invoke("#!usb-throughput",
            "{ [\"speed\"] = \"high\", [\"type\"] = \"interrupt\", [\"maxPacket\"] = \"1024\", [\"transfer\"] = \"1024\", [\"pending\"] = \"4\", [\"turnaround\"] = \"100us\", [\"json\"] = false }");

        Assert.Equal(2, transcript.Count);
        Assert.StartsWith("text/html: ", transcript[0]);
        Assert.Contains("Bus-limited at 8.192 MB/s", transcript[0]);
        Assert.DoesNotContain("class=\"drivernb-chart\"", transcript[0]);
        Assert.StartsWith("application/vnd.plotly.v1+json: {\"data\":[", transcript[1]);
        Assert.Contains("\ntext/html: <div class=\"drivernb-chart\"", transcript[1]);
    }

    [Fact]
    public void A_bad_value_fails_the_command_with_the_same_one_line_error_as_the_cli()
    {
        var transcript = Invoke("#!usb-throughput", "{ [\"speed\"] = \"high\", [\"type\"] = \"bulk\", [\"maxPacket\"] = \"1024\" }");

        var line = Assert.Single(transcript);
        Assert.StartsWith("failed: #!usb-throughput: --max-packet 1024: max packet 1024 is not allowed", line);
        Assert.DoesNotContain('\n', line);
    }

    private static IReadOnlyList<string> Invoke(string directive, string parameters) =>
        Evaluate<IReadOnlyList<string>>(
            $"Microsoft.DotNet.Interactive.ShimHost.Invoke(\"{directive}\", new Dictionary<string, object> {parameters})");

    private static T Evaluate<T>(string expression) =>
        (T)Loaded.Value.ContinueWithAsync(expression).GetAwaiter().GetResult().ReturnValue;

    private static ScriptState<object> LoadExtension()
    {
        var shim = CompileShim();
        var options = ScriptOptions.Default
            .AddReferences(MetadataReference.CreateFromFile(shim))
            .AddReferences(typeof(MagicCommands).Assembly, typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly)
            .AddImports("System", "System.Collections.Generic", "System.Linq", "System.Threading.Tasks");
        var state = CSharpScript.RunAsync("Microsoft.DotNet.Interactive.ShimHost.BeginLoad();", options).GetAwaiter().GetResult();
        return state.ContinueWithAsync(ExtensionCell()).GetAwaiter().GetResult();
    }

    /// <summary>The C# cell of extension.dib: everything after its <c>#!csharp</c> line.</summary>
    private static string ExtensionCell()
    {
        var dib = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Polyglot", "extension.dib"));
        var marker = dib.IndexOf("#!csharp", StringComparison.Ordinal);
        Assert.True(marker >= 0, "extension.dib has no #!csharp cell");
        return dib[(marker + "#!csharp".Length)..];
    }

    private static string CompileShim()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Polyglot", "Shim", "InteractiveApiShim.cs"));
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(p => MetadataReference.CreateFromFile(p))
            .Append(MetadataReference.CreateFromFile(typeof(Microsoft.DotNet.Interactive.Formatting.Formatter).Assembly.Location));
        var compilation = CSharpCompilation.Create(
            "Microsoft.DotNet.Interactive",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest))],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var path = Path.Combine(Path.GetTempPath(), $"dn-interactive-shim-{Guid.NewGuid():N}.dll");
        var emitted = compilation.Emit(path);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
