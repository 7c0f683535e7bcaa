using System.Globalization;
using DriverNotebooks.Commands;
using DriverNotebooks.Commands.Usb;
using DriverNotebooks.Usb;

namespace DriverNotebooks;

/// <summary>
/// The USB throughput model for notebook code, described fluently: a speed, an endpoint, then the
/// way the driver reads it. Every step displays as its analysis — verdict, key numbers and chart —
/// and can be simulated or swept. The magic-command form is <c>#!usb-throughput</c>.
/// </summary>
/// <example>
/// <code>
/// var reader = Throughput.HighSpeed.Interrupt(maxPacket: 1024)
///     .ContinuousReader(transfer: 1024, pending: 4, turnaround: "100us")
///     .Measured("8MB/s");
/// reader                                         // device-limited at 8.192 MB/s
/// reader.Simulate("p50=80us,p99=600us")          // timeline and latency histogram
/// reader.Sweep(pending: "1..10")                 // throughput against NumPendingReads
/// </code>
/// </example>
public static class Throughput
{
    public static UsbBusSpeed LowSpeed { get; } = new(UsbSpeed.Low);
    public static UsbBusSpeed FullSpeed { get; } = new(UsbSpeed.Full);
    public static UsbBusSpeed HighSpeed { get; } = new(UsbSpeed.High);
    public static UsbBusSpeed SuperSpeed { get; } = new(UsbSpeed.Super);
    public static UsbBusSpeed SuperSpeedPlus { get; } = new(UsbSpeed.SuperPlus);

    /// <summary>The thread's endpoint: high-speed interrupt IN, 1024-byte packets, bInterval 1.</summary>
    public static UsbEndpoint ThreadEndpoint => HighSpeed.Interrupt(1024);

    /// <summary>
    /// The endpoint <paramref name="endpoint"/> (bEndpointAddress, e.g. "0x81") of a descriptor dump, as
    /// <c>--from FILE --endpoint ADDR [--alt N] [--device ID] [--speed S]</c> takes it: type, direction, max packet, mult,
    /// burst, interval and bytes per interval from the file; <paramref name="speed"/> overrides the speed it states or implies.
    /// </summary>
    /// <exception cref="DescriptorDumpException">The file is malformed, or holds no such endpoint, setting or device.</exception>
    public static UsbEndpoint FromDescriptors(string path, string endpoint, int? alt = null, string? device = null, string? speed = null)
    {
        var dump = DescriptorDumpReader.ReadFile(path, speed is null ? null : UsbNames.ParseSpeed(speed));
        var (owner, _, _, found) = EndpointSelection.Find(dump, EndpointSelection.ParseAddress(endpoint), alt, device);
        return new UsbEndpoint(found.ToDescriptor(owner.Speed.Speed), AnalysisOptions.Default);
    }

    /// <summary>Every endpoint of a descriptor dump with its bus ceiling, and each alternate setting's reservation (<c>#!usb-descriptors</c>).</summary>
    /// <exception cref="DescriptorDumpException">The file is malformed.</exception>
    public static DescriptorReport Descriptors(string path, string? speed = null) =>
        DescriptorCeilings.Analyze(DescriptorDumpReader.ReadFile(path, speed is null ? null : UsbNames.ParseSpeed(speed)));
}

/// <summary>A bus speed, waiting for the endpoint's type and packet size.</summary>
public sealed record UsbBusSpeed(UsbSpeed Speed)
{
    public UsbEndpoint Interrupt(int maxPacket, int interval = 1) => Endpoint(TransferType.Interrupt, maxPacket, interval);
    public UsbEndpoint Isochronous(int maxPacket, int interval = 1) => Endpoint(TransferType.Isochronous, maxPacket, interval);
    public UsbEndpoint Bulk(int maxPacket) => Endpoint(TransferType.Bulk, maxPacket, 0);
    public UsbEndpoint Control(int maxPacket) => Endpoint(TransferType.Control, maxPacket, 0);

    private UsbEndpoint Endpoint(TransferType type, int maxPacket, int interval) =>
        new(new EndpointDescriptor(Speed, type, maxPacket, interval), AnalysisOptions.Default);
}

