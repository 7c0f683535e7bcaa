using DriverNotebooks.Usb;

namespace DriverNotebooks.Commands.Usb;

/// <summary>
/// <c>#!usb-throughput</c> / <c>drivernb usb</c>, <c>#!usb-simulate</c> / <c>drivernb usb simulate</c> and
/// <c>#!usb-sweep</c> / <c>drivernb usb sweep</c>: definitions and execution.
/// </summary>
public static class UsbCommands
{
    private const string ThreadEndpoint = "--speed high --type interrupt --max-packet 1024 --interval 1";

    public static readonly NotebookCommand Throughput = new(
        new CommandDefinition
        {
            Name = "usb-throughput",
            CliPath = ["usb"],
            Description = "What the bus allows an endpoint, what the request pipeline allows, and which of the two limits.",
            Options =
            [
                .. UsbOptions.Endpoint,
                UsbOptions.Transfer, UsbOptions.Pending, UsbOptions.Turnaround, UsbOptions.Queue, UsbOptions.WhatIfPending,
                UsbOptions.BulkRate, UsbOptions.Measured, CommonOptions.Json,
            ],
            Examples =
            [
                $"{ThreadEndpoint} --transfer 1024 --pending 4 --turnaround 100us --measured 8MB/s",
                $"{ThreadEndpoint} --transfer 1024 --pending 4 --turnaround 600us",
                "--speed high --type interrupt --max-packet 1024 --mult 3 --transfer 3072 --pending 4 --turnaround 100us",
                "--speed high --type bulk --max-packet 512 --transfer 65536 --pending 2 --turnaround 200us --bulk-rate 40MB/s",
                "--speed super --type isochronous --max-packet 1024 --burst 16 --mult 3 --json",
            ],
        },
        RunThroughput);

    public static readonly NotebookCommand Simulate = new(
        new CommandDefinition
        {
            Name = "usb-simulate",
            CliPath = ["usb", "simulate"],
            Description = "Simulate N outstanding reads service interval by service interval, with random turnaround and a device FIFO; report throughput, lost opportunities, drops and latency.",
            Options =
            [
                .. UsbOptions.Endpoint,
                UsbOptions.Transfer, UsbOptions.Pending, UsbOptions.TurnaroundDistribution, UsbOptions.Queue, UsbOptions.WhatIfPending,
                UsbOptions.DeviceRate, UsbOptions.Fifo, UsbOptions.Duration, UsbOptions.Seed, UsbOptions.BulkRate, UsbOptions.Measured, UsbOptions.Pcapng, CommonOptions.Json,
            ],
            Examples =
            [
                $"{ThreadEndpoint} --transfer 1024 --pending 4 --turnaround p50=80us,p99=600us",
                $"{ThreadEndpoint} --transfer 1024 --pending 4 --turnaround p50=80us,p99=600us --duration 200ms --pcapng reader.pcapng",
                $"{ThreadEndpoint} --transfer 1024 --pending 2 --turnaround exp:150us --device-rate 8MB/s --fifo 4096 --duration 2s --seed 7",
                "--speed high --type bulk --max-packet 512 --transfer 16384 --pending 2 --turnaround p50=150us,p99=600us --bulk-rate measured",
            ],
        },
        RunSimulate);

    public static readonly NotebookCommand SweepCommand = new(
        new CommandDefinition
        {
            Name = "usb-sweep",
            CliPath = ["usb", "sweep"],
            Description = "Sweep NumPendingReads, TransferLength and turnaround, simulating each point over several seeds on every core; chart throughput against one of them.",
            Options =
            [
                .. UsbOptions.Endpoint,
                UsbOptions.PendingList, UsbOptions.TransferList, UsbOptions.Turnarounds, UsbOptions.Queue, UsbOptions.WhatIfPending,
                UsbOptions.DeviceRate, UsbOptions.Fifo, UsbOptions.Duration, UsbOptions.Seeds, UsbOptions.Vary, UsbOptions.BulkRate, UsbOptions.Measured, CommonOptions.Json,
            ],
            Examples =
            [
                $"{ThreadEndpoint} --measured 8MB/s",
                $"{ThreadEndpoint} --pending 1..10 --turnaround 100us --turnaround p50=80us,p99=600us --seeds 5",
                $"{ThreadEndpoint} --pending 4 --transfer 1024,2048,4096,8192 --turnaround p50=200us,p99=900us --vary transfer",
            ],
        },
        RunSweep);

