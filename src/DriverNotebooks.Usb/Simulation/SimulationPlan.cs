namespace DriverNotebooks.Usb;

/// <summary>
/// Everything a run needs, validated and converted to service-interval units once: shared read-only by every
/// replication (seed) of the same settings.
/// </summary>
internal sealed class SimulationPlan
{
    /// <summary>Fixed-point fraction bits for FIFO bytes.</summary>
    public const int FixedBits = 20;

    /// <summary>Largest simulated run, in service intervals.</summary>
    public const long MaxIntervals = 1L << 40;

    /// <summary>Largest FIFO and largest total production, bytes (1 TiB), so fixed-point sums stay in range.</summary>
    public const long MaxBytes = 1L << 40;

    private SimulationPlan() { }

    /// <summary>Whether the simulator runs endpoints of <paramref name="type"/>: interrupt, isochronous and bulk (not control).</summary>
    public static bool Simulates(TransferType type) => type != TransferType.Control;

    public required SimulationSettings Settings { get; init; }
    public required int PendingReads { get; init; }
    public required Duration Period { get; init; }
    public required int MaxPacket { get; init; }
    public required int PacketsPerInterval { get; init; }
    public required long BytesPerInterval { get; init; }
    public required int PacketsPerRequest { get; init; }
    public required int IntervalsPerRequest { get; init; }
    public required long TotalIntervals { get; init; }
    public required double[] ScaledTurnaround { get; init; }
    public required double MeanLostIntervals { get; init; }
    public required bool HasDevice { get; init; }
    public required long ProductionFixed { get; init; }
    public required long DepthFixed { get; init; }
    public required double BusLimit { get; init; }
    public required SimulationCeiling Ceiling { get; init; }
    public required double Analytic { get; init; }
    public required LimitedBy AnalyticLimitedBy { get; init; }
    public required IReadOnlyList<string> Warnings { get; init; }

    public long PacketFixed => (long)MaxPacket << FixedBits;

