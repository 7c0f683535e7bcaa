namespace DriverNotebooks.Jupyter.Tests.Language;

public sealed class CodePointsTests
{
    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("a😀b", 2, 3)]
    [InlineData("a😀b", 3, 4)]
    [InlineData("😀😀", 1, 2)]
    [InlineData("abc", 10, 3)]
    public void Code_points_and_utf16_indices_convert_both_ways(string text, int codePoints, int utf16)
    {
        Assert.Equal(utf16, CodePoints.ToUtf16Index(text, codePoints));
        Assert.Equal(Math.Min(codePoints, text.EnumerateRunes().Count()), CodePoints.FromUtf16Index(text, utf16));
    }
}