    public static readonly NotebookCommand Descriptors = new(
        new CommandDefinition
        {
            Name = "usb-descriptors",
            CliPath = ["usb", "descriptors"],
            Description = "Read a device's descriptors (lsusb -v, usb-devices, USBView text or binary) and give every endpoint's bus ceiling and the bandwidth each alternate setting reserves.",
            Arguments = [new ArgumentDefinition("FILE", "The dump; its format is recognised from its content.") { Required = true }],
            Options = [UsbOptions.DumpSpeed, UsbOptions.Policy, UsbOptions.Stuffing, UsbOptions.PacketOverhead, UsbOptions.BurstBeyondSpec, CommonOptions.Json],
            Examples =
            [
                "lsusb-v.txt",
                "/sys/bus/usb/devices/1-4/descriptors --speed high",
                "usb-devices.txt --policy linux --json",
            ],
        },
        RunDescriptors);

    public static IReadOnlyList<NotebookCommand> All { get; } = [Throughput, Simulate, SweepCommand, Descriptors];

    private static CommandOutput RunDescriptors(CommandArguments arguments, CancellationToken cancellationToken) => UsbOptions.Checked(() =>
    {
        UsbSpeed? speed = arguments.Has(UsbOptions.DumpSpeed) ? UsbNames.ParseSpeed(arguments.Value(UsbOptions.DumpSpeed)!) : null;
        var dump = DescriptorFiles.Read(arguments.Positionals[0], speed);
        var report = DescriptorCeilings.Analyze(dump, UsbOptions.ParseAnalysisOptions(arguments));
        return new CommandOutput(report, UsbJson.Descriptors(report));
    });

    private static CommandOutput RunThroughput(CommandArguments arguments, CancellationToken cancellationToken) => UsbOptions.Checked(arguments, () =>
    {
        var (endpoint, options) = UsbOptions.ParseEndpoint(arguments);
        PipelineSettings? pipeline = null;
        if (arguments.Has(UsbOptions.Transfer) || arguments.Has(UsbOptions.Pending) || arguments.Has(UsbOptions.Turnaround))
        {
            pipeline = new PipelineSettings(
                arguments.ConvertRequired(UsbOptions.Pending, UsbOptions.PendingReads),
                arguments.Has(UsbOptions.Transfer) ? Quantities.ParseBytes(arguments.Value(UsbOptions.Transfer)!) : DefaultTransfer(endpoint, options),
                arguments.Has(UsbOptions.Turnaround) ? Quantities.ParseDuration(arguments.Value(UsbOptions.Turnaround)!) : Duration.Zero)
            {
                Queue = UsbOptions.ParseQueue(arguments),
                AllowPendingReadsBeyondFrameworkMax = arguments.Flag(UsbOptions.WhatIfPending),
            };
        }
        var report = ThroughputAnalysis.Analyze(endpoint, pipeline, options);
        var measured = UsbOptions.MeasuredRate(arguments);
        return new CommandOutput(new ThroughputView(report, measured), UsbJson.Report(report, measured));
    });

