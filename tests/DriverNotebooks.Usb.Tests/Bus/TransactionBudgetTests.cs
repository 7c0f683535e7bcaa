namespace DriverNotebooks.Usb.Tests.Bus;

/// <summary>The spec's chapter 5 transaction-limit tables (no bit stuffing) and the worst-case variant.</summary>
public sealed class TransactionBudgetTests
{
    [Theory]
    [InlineData(UsbSpeed.High, TransferType.Bulk, 512, 13, 129)]          // Table 5-10
    [InlineData(UsbSpeed.High, TransferType.Control, 64, 31, 153)]        // Table 5-3
    [InlineData(UsbSpeed.High, TransferType.Isochronous, 1024, 7, 66)]    // 7500 / 1062
    [InlineData(UsbSpeed.Full, TransferType.Bulk, 64, 19, 37)]            // Tables 5-9, Microchip "up to 19"
    [InlineData(UsbSpeed.Full, TransferType.Isochronous, 1023, 1, 468)]   // Table 5-4, "468 bytes"
    public void Spec_tables_fit_this_many_transactions_per_frame_with_this_remainder(UsbSpeed speed, TransferType type, int payload, int transactions, double remainingBytes)
    {
        var fit = TransactionBudget.Fit(speed, type, payload, BitStuffing.None);
        Assert.Equal(transactions, fit.TransactionsPerFrame);
        Assert.Equal(remainingBytes, fit.RemainingBytes);
    }

    [Fact]
    public void Hs_bulk_with_512_byte_packets_fits_13_transactions_per_microframe() =>
        Assert.Equal(13, TransactionBudget.Fit(UsbSpeed.High, TransferType.Bulk, 512, BitStuffing.None).TransactionsPerFrame);

    [Theory]
    [InlineData(UsbSpeed.High, TransferType.Bulk, 512, 11)]     // 60000 / (440 + 4778)
    [InlineData(UsbSpeed.Full, TransferType.Bulk, 64, 17)]      // 12000 / (104 + 597)
    [InlineData(UsbSpeed.High, TransferType.Control, 64, 30)]   // 60000 / (1384 + 597)
    public void Worst_case_bit_stuffing_fits_fewer_transactions(UsbSpeed speed, TransferType type, int payload, int transactions) =>
        Assert.Equal(transactions, TransactionBudget.Fit(speed, type, payload, BitStuffing.WorstCase).TransactionsPerFrame);
}
