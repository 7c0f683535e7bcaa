namespace DriverNotebooks.Jupyter.Tests.Language;

public sealed class CodeInspectionTests
{
    [Fact]
    public void A_method_group_shows_its_overloads()
    {
        // When
        var text = CodeInspection.Inspect("Math.Max", 7, previous: null);

        // Then
        Assert.NotNull(text);
        Assert.Contains("int Math.Max(int val1, int val2)", text);
        Assert.Contains("double Math.Max(double val1, double val2)", text);
    }

    [Fact]
    public void A_local_shows_its_type()
    {
        Assert.Equal("int count", CodeInspection.Inspect("var count = 3;\ncount", "var count = 3;\ncou".Length, previous: null));
    }

    [Fact]
    public void A_magic_command_shows_its_help()
    {
        // When
        var text = CodeInspection.Inspect("#!usb-throughput --speed high", 5, previous: null);

        // Then
        Assert.NotNull(text);
        Assert.Contains("--max-packet", text);
    }

    [Fact]
    public void Nothing_is_found_on_white_space_or_an_unknown_name()
    {
        Assert.Null(CodeInspection.Inspect("   ", 1, previous: null));
        Assert.Null(CodeInspection.Inspect("noSuchName", 3, previous: null));
    }
}
