namespace DriverNotebooks.Usb.Tests.Quantities;

using Q = DriverNotebooks.Usb.Quantities;

/// <summary>Units a user types: durations, rates and byte counts; and how they are printed.</summary>
public sealed class QuantitiesTests
{
    [Theory]
    [InlineData("300us", 300_000_000)]
    [InlineData("0.3ms", 300_000_000)]
    [InlineData("300 µs", 300_000_000)]
    [InlineData("300μs", 300_000_000)]
    [InlineData("1.5ns", 1_500)]
    [InlineData("2.083 ns", 2_083)]
    [InlineData("2s", 2_000_000_000_000)]
    [InlineData("1e-4s", 100_000_000)]
    [InlineData("0", 0)]
    public void Durations_parse_to_exact_picoseconds(string text, long picoseconds) =>
        Assert.Equal(picoseconds, Q.ParseDuration(text).Picoseconds);

    [Theory]
    [InlineData("100")]
    [InlineData("100xs")]
    [InlineData("-5us")]
    [InlineData("us")]
    [InlineData("")]
    public void Bad_durations_are_refused_naming_the_field(string text)
    {
        var ex = Assert.Throws<UsbInputException>(() => Q.ParseDuration(text));
        Assert.Equal(UsbInputField.Turnaround, ex.Field);
        Assert.Equal(text, ex.Value);
        Assert.Contains("ns, us", ex.Allowed);
        Assert.False(Q.TryParseDuration(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }

    [Theory]
    [InlineData("8MB/s", 8_000_000)]
    [InlineData("8.192 MB/s", 8_192_000)]
    [InlineData("40kB/s", 40_000)]
    [InlineData("1GB/s", 1_000_000_000)]
    [InlineData("8MiB/s", 8_388_608)]
    [InlineData("2KiB/s", 2_048)]
    [InlineData("5000B/s", 5_000)]
    [InlineData("5000", 5_000)]
    public void Rates_parse_with_decimal_and_binary_prefixes(string text, double bytesPerSecond) =>
        Assert.Equal(bytesPerSecond, Q.ParseRate(text));

    [Theory]
    [InlineData("8Mb/s")]
    [InlineData("8MB")]
    [InlineData("0MB/s")]
    [InlineData("fast")]
    public void Bad_rates_are_refused_naming_the_field(string text) =>
        Assert.Equal(UsbInputField.BulkRate, Assert.Throws<UsbInputException>(() => Q.ParseRate(text)).Field);

    [Theory]
    [InlineData("1024", 1024)]
    [InlineData("16KiB", 16_384)]
    [InlineData("1.5kB", 1_500)]
    [InlineData("1MiB", 1_048_576)]
    public void Byte_counts_parse_to_whole_bytes(string text, long bytes) =>
        Assert.Equal(bytes, Q.ParseBytes(text));

    [Theory]
    [InlineData("1.5B")]
    [InlineData("-1")]
    [InlineData("4 KB/s")]
    public void Bad_byte_counts_are_refused(string text) =>
        Assert.Equal(UsbInputField.Transfer, Assert.Throws<UsbInputException>(() => Q.ParseBytes(text)).Field);

    [Theory]
    [InlineData(8_192_000, "8.192 MB/s")]
    [InlineData(53_248_000, "53.248 MB/s")]
    [InlineData(1_216_000, "1.216 MB/s")]
    [InlineData(8_000_000, "8 MB/s")]
    [InlineData(800, "800 B/s")]
    [InlineData(64_000, "64 kB/s")]
    [InlineData(484_848_484.85, "484.848 MB/s")]
    [InlineData(1_212_121_212.1, "1.212 GB/s")]
    [InlineData(999_999.9999, "1 MB/s")]
    public void Rates_print_with_a_decimal_prefix_and_up_to_three_decimals(double bytesPerSecond, string text) =>
        Assert.Equal(text, Q.FormatRate(bytesPerSecond));

    [Fact]
    public void Durations_print_in_the_largest_unit_that_keeps_the_number_at_least_one()
    {
        Assert.Equal("125 µs", Q.FormatDuration(Duration.FromMicroseconds(125)));
        Assert.Equal("20.835 µs", Q.FormatDuration(Duration.FromNanoseconds(20835)));
        Assert.Equal("2.083 ns", Q.FormatDuration(new Duration(2083)));
        Assert.Equal("4.096 s", Q.FormatDuration(Duration.FromMilliseconds(4096)));
        Assert.Equal("0 s", Q.FormatDuration(Duration.Zero));
    }

    [Fact]
    public void Byte_counts_print_exactly_below_100_kB()
    {
        Assert.Equal("1024 B", Q.FormatBytes(1024));
        Assert.Equal("131.072 kB", Q.FormatBytes(131_072));
    }
}
