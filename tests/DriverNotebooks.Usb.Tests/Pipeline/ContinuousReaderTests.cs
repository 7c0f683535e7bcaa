namespace DriverNotebooks.Usb.Tests.Pipeline;

/// <summary>KMDF continuous-reader rules as the framework source applies them (fxusbpipe.cpp, fxusbpipe.hpp).</summary>
public sealed class ContinuousReaderTests
{
    private static (int Effective, List<string> Warnings) Effective(int requested, bool whatIf = false)
    {
        var warnings = new List<string>();
        return (ContinuousReader.EffectivePendingReads(requested, whatIf, warnings), warnings);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 1)]
    [InlineData(4, 4)]
    [InlineData(10, 10)]
    [InlineData(11, 10)]
    [InlineData(255, 10)]
    [InlineData(256, 2)]     // UCHAR: 256 → 0 → default
    [InlineData(266, 10)]    // UCHAR: 266 → 10
    public void The_framework_uses_this_many_pending_reads(int requested, int effective) =>
        Assert.Equal(effective, Effective(requested).Effective);

    [Fact]
    public void Zero_and_capped_values_are_reported_as_warnings()
    {
        Assert.Contains("default of 2", Assert.Single(Effective(0).Warnings));
        Assert.Contains("caps NumPendingReads at 10", Assert.Single(Effective(12).Warnings));
        Assert.Empty(Effective(4).Warnings);
    }

    [Fact]
    public void The_what_if_goes_beyond_10_and_says_so()
    {
        var (effective, warnings) = Effective(24, whatIf: true);
        Assert.Equal(24, effective);
        Assert.Contains("what-if", Assert.Single(warnings));
    }

    [Fact]
    public void Negative_counts_are_refused() =>
        Assert.Equal(UsbInputField.Pending, Assert.Throws<UsbInputException>(() => Effective(-1)).Field);

    [Theory]
    [InlineData(0)]
    [InlineData(512)]
    [InlineData(1536)]
    public void Transfer_length_must_be_a_non_zero_multiple_of_the_max_packet_size(long length) =>
        Assert.Equal(UsbInputField.Transfer, Assert.Throws<UsbInputException>(() => ContinuousReader.ValidateTransferLength(length, 1024)).Field);

    [Fact]
    public void Only_bulk_and_interrupt_in_pipes_take_a_continuous_reader()
    {
        Assert.True(ContinuousReader.Supports(TransferType.Interrupt, TransferDirection.In));
        Assert.True(ContinuousReader.Supports(TransferType.Bulk, TransferDirection.In));
        Assert.False(ContinuousReader.Supports(TransferType.Isochronous, TransferDirection.In));
        Assert.False(ContinuousReader.Supports(TransferType.Bulk, TransferDirection.Out));
    }
}
