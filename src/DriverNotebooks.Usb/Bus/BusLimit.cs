namespace DriverNotebooks.Usb;

/// <summary>
/// What the bus allows one endpoint, with the numbers behind it.
/// </summary>
/// <param name="BytesPerSecond">The bus limit.</param>
/// <param name="ServicePeriod">Periodic: the decoded polling period. Bulk/control: the (micro)frame the budget counts.</param>
/// <param name="BytesPerInterval">Bytes the endpoint can move per <see cref="ServicePeriod"/>.</param>
/// <param name="TransactionsPerInterval">Transactions (packets) per <see cref="ServicePeriod"/>.</param>
/// <param name="TransactionBusTimeNanoseconds">One transaction of one max-size packet: Linux <c>usb_calc_bus_time</c>
/// to the nanosecond for LS/FS/HS (worst-case stuffing, as the kernel assumes), the rounded-up framing estimate for SS.</param>
/// <param name="SpecTransactionBusTimeNanoseconds">The same transaction from the spec's §5.11.3 formula with the chosen stuffing.</param>
/// <param name="Derivation">The rule, with its numbers, in words.</param>
public sealed record BusLimit(
    double BytesPerSecond,
    Duration ServicePeriod,
    long BytesPerInterval,
    int TransactionsPerInterval,
    long TransactionBusTimeNanoseconds,
    double SpecTransactionBusTimeNanoseconds,
    string Derivation)
{
    /// <summary>
    /// Periodic: bytes per service interval ÷ interval. Bulk/control at LS/FS/HS: the transactions that fit a (micro)frame
    /// (<see cref="TransactionBudget"/>) × max packet ÷ (micro)frame. SS/SS+ bulk/control: the line rate after encoding ×
    /// payload ÷ (payload + framing), a continuous estimate since bulk bursts are not aligned to bus intervals.
    /// </summary>
    public static BusLimit Compute(ValidatedEndpoint endpoint, AnalysisOptions options)
    {
        var speed = endpoint.Speed;
        var type = endpoint.Type;
        var maxp = endpoint.MaxPacketSize;
        var overhead = options.PacketOverheadBytes(speed);
        var busTime = BusTime.TransactionNanoseconds(speed, type, endpoint.Direction, maxp, overhead);
        var specBusTime = BusTime.SpecTransactionNanoseconds(speed, type, endpoint.Direction, maxp, options.Stuffing, overhead);
        var interval = endpoint.Interval;

        if (endpoint.IsPeriodic)
        {
            var bpi = endpoint.BytesPerInterval;
            var rate = UsbBus.BytesPerSecond(bpi, interval.Period);
            var how = UsbBus.IsSuperSpeed(speed)
                ? $"{bpi} B per service interval ({maxp} B × burst {endpoint.Descriptor.Burst} × Mult {endpoint.Descriptor.Mult}) every {interval.Period}"
                : $"{bpi} B per service interval ({maxp} B × {endpoint.PacketsPerInterval}) every {interval.Period}";
            return new BusLimit(rate, interval.Period, bpi, endpoint.PacketsPerInterval, busTime, specBusTime, how);
        }

        if (UsbBus.IsSuperSpeed(speed))
        {
            var line = UsbBus.SuperSpeedLineRate(speed);
            var rate = line * maxp / (maxp + overhead);
            var perInterval = (long)Math.Floor(rate * UsbBus.Microframe.Seconds);
            var packets = (int)Math.Floor(line * UsbBus.Microframe.Seconds / (maxp + overhead));
            return new BusLimit(rate, UsbBus.Microframe, perInterval, packets, busTime, specBusTime,
                $"line rate {Quantities.FormatRate(line)} × {maxp} / ({maxp} + {overhead} B framing per packet)"
                + (speed == UsbSpeed.SuperPlus ? $"; {UsbBus.GenTwoPracticalNote}" : ""));
        }

        var fit = TransactionBudget.Fit(speed, type, maxp, options.Stuffing);
        var frame = UsbBus.NativeInterval(speed);
        var bytes = (long)fit.TransactionsPerFrame * maxp;
        return new BusLimit(UsbBus.BytesPerSecond(bytes, frame), frame, bytes, fit.TransactionsPerFrame, busTime, specBusTime,
            $"{fit.TransactionsPerFrame} × {maxp} B per {UsbNames.IntervalName(speed)} " +
            $"({TransactionBudget.OverheadBytes(speed, type)} B overhead per {(type == TransferType.Control ? "transfer" : "transaction")}, " +
            $"{(options.Stuffing == BitStuffing.WorstCase ? "worst-case bit stuffing" : "no bit stuffing")}, {fit.RemainingBytes:0.#} B left over)");
    }
}