/// <summary>An endpoint and the rules it is judged by. Displays as what the bus allows it.</summary>
public sealed record UsbEndpoint(EndpointDescriptor Descriptor, AnalysisOptions Options)
{
    /// <summary>High speed: transactions per microframe (1–3); SuperSpeed isochronous: Mult (1–3).</summary>
    public UsbEndpoint Mult(int mult) => this with { Descriptor = Descriptor with { Mult = mult } };

    /// <summary>SuperSpeed: packets per burst (bMaxBurst + 1).</summary>
    public UsbEndpoint Burst(int burst) => this with { Descriptor = Descriptor with { Burst = burst } };

    /// <summary>bInterval as written in the descriptor.</summary>
    public UsbEndpoint Interval(int bInterval) => this with { Descriptor = Descriptor with { Interval = bInterval } };

    public UsbEndpoint Out() => this with { Descriptor = Descriptor with { Direction = TransferDirection.Out } };

    /// <summary>Decode bInterval and check packet sizes the way the spec, Windows or Linux does.</summary>
    public UsbEndpoint Policy(PollingPolicy policy) => this with { Options = Options with { Policy = policy } };

    public UsbEndpoint Windows() => Policy(PollingPolicy.Windows);

    public UsbEndpoint Linux() => Policy(PollingPolicy.Linux);

    /// <summary>Charge worst-case bit stuffing in bus-time and bulk budgets.</summary>
    public UsbEndpoint WorstCaseStuffing() => this with { Options = Options with { Stuffing = BitStuffing.WorstCase } };

    /// <summary>The bulk ceiling to predict with, as <c>--bulk-rate</c>: "spec", "measured" (published host measurements) or a rate such as "40MB/s".</summary>
    public UsbEndpoint BulkRate(string rate) => this with { Options = Options.WithBulkRate(rate) };

    /// <summary>
    /// The driver reads the endpoint with a KMDF continuous reader: <paramref name="pending"/> reads
    /// (NumPendingReads; 0 means the framework's default of 2) of <paramref name="transfer"/> bytes,
    /// each taking <paramref name="turnaround"/> (e.g. "100us") from completion to resubmission.
    /// </summary>
    public UsbReader ContinuousReader(long transfer, int pending, string turnaround = "0us") =>
        new(this, new PipelineSettings(pending, transfer, Quantities.ParseDuration(turnaround)), null);

    /// <summary>Like <see cref="ContinuousReader"/> for any driver that keeps requests outstanding (no KMDF cap of 10).</summary>
    public UsbReader Requests(long transfer, int pending, string turnaround = "0us") =>
        new(this, new PipelineSettings(pending, transfer, Quantities.ParseDuration(turnaround)) { Queue = RequestQueue.Generic }, null);

    /// <summary>What the bus allows this endpoint.</summary>
    public ThroughputView Analyze() => new(ThroughputAnalysis.Analyze(Descriptor, null, Options));
}

/// <summary>An endpoint and the requests that read it. Displays as the throughput analysis.</summary>
public sealed record UsbReader(UsbEndpoint Endpoint, PipelineSettings Pipeline, double? MeasuredBytesPerSecond)
{
    /// <summary>The simulation moves whole requests; a device that ends transfers early is the analysis's alone.</summary>
    private void NotForSimulation()
    {
        if (Pipeline.DeviceTransferBytes is { } d)
            throw new UsbInputException(UsbInputField.Transfer, d.ToString(CultureInfo.InvariantCulture), "a reader whose device fills every read",
                $"a device that ends transfers after {d} B is modelled by Analyze() only; allowed in Simulate() and Sweep(): a reader whose device fills every read");
    }

    /// <summary>A rate you measured (e.g. "8MB/s"), marked on the charts.</summary>
    public UsbReader Measured(string rate) => this with { MeasuredBytesPerSecond = Quantities.ParseRate(rate, "measured") };

    /// <summary>
    /// The device ends every transfer after <paramref name="bytes"/> (fewer than the read asks for) with a short or zero-length
    /// packet, which retires each read in the interval that carries it. Modelled by <see cref="Analyze"/>; not simulated.
    /// </summary>
    public UsbReader DeviceEndsTransfersAfter(long bytes) => this with { Pipeline = Pipeline with { DeviceTransferBytes = bytes } };

    /// <summary>What-if: model more than the framework's cap of 10 pending reads.</summary>
    public UsbReader BeyondFrameworkCap() => this with { Pipeline = Pipeline with { AllowPendingReadsBeyondFrameworkMax = true } };