    /// <summary>Validates <paramref name="s"/> and prepares a plan; <paramref name="scaledBuffer"/> (4097 doubles), when given,
    /// receives the turnaround table instead of a new array (a simulator reuses its own between runs).</summary>
    public static SimulationPlan Create(SimulationSettings s, double[]? scaledBuffer = null)
    {
        ArgumentNullException.ThrowIfNull(s);
        ArgumentNullException.ThrowIfNull(s.Endpoint);
        if (s.Turnaround is null)
            throw new UsbInputException(UsbInputField.Turnaround, "(none)", "a turnaround distribution", "the simulation needs a turnaround distribution; allowed: a duration or a distribution");
        var pipeline = new PipelineSettings(s.PendingReads, s.TransferLength, Duration.Zero)
        {
            Queue = s.Queue,
            AllowPendingReadsBeyondFrameworkMax = s.AllowPendingReadsBeyondFrameworkMax,
        };
        var input = EndpointValidator.Validate(s.Endpoint, pipeline, s.Options);
        var e = input.Endpoint;
        var warnings = input.Warnings.ToList();
        if (!Simulates(e.Type))
            throw new UsbInputException(UsbInputField.Type, UsbNames.Describe(e.Type), "interrupt, isochronous or bulk",
                $"the simulation of a {UsbNames.Describe(e.Type)} endpoint is not supported; allowed: interrupt, isochronous or bulk (control uses the analytic model)");
        if (e.IsPeriodic && e.BytesPerInterval != (long)e.PacketsPerInterval * e.MaxPacketSize)
            throw new UsbInputException(UsbInputField.BytesPerInterval, e.BytesPerInterval.ToString(), "max packet × burst × Mult",
                $"bytes per interval {e.BytesPerInterval} is not allowed for the simulation, which moves whole packets; allowed: {(long)e.PacketsPerInterval * e.MaxPacketSize} (max packet × burst × Mult)");
        if (s.TransferLength % e.MaxPacketSize != 0)
            throw UsbInputException.NotAllowed(UsbInputField.Transfer, "transfer length", s.TransferLength.ToString(),
                "for the simulation, which moves whole packets", $"a multiple of the max packet size {e.MaxPacketSize}");

        // Periodic endpoints are served once per decoded service interval; bulk in packet slots at the host's ceiling.
        Duration period;
        int packetsPerInterval;
        long bytesPerInterval;
        double bus;
        var ceilingKind = SimulationCeiling.DescriptorReservation;
        if (e.IsPeriodic)
        {
            period = e.Interval.Period;
            packetsPerInterval = e.PacketsPerInterval;
            bytesPerInterval = e.BytesPerInterval;
            bus = UsbBus.BytesPerSecond(bytesPerInterval, period);
        }
        else
        {
            var ceiling = EffectiveCeiling.Resolve(e, Usb.BusLimit.Compute(e, s.Options), s.Options, input.Pipeline, warnings);
            period = BulkPacketSlots.Slot(e.MaxPacketSize, ceiling.BytesPerSecond);
            packetsPerInterval = 1;
            bytesPerInterval = e.MaxPacketSize;
            bus = ceiling.BytesPerSecond;
            ceilingKind = ceiling.HostRateGiven ? SimulationCeiling.HostRate : SimulationCeiling.BusBudget;
            warnings.Add(BulkPacketSlots.Note(e.MaxPacketSize, period, ceiling));
        }

        if (s.SimulatedTime < period)
            throw UsbInputException.NotAllowed(UsbInputField.Duration, "simulated time", s.SimulatedTime.ToString(), "", $"at least one service period ({period})");
        var total = s.SimulatedTime.Picoseconds / period.Picoseconds;
        if (total > MaxIntervals)
            throw UsbInputException.NotAllowed(UsbInputField.Duration, "simulated time", s.SimulatedTime.ToString(), "", $"at most 2^40 service intervals ({(MaxIntervals * period).ToString()})");

        var packetsPerRequest = checked((int)(s.TransferLength / e.MaxPacketSize));
        var intervalsPerRequest = (packetsPerRequest + packetsPerInterval - 1) / packetsPerInterval;
        var n = input.Pipeline!.EffectivePendingReads;

        var scaled = scaledBuffer is { Length: QuantileTable.Segments + 1 } ? scaledBuffer : new double[QuantileTable.Segments + 1];
        s.Turnaround.FillScaled(scaled, period);
        var meanLost = QuantileTable.ExpectedCeiling(scaled, 1.0);
        if (!s.Turnaround.IsFixed)
            warnings.Add($"turnaround {s.Turnaround.Describe()} is sampled through a {QuantileTable.Segments}-segment quantile table (tails beyond the 1/8192 quantiles are cut)");

        long production = 0, depth = 0;
        var device = s.Device;
        if (device is not null)
        {
            if (!(device.RateBytesPerSecond > 0) || double.IsInfinity(device.RateBytesPerSecond))
                throw UsbInputException.NotAllowed(UsbInputField.DeviceRate, "device rate", Quantities.FormatRate(device.RateBytesPerSecond), "", "a positive rate, e.g. 8MB/s");
            if (device.FifoDepthBytes < e.MaxPacketSize || device.FifoDepthBytes > MaxBytes)
                throw UsbInputException.NotAllowed(UsbInputField.FifoDepth, "FIFO depth", device.FifoDepthBytes.ToString(), "",
                    $"{e.MaxPacketSize} (one packet) to {MaxBytes} bytes");
            var perInterval = device.RateBytesPerSecond * period.Seconds;
            if (perInterval * total > MaxBytes)
                throw UsbInputException.NotAllowed(UsbInputField.DeviceRate, "device rate", Quantities.FormatRate(device.RateBytesPerSecond),
                    $"over {s.SimulatedTime}", "at most 1 TiB produced in one run");
            production = (long)Math.Round(perInterval * (1L << FixedBits));
            if (production < 1)
                throw UsbInputException.NotAllowed(UsbInputField.DeviceRate, "device rate", Quantities.FormatRate(device.RateBytesPerSecond), "", "at least 1/1048576 byte per service interval");
            depth = device.FifoDepthBytes << FixedBits;
        }

        var pipe = PipelineModel.Periodic(n, s.TransferLength, bytesPerInterval, period, meanLost);
        var analytic = Math.Min(bus, pipe.BytesPerSecond);
        if (device is not null) analytic = Math.Min(analytic, production / (double)(1L << FixedBits) / period.Seconds);
        return new SimulationPlan
        {
            Settings = s,
            PendingReads = n,
            Period = period,
            MaxPacket = e.MaxPacketSize,
            PacketsPerInterval = packetsPerInterval,
            BytesPerInterval = bytesPerInterval,
            PacketsPerRequest = packetsPerRequest,
            IntervalsPerRequest = intervalsPerRequest,
            TotalIntervals = total,
            ScaledTurnaround = scaled,
            MeanLostIntervals = meanLost,
            HasDevice = device is not null,
            ProductionFixed = production,
            DepthFixed = depth,
            BusLimit = bus,
            Ceiling = ceilingKind,
            Analytic = analytic,
            AnalyticLimitedBy = pipe.BytesPerSecond < bus ? LimitedBy.Pipeline : LimitedBy.Bus,
            Warnings = warnings,
        };
    }
}
