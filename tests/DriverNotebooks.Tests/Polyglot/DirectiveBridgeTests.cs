using System.Text.Json;
using DriverNotebooks.Commands;
using DriverNotebooks.Formatting;
using DriverNotebooks.Polyglot;

namespace DriverNotebooks.Tests.Polyglot;

/// <summary>
/// The engine-free half of the Polyglot extension: what it declares to .NET Interactive and how it runs an
/// invocation. The compiled glue that hands these to the engine (<see cref="PolyglotExtension"/>) is tested
/// in the real engine (<c>RealEngine/RealEngineTests</c>).
/// </summary>
public class DirectiveBridgeTests
{
    [Fact]
    public void There_is_one_directive_per_magic_command_with_the_shared_options_and_help_none_required()
    {
        var expected = MagicCommands.All.Select(c =>
            c.Definition.MagicName + " " + string.Join(" ",
                c.Definition.Options.Select(o => $"{o.Name}|{o.IsFlag}|{string.Join(',', o.AllowedValues)}")
                    .Concat(c.Definition.Arguments.Select(a => $"--{a.Name.ToLowerInvariant()}|False|"))
                    .Append("--help|True|")));

        var declared = DirectiveBridge.Directives.Select(d =>
            d.Name + " " + string.Join(" ", d.Parameters.Select(p => $"{p.Name}|{p.Flag}|{string.Join(',', p.AllowedValues)}")));

        Assert.Equal(expected, declared);
    }

    [Fact]
    public void Help_bound_as_a_flag_answers_with_the_shared_help_text()
    {
        foreach (var command in MagicCommands.All)
        {
            var result = DirectiveBridge.Run(Bound(command.Definition.MagicName, ("help", "true")));

            Assert.True(result.Succeeded);
            Assert.Equal(HelpText.Render(command.Definition, asMagicCommand: true), Assert.Single(result.Values));
        }
    }

    [Fact]
    public void Bound_values_run_the_shared_command_whose_card_and_chart_become_separate_outputs()
    {
        var result = DirectiveBridge.Run(Bound("#!usb-throughput",
            ("speed", "\"high\""), ("type", "\"interrupt\""), ("maxPacket", "\"1024\""), ("transfer", "\"1024\""), ("pending", "\"4\""), ("turnaround", "\"100us\""), ("json", "false")));

        Assert.True(result.Succeeded, result.Error);
        var outputs = DirectiveBridge.Outputs(Assert.Single(result.Values));
        Assert.Equal(2, outputs.Count);
        Assert.Contains("Device-limited at 8.192 MB/s", outputs[0].Single(o => o.MimeType == FormattedOutput.Html).Text);
        Assert.Equal(["application/vnd.plotly.v1+json", FormattedOutput.Html, FormattedOutput.PlainText], outputs[1].Select(o => o.MimeType));
    }

    [Fact]
    public void A_positional_file_bound_by_its_parameter_name_reaches_the_command_as_the_argument()
    {
        var path = DriverNotebooks.TestSupport.Repository.PathOf("tests", "DriverNotebooks.Usb.Tests", "TestData", "Descriptors", "cyrozap__geniatech-tv-tuner-re__MyGica-A681B-descriptor.txt");
        var result = DirectiveBridge.Run(Bound("#!usb-descriptors", ("file", JsonSerializer.Serialize(path))));

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains("1f4d:692f", DirectiveBridge.Outputs(Assert.Single(result.Values))[0].Single(o => o.MimeType == FormattedOutput.PlainText).Text);
    }

    [Fact]
    public void A_bad_bound_value_fails_with_the_same_one_line_error_as_the_cli()
    {
        var result = DirectiveBridge.Run(Bound("#!usb-throughput", ("speed", "\"high\""), ("type", "\"bulk\""), ("maxPacket", "\"1024\"")));

        Assert.False(result.Succeeded);
        Assert.StartsWith("#!usb-throughput: --max-packet 1024: max packet 1024 is not allowed", result.Error);
        Assert.DoesNotContain('\n', result.Error!);
    }

    [Fact]
    public void The_directives_own_text_wins_over_bound_values_so_repeated_options_keep_every_value()
    {
        var result = DirectiveBridge.Run(
            "#!usb-sweep --speed high --type interrupt --max-packet 1024 --turnaround 100us --turnaround 400us --seeds 1 --duration 20ms --json",
            Bound("#!usb-sweep", ("speed", "\"high\"")));

        Assert.True(result.Succeeded, result.Error);
        var json = Assert.IsType<string>(Assert.Single(result.Values));
        Assert.Contains("400", json);
    }

    private static Dictionary<string, JsonElement> Bound(string directive, params (string Name, string Json)[] values)
    {
        var bound = values.ToDictionary(v => v.Name, v => JsonDocument.Parse(v.Json).RootElement.Clone());
        bound[DirectiveBridge.InvokedDirectiveKey] = JsonDocument.Parse(JsonSerializer.Serialize(directive)).RootElement.Clone();
        return bound;
    }
}
