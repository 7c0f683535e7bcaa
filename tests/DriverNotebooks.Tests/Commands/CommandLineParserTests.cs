using DriverNotebooks.Commands;

namespace DriverNotebooks.Tests.Commands;

public class CommandLineParserTests
{
    private static readonly OptionDefinition Speed = new("--speed", "Bus speed.") { AllowedValues = ["low", "full", "high"], Required = true };
    private static readonly OptionDefinition MaxPacket = new("--max-packet", "wMaxPacketSize bits 10..0.") { ValueName = "BYTES", DefaultValue = "64" };
    private static readonly OptionDefinition Pending = new("--pending", "Outstanding requests.") { ValueName = "N" };
    private static readonly OptionDefinition Json = new("--json", "Print JSON.") { IsFlag = true };
    private static readonly OptionDefinition Output = new("--output", "Folder.") { Aliases = ["-o"] };

    private static readonly CommandDefinition Definition = new()
    {
        Name = "probe",
        CliPath = ["probe"],
        Description = "A command for these tests.",
        Options = [Speed, MaxPacket, Pending, Json, Output],
    };

    private static CommandArguments Parse(params string[] tokens) => CommandLineParser.Parse(Definition, tokens).Arguments!;

    private static string Error(params string[] tokens) =>
        Assert.Throws<CommandLineException>(() => CommandLineParser.Parse(Definition, tokens)).Message;

    [Fact]
    public void Values_come_from_separate_words_inline_equals_and_aliases_alike()
    {
        var args = Parse("--speed", "high", "--max-packet=1024", "-o", "out", "--json");

        Assert.Equal("high", args.Value(Speed));
        Assert.Equal("1024", args.Value(MaxPacket));
        Assert.Equal("out", args.Value(Output));
        Assert.True(args.Flag(Json));
    }

    [Fact]
    public void An_absent_option_takes_its_default_and_an_absent_flag_is_false()
    {
        var args = Parse("--speed", "full");

        Assert.Equal("64", args.Value(MaxPacket));
        Assert.False(args.Has(MaxPacket));
        Assert.False(args.Flag(Json));
        Assert.Null(args.Value(Pending));
    }

    [Fact]
    public void Allowed_values_match_case_insensitively_and_come_back_in_their_defined_spelling() =>
        Assert.Equal("high", Parse("--speed", "HIGH").Value(Speed));

    [Fact]
    public void A_negative_number_is_a_value_not_an_option_so_the_binder_can_reject_it_by_name() =>
        Assert.Equal("-1", Parse("--speed", "low", "--pending", "-1").Value(Pending));

    [Fact]
    public void A_value_outside_the_allowed_set_names_the_option_the_value_and_the_choices() =>
        Assert.Equal("--speed 'hig' is not allowed; allowed: low, full or high", Error("--speed", "hig"));

    [Fact]
    public void An_unknown_option_suggests_the_closest_one_and_lists_all()
    {
        var message = Error("--speed", "low", "--max-paket", "8");

        Assert.StartsWith("unknown option '--max-paket' for #!probe; did you mean --max-packet?", message);
        Assert.Contains("allowed: --speed, --max-packet, --pending, --json, --output, --help", message);
    }

    [Fact]
    public void An_option_without_its_value_says_what_value_it_needs() =>
        Assert.Equal("--max-packet needs a value (BYTES): wMaxPacketSize bits 10..0.", Error("--speed", "low", "--max-packet"));

    [Fact]
    public void A_missing_required_option_is_named() =>
        Assert.Equal("--speed is required: Bus speed.", Error("--pending", "2"));

    [Fact]
    public void An_option_given_twice_is_an_error_rather_than_a_silent_override() =>
        Assert.Equal("--speed was given more than once; give it once", Error("--speed", "low", "--speed", "high"));

    [Fact]
    public void A_stray_word_is_rejected_when_the_command_takes_no_arguments() =>
        Assert.StartsWith("unexpected argument 'oops'", Error("--speed", "low", "oops"));

    [Fact]
    public void Help_wins_over_every_other_problem() =>
        Assert.True(CommandLineParser.Parse(Definition, ["--bogus", "--help"]).HelpRequested);

    [Fact]
    public void Every_error_message_is_a_single_line()
    {
        string[][] mistakes = [["--speed"], ["--speed", "x"], ["--nope"], ["--json=maybe", "--speed", "low"], ["--speed", "low", "a", "b"]];
        foreach (var tokens in mistakes) Assert.DoesNotContain('\n', Error(tokens));
    }

    [Fact]
    public void Named_values_from_a_json_binding_host_go_through_the_same_checks()
    {
        var args = CommandLineParser.FromNamedValues(Definition, [new("speed", "high"), new("maxPacket", "512"), new("json", "true")]);

        Assert.Equal("high", args.Value(Speed));
        Assert.Equal("512", args.Value(MaxPacket));
        Assert.True(args.Flag(Json));
        Assert.Throws<CommandLineException>(() => CommandLineParser.FromNamedValues(Definition, [new("speed", "warp")]));
    }

    [Fact]
    public void A_converter_failure_becomes_a_one_line_error_naming_option_and_value()
    {
        var args = Parse("--speed", "low", "--pending", "many");

        var error = Assert.Throws<CommandLineException>(() => args.Convert(Pending, text => int.Parse(text)));

        Assert.StartsWith("--pending 'many': ", error.Message);
    }
}