    private static CommandOutput RunSimulate(CommandArguments arguments, CancellationToken cancellationToken) => UsbOptions.Checked(arguments, () =>
    {
        var (endpoint, options) = UsbOptions.ParseEndpoint(arguments);
        var settings = new SimulationSettings(
            endpoint,
            arguments.ConvertRequired(UsbOptions.Pending, UsbOptions.PendingReads),
            arguments.Has(UsbOptions.Transfer) ? Quantities.ParseBytes(arguments.Value(UsbOptions.Transfer)!) : DefaultTransfer(endpoint, options),
            TurnaroundDistribution.Parse(arguments.Value(UsbOptions.TurnaroundDistribution)!))
        {
            SimulatedTime = Quantities.ParseDuration(arguments.Value(UsbOptions.Duration)!, UsbInputField.Duration),
            Seed = (ulong)arguments.ConvertRequired(UsbOptions.Seed, ParseSeed),
            Device = Device(arguments),
            Timeline = new TimelineOptions(),
            Options = options,
            Queue = UsbOptions.ParseQueue(arguments),
            AllowPendingReadsBeyondFrameworkMax = arguments.Flag(UsbOptions.WhatIfPending),
        };
        var measured = UsbOptions.MeasuredRate(arguments);
        if (arguments.Value(UsbOptions.Pcapng) is not { } path)
        {
            var result = ReaderSimulation.Run(settings, cancellationToken);
            return new CommandOutput(new SimulationView(result, measured), UsbJson.Simulation(result, measured));
        }
        var (exported, capture) = TrafficExport.Run(settings, path, cancellationToken);
        return new CommandOutput(new SimulationView(exported, measured, capture), UsbJson.Simulation(exported, measured, capture.Path));
    });

    private static CommandOutput RunSweep(CommandArguments arguments, CancellationToken cancellationToken) => UsbOptions.Checked(arguments, () =>
    {
        var (endpoint, options) = UsbOptions.ParseEndpoint(arguments);
        var turnarounds = arguments.Values(UsbOptions.Turnarounds);
        var settings = new SweepSettings(endpoint)
        {
            PendingReads = arguments.ConvertRequired(UsbOptions.PendingList, UsbOptions.WholeNumbers),
            TransferLengths = arguments.Has(UsbOptions.TransferList)
                ? arguments.Convert(UsbOptions.TransferList, text => text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(b => Quantities.ParseBytes(b)).ToArray())
                : null,
            Turnarounds = turnarounds.Count > 0 ? turnarounds.Select(t => TurnaroundDistribution.Parse(t)).ToArray() : SweepSettings.DefaultTurnarounds,
            SimulatedTime = Quantities.ParseDuration(arguments.Value(UsbOptions.Duration)!, UsbInputField.Duration),
            Seeds = arguments.ConvertRequired(UsbOptions.Seeds, UsbOptions.WholeNumber),
            Device = Device(arguments),
            Options = options,
            Queue = UsbOptions.ParseQueue(arguments),
            AllowPendingReadsBeyondFrameworkMax = arguments.Flag(UsbOptions.WhatIfPending),
        };
        cancellationToken.ThrowIfCancellationRequested();
        var result = Sweep.Run(settings, cancellationToken);
        var axis = UsbOptions.ParseAxis(arguments.Value(UsbOptions.Vary)!);
        var measured = UsbOptions.MeasuredRate(arguments);
        return new CommandOutput(new SweepView(result, axis, measured), UsbJson.Sweep(result, measured));
    });

    /// <summary>Without --transfer, one service interval's worth of bytes (at least one packet).</summary>
    private static long DefaultTransfer(EndpointDescriptor endpoint, AnalysisOptions options) =>
        ThroughputAnalysis.Analyze(endpoint, null, options).BytesPerInterval;

    private static DeviceSource? Device(CommandArguments arguments) =>
        arguments.Has(UsbOptions.DeviceRate)
            ? new DeviceSource(Quantities.ParseRate(arguments.Value(UsbOptions.DeviceRate)!, UsbInputField.DeviceRate),
                Quantities.ParseBytes(arguments.Value(UsbOptions.Fifo)!, UsbInputField.FifoDepth))
            : null;

    private static long ParseSeed(string text) =>
        long.TryParse(text, out var seed) && seed >= 0 ? seed : throw new FormatException("must be a whole number of 0 or more");
}