    /// <summary>The bus limit, the pipeline limit, which binds and what would lift it.</summary>
    public ThroughputView Analyze() => new(ThroughputAnalysis.Analyze(Endpoint.Descriptor, Pipeline, Endpoint.Options), MeasuredBytesPerSecond);

    /// <summary>
    /// Simulates the reads interval by interval with a random turnaround (<paramref name="turnaround"/> as in
    /// <c>#!usb-simulate</c>; by default the reader's fixed turnaround) and, with <paramref name="deviceRate"/>,
    /// a device filling a FIFO of <paramref name="fifo"/> bytes.
    /// </summary>
    /// <remarks>A parameter left null takes the default of the <c>#!usb-simulate</c> option of the same name. With
    /// <paramref name="pcapng"/>, the run's traffic is also written to that file as a Linux usbmon pcapng (as <c>--pcapng</c>).</remarks>
    public SimulationView Simulate(string? turnaround = null, string? duration = null, ulong? seed = null, string? deviceRate = null, long? fifo = null, string? pcapng = null)
    {
        NotForSimulation();
        var settings = new SimulationSettings(Endpoint.Descriptor, Pipeline.PendingReads, Pipeline.TransferLength,
            turnaround is null ? TurnaroundDistribution.Fixed(Pipeline.Turnaround) : TurnaroundDistribution.Parse(turnaround))
        {
            SimulatedTime = Quantities.ParseDuration(duration ?? OptionDefaults.Of(UsbOptions.Duration), UsbInputField.Duration),
            Seed = seed ?? ulong.Parse(OptionDefaults.Of(UsbOptions.Seed), CultureInfo.InvariantCulture),
            Device = deviceRate is null ? null : new DeviceSource(Quantities.ParseRate(deviceRate, UsbInputField.DeviceRate),
                fifo ?? Quantities.ParseBytes(OptionDefaults.Of(UsbOptions.Fifo), UsbInputField.FifoDepth)),
            Timeline = new TimelineOptions(),
            Options = Endpoint.Options,
            Queue = Pipeline.Queue,
            AllowPendingReadsBeyondFrameworkMax = Pipeline.AllowPendingReadsBeyondFrameworkMax,
        };
        if (pcapng is null) return new SimulationView(ReaderSimulation.Run(settings), MeasuredBytesPerSecond);
        var (result, capture) = TrafficExport.Run(settings, pcapng, CancellationToken.None);
        return new SimulationView(result, MeasuredBytesPerSecond, capture);
    }

    /// <summary>
    /// Sweeps NumPendingReads (a range "1..10" or list "1,2,4"), TransferLength and turnaround distributions
    /// (by default the reader's own values), simulating each point over <paramref name="seeds"/> seeds.
    /// </summary>
    /// <remarks>A parameter left null takes the default of the <c>#!usb-sweep</c> option of the same name.</remarks>
    public SweepView Sweep(string? pending = null, long[]? transfers = null, string[]? turnarounds = null, int? seeds = null, string? duration = null, SweepAxis? axis = null)
    {
        NotForSimulation();
        var settings = new SweepSettings(Endpoint.Descriptor)
        {
            PendingReads = UsbOptions.WholeNumbers(pending ?? OptionDefaults.Of(UsbOptions.PendingList)),
            TransferLengths = transfers ?? [Pipeline.TransferLength],
            Turnarounds = turnarounds is { Length: > 0 }
                ? turnarounds.Select(t => TurnaroundDistribution.Parse(t)).ToArray()
                : [TurnaroundDistribution.Fixed(Pipeline.Turnaround)],
            Seeds = seeds ?? UsbOptions.WholeNumber(OptionDefaults.Of(UsbOptions.Seeds)),
            SimulatedTime = Quantities.ParseDuration(duration ?? OptionDefaults.Of(UsbOptions.Duration), UsbInputField.Duration),
            Options = Endpoint.Options,
            Queue = Pipeline.Queue,
            AllowPendingReadsBeyondFrameworkMax = Pipeline.AllowPendingReadsBeyondFrameworkMax,
        };
        return new SweepView(DriverNotebooks.Usb.Sweep.Run(settings), axis ?? UsbOptions.ParseAxis(OptionDefaults.Of(UsbOptions.Vary)), MeasuredBytesPerSecond);
    }
}
