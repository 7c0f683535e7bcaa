using DriverNotebooks.Commands;

namespace DriverNotebooks.Tests.Commands;

public class CommandLineTokenizerTests
{
    [Theory]
    [InlineData("--speed high  --type bulk", new[] { "--speed", "high", "--type", "bulk" })]
    [InlineData("--scenario \"blog bug\" --fail 'DriverEntry.Allocate(g)'", new[] { "--scenario", "blog bug", "--fail", "DriverEntry.Allocate(g)" })]
    [InlineData("--turnaround p50=80us,p99=600us", new[] { "--turnaround", "p50=80us,p99=600us" })]
    [InlineData("--title \"say \\\"hi\\\"\"", new[] { "--title", "say \"hi\"" })]
    [InlineData("--empty \"\"", new[] { "--empty", "" })]
    public void Words_split_on_white_space_and_quotes_keep_spaces(string line, string[] expected) =>
        Assert.Equal(expected, CommandLineTokenizer.Split(line));

    [Fact]
    public void An_unclosed_quote_is_a_user_error() =>
        Assert.Contains("unclosed \" quote", Assert.Throws<CommandLineException>(() => CommandLineTokenizer.Split("--title \"oops")).Message);
}
