namespace DriverNotebooks.Usb.Tests.Input;

/// <summary>The words of the command line and the field names carried by errors.</summary>
public sealed class UsbNamesTests
{
    [Theory]
    [InlineData("high", UsbSpeed.High)]
    [InlineData("HS", UsbSpeed.High)]
    [InlineData("superplus", UsbSpeed.SuperPlus)]
    [InlineData("super-plus", UsbSpeed.SuperPlus)]
    [InlineData("low", UsbSpeed.Low)]
    public void Speeds_parse_from_cli_words(string text, UsbSpeed speed) => Assert.Equal(speed, UsbNames.ParseSpeed(text));

    [Fact]
    public void Cli_words_round_trip()
    {
        foreach (var t in Enum.GetValues<TransferType>()) Assert.Equal(t, UsbNames.ParseType(UsbNames.ToCliName(t)));
        foreach (var p in Enum.GetValues<PollingPolicy>()) Assert.Equal(p, UsbNames.ParsePolicy(UsbNames.ToCliName(p)));
        foreach (var s in Enum.GetValues<BitStuffing>()) Assert.Equal(s, UsbNames.ParseStuffing(UsbNames.ToCliName(s)));
        Assert.Equal("bus", UsbNames.ToCliName(LimitedBy.Bus));
        Assert.Equal("pipeline", UsbNames.ToCliName(LimitedBy.Pipeline));
    }

    [Fact]
    public void Unknown_words_name_their_field_and_the_allowed_words()
    {
        var ex = Assert.Throws<UsbInputException>(() => UsbNames.ParseStuffing("some"));
        Assert.Equal(UsbInputField.Stuffing, ex.Field);
        Assert.Equal("none or worst", ex.Allowed);
        Assert.Equal(UsbInputField.Policy, Assert.Throws<UsbInputException>(() => UsbNames.ParsePolicy("macos")).Field);
    }

    [Fact]
    public void Field_names_are_unique_camel_case_words() =>
        Assert.All(UsbInputField.All, f => Assert.True(char.IsLower(f[0]) && !f.Contains(' ') && UsbInputField.All.Count(x => x == f) == 1));
}
