using System.Globalization;
using DriverNotebooks.Usb;

namespace DriverNotebooks.Commands.Usb;

/// <summary>
/// The options of the USB commands, defined once for the CLI (<c>drivernb usb</c>), the magic commands
/// (<c>#!usb-throughput</c>, <c>#!usb-simulate</c>, <c>#!usb-sweep</c>) and the Polyglot directives.
/// </summary>
public static class UsbOptions
{
    /// <summary>Defined first: the options it replaces name it in <see cref="OptionDefinition.RequiredUnless"/>.</summary>
    public static readonly OptionDefinition From = new("--from", "A descriptor dump (lsusb -v, usb-devices, USBView text or binary descriptors) to take the endpoint from: its type, direction, max packet, mult, burst, interval and bytes per interval; --speed, when given, overrides the speed the file states or implies.")
    {
        ValueName = "FILE",
    };

    public static readonly OptionDefinition EndpointAddress = new("--endpoint", "With --from: the endpoint's bEndpointAddress, e.g. 0x81 for EP 1 IN.")
    {
        ValueName = "ADDR",
    };

    public static readonly OptionDefinition Alt = new("--alt", "With --from: the alternate setting holding the endpoint, when several do.")
    {
        ValueName = "N",
    };

    public static readonly OptionDefinition Device = new("--device", "With --from: the device, as vendor:product (046d:0825) or bus:address (3:8), when the file holds several with that endpoint.")
    {
        ValueName = "ID",
    };

    public static readonly OptionDefinition Speed = new("--speed", "Bus speed of the endpoint.")
    {
        AllowedValues = ["low", "full", "high", "super", "super-plus"],
        Required = true,
        RequiredUnless = From,
    };

    public static readonly OptionDefinition Type = new("--type", "Transfer type of the endpoint.")
    {
        AllowedValues = ["control", "bulk", "interrupt", "isochronous"],
        Required = true,
        RequiredUnless = From,
    };

    public static readonly OptionDefinition MaxPacket = new("--max-packet", "wMaxPacketSize bits 10..0: bytes per packet.")
    {
        ValueName = "BYTES",
        Required = true,
        RequiredUnless = From,
    };

    /// <summary><c>usb descriptors --speed</c>: optional, for dumps that do not state the speed.</summary>
    public static readonly OptionDefinition DumpSpeed = new("--speed", "The speed the device ran at, for a dump that does not state it (older lsusb -v, binary descriptors); overrides what the file states or implies.")
    {
        AllowedValues = ["low", "full", "high", "super", "super-plus"],
    };

    public static readonly OptionDefinition Direction = new("--direction", "Endpoint direction.")
    {
        AllowedValues = ["in", "out"],
        DefaultValue = "in",
    };

    public static readonly OptionDefinition Mult = new("--mult", "High speed: transactions per microframe (1–3, wMaxPacketSize bits 12..11 + 1); SuperSpeed isochronous: Mult (1–3).")
    {
        ValueName = "N",
        DefaultValue = "1",
    };

    public static readonly OptionDefinition Burst = new("--burst", "SuperSpeed: packets per burst (bMaxBurst + 1, 1–16).")
    {
        ValueName = "N",
        DefaultValue = "1",
    };

    public static readonly OptionDefinition Interval = new("--interval", "bInterval as in the descriptor; decoded per speed, type and policy.")
    {
        ValueName = "N",
        DefaultValue = "1",
    };

    public static readonly OptionDefinition BytesPerInterval = new("--bytes-per-interval", "SuperSpeed periodic: wBytesPerInterval from the companion descriptor.")
    {
        ValueName = "BYTES",
    };

    public static readonly OptionDefinition Policy = new("--policy", "Whose rules decode bInterval and check packet sizes: the USB spec, Windows or Linux.")
    {
        AllowedValues = ["spec", "windows", "linux"],
        DefaultValue = "spec",
    };

    public static readonly OptionDefinition Stuffing = new("--stuffing", "Bit stuffing in the bulk/control budget and the spec bus time: none (the spec tables) or worst case.")
    {
        AllowedValues = ["none", "worst"],
        DefaultValue = "none",
    };

    public static readonly OptionDefinition PacketOverhead = new("--packet-overhead", "SuperSpeed and SuperSpeedPlus framing bytes per data packet (an estimate; see README).")
    {
        ValueName = "BYTES",
        DefaultValue = "32",
    };

    public static readonly OptionDefinition BurstBeyondSpec = new("--burst-beyond-spec", "What-if: allow SuperSpeed interrupt bursts above the 3 packets of the spec, as hosts accept.")
    {
        IsFlag = true,
    };

    public static readonly OptionDefinition Transfer = new("--transfer", "TransferLength of each read in bytes (a multiple of the max packet size for a KMDF continuous reader).")
    {
        ValueName = "BYTES",
    };

    public static readonly OptionDefinition Pending = new("--pending", "NumPendingReads: requests kept outstanding (0 means the framework default of 2; the framework caps it at 10).")
    {
        ValueName = "N",
        DefaultValue = "0",
    };

    public static readonly OptionDefinition Turnaround = new("--turnaround", "Per-request turnaround, from the end of a read on the bus to its replacement being schedulable (ns, us, ms, s).")
    {
        ValueName = "DURATION",
    };

    public static readonly OptionDefinition TurnaroundDistribution = new("--turnaround", "Per-request turnaround: a fixed duration (100us), exp:MEAN, lognormal:MEDIAN,SIGMA, or percentiles such as p50=80us,p99=600us.")
    {
        ValueName = "DISTRIBUTION",
        DefaultValue = "p50=80us,p99=600us",
    };

    public static readonly OptionDefinition Turnarounds = new("--turnaround", "A turnaround distribution to sweep (as in usb simulate); repeat the option for several.")
    {
        ValueName = "DISTRIBUTION",
        AllowMultiple = true,
    };

    public static readonly OptionDefinition Queue = new("--queue", "Which rules govern N and L: a KMDF continuous reader (0 → 2, cap 10, multiples of max packet) or a generic request queue.")
    {
        AllowedValues = ["kmdf", "generic"],
        DefaultValue = "kmdf",
    };

    public static readonly OptionDefinition WhatIfPending = new("--what-if-pending", "What-if: model more than the framework's 10 pending reads instead of capping them.")
    {
        IsFlag = true,
    };

    public static readonly OptionDefinition BulkRate = new("--bulk-rate", "Bulk ceiling to predict with: spec (the spec's bus budget), measured (the low end of published host measurements, cited) or a rate such as 40MB/s. The report states both the spec and the measured figures either way.")
    {
        ValueName = "spec|measured|RATE",
        DefaultValue = "spec",
    };

    public static readonly OptionDefinition Measured = new("--measured", "A throughput you measured, drawn on the chart as a marker (e.g. 8MB/s).")
    {
        ValueName = "RATE",
    };

    public static readonly OptionDefinition DeviceRate = new("--device-rate", "The rate the device produces data into its FIFO; without it the device always has data.")
    {
        ValueName = "RATE",
    };

    public static readonly OptionDefinition Fifo = new("--fifo", "Device FIFO depth in bytes (with --device-rate); data arriving when it is full is dropped.")
    {
        ValueName = "BYTES",
        DefaultValue = "4096",
    };

    public static readonly OptionDefinition Duration = new("--duration", "Simulated bus time.")
    {
        ValueName = "DURATION",
        DefaultValue = "1s",
    };

    public static readonly OptionDefinition Pcapng = new("--pcapng", "Also write the simulated reader's traffic to FILE as a Linux usbmon pcapng (with the device's enumeration), for Wireshark or for #!usb-capture to read back; the file is replaced only once it is whole.")
    {
        ValueName = "FILE",
    };

    public static readonly OptionDefinition Seed = new("--seed", "Random seed; the same seed gives the same result.")
    {
        ValueName = "N",
        DefaultValue = "1",
    };

    public static readonly OptionDefinition Seeds = new("--seeds", "Seeds per sweep point (1, 2, … N).")
    {
        ValueName = "N",
        DefaultValue = "10",
    };

    public static readonly OptionDefinition PendingList = new("--pending", "NumPendingReads values to sweep: a range 1..10 or a list 1,2,4,8.")
    {
        ValueName = "LIST",
        DefaultValue = "1..10",
    };

    public static readonly OptionDefinition TransferList = new("--transfer", "TransferLength values to sweep in bytes: a list such as 1024,2048,4096 (default: one service interval's bytes).")
    {
        ValueName = "LIST",
    };

    public static readonly OptionDefinition Vary = new("--vary", "Which swept quantity runs along the chart's x axis.")
    {
        AllowedValues = ["pending", "transfer", "turnaround"],
        DefaultValue = "pending",
    };

    /// <summary>The options that describe an endpoint, shared by every USB command.</summary>
    public static IReadOnlyList<OptionDefinition> Endpoint { get; } =
        [Speed, Type, MaxPacket, Direction, Mult, Burst, Interval, BytesPerInterval, Policy, Stuffing, PacketOverhead, BurstBeyondSpec, From, EndpointAddress, Alt, Device];

    /// <summary>The options <c>--from</c> replaces: the file gives their values.</summary>
    private static IReadOnlyList<OptionDefinition> FromReplaces { get; } = [Type, MaxPacket, Direction, Mult, Burst, Interval, BytesPerInterval];

    /// <summary>The options that only mean something with <c>--from</c>.</summary>
    private static IReadOnlyList<OptionDefinition> FromOnly { get; } = [EndpointAddress, Alt, Device];

    /// <summary>Which option reports a <see cref="UsbInputException"/> about each engine field.</summary>
    private static readonly Dictionary<string, OptionDefinition> OptionForField = new(StringComparer.Ordinal)
    {
        [UsbInputField.Speed] = Speed,
        [UsbInputField.Type] = Type,
        [UsbInputField.Direction] = Direction,
        [UsbInputField.MaxPacket] = MaxPacket,
        [UsbInputField.Mult] = Mult,
        [UsbInputField.Burst] = Burst,
        [UsbInputField.Interval] = Interval,
        [UsbInputField.BytesPerInterval] = BytesPerInterval,
        [UsbInputField.Policy] = Policy,
        [UsbInputField.Stuffing] = Stuffing,
        [UsbInputField.Transfer] = Transfer,
        [UsbInputField.Pending] = Pending,
        [UsbInputField.Turnaround] = Turnaround,
        [UsbInputField.BulkRate] = BulkRate,
        [UsbInputField.PacketOverhead] = PacketOverhead,
        [UsbInputField.Duration] = Duration,
        [UsbInputField.Seeds] = Seeds,
        [UsbInputField.DeviceRate] = DeviceRate,
        [UsbInputField.FifoDepth] = Fifo,
        [UsbInputField.Export] = Pcapng,
    };

    /// <summary>
    /// Turns the engine's validation error into the one-line usage error of the option the user typed:
    /// <c>--max-packet 1024: max packet 1024 is not allowed for a high-speed bulk endpoint …</c>.
    /// </summary>
    internal static CommandLineException ToUsageError(UsbInputException error)
    {
        var option = OptionForField.TryGetValue(error.Field, out var o) ? o.Name : "--" + error.Field;
        return new CommandLineException($"{option} {Phrases.Shorten(Phrases.EscapeControl(error.Value), Phrases.MaxQuotedLength)}: {error.Message}");
    }

    /// <summary>Runs engine code, reporting its validation errors as usage errors of our options.</summary>
    internal static T Checked<T>(Func<T> engineCall)
    {
        try
        {
            return engineCall();
        }
        catch (UsbInputException e)
        {
            throw ToUsageError(e);
        }
    }

    internal static int WholeNumber(string text) => WholeNumberIn(text, $"a whole number from {int.MinValue} to {int.MaxValue}");

    /// <summary><c>--pending</c>: a whole number (one too large for the engine is out of range, not "not a whole number"; the engine checks the sign).</summary>
    internal static int PendingReads(string text) => WholeNumberIn(text, $"0 to {int.MaxValue} (0 means the framework default of 2; the framework uses at most 10)");

    /// <summary>Digits too many for an int are out of range, stated with <paramref name="allowed"/>; anything else not digits is not a whole number.</summary>
    private static int WholeNumberIn(string text, string allowed)
    {
        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        return System.Numerics.BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? throw new OverflowException($"out of range; allowed: {allowed}")
            : throw new FormatException("not a whole number");
    }

    /// <summary>
    /// Runs engine code for a command that takes an endpoint: validation errors name the option the user typed, or, for an
    /// endpoint taken from a file, the file and the endpoint (<c>--from cam.txt --endpoint 0x81: max packet …</c>).
    /// </summary>
    internal static T Checked<T>(CommandArguments arguments, Func<T> engineCall)
    {
        if (!arguments.Has(From)) return Checked(engineCall);
        try
        {
            return engineCall();
        }
        catch (UsbInputException e) when (EndpointFields.Contains(e.Field))
        {
            throw new CommandLineException($"--from {arguments.Value(From)} --endpoint {arguments.Value(EndpointAddress)}: {e.Message}");
        }
        catch (UsbInputException e)
        {
            throw ToUsageError(e);
        }
    }

    private static readonly HashSet<string> EndpointFields =
        [UsbInputField.Speed, UsbInputField.Type, UsbInputField.Direction, UsbInputField.MaxPacket, UsbInputField.Mult, UsbInputField.Burst, UsbInputField.Interval, UsbInputField.BytesPerInterval];

    /// <summary>The endpoint and analysis options from the shared endpoint options, or from <c>--from FILE --endpoint ADDR</c>.</summary>
    internal static (EndpointDescriptor Endpoint, AnalysisOptions Options) ParseEndpoint(CommandArguments arguments)
    {
        EndpointDescriptor endpoint;
        if (arguments.Has(From))
        {
            endpoint = EndpointFromFile(arguments);
        }
        else
        {
            if (FromOnly.FirstOrDefault(arguments.Has) is { } orphan)
                throw new CommandLineException($"{orphan.Name} is allowed only with --from FILE: it picks the endpoint in a descriptor dump");
            var speed = UsbNames.ParseSpeed(arguments.Value(Speed)!);
            var type = UsbNames.ParseType(arguments.Value(Type)!);
            endpoint = new EndpointDescriptor(speed, type, arguments.ConvertRequired(MaxPacket, WholeNumber), arguments.ConvertRequired(Interval, WholeNumber))
            {
                Direction = UsbNames.ParseDirection(arguments.Value(Direction)!),
                Mult = arguments.ConvertRequired(Mult, WholeNumber),
                Burst = arguments.ConvertRequired(Burst, WholeNumber),
                BytesPerInterval = arguments.Has(BytesPerInterval) ? arguments.Convert(BytesPerInterval, WholeNumber) : null,
            };
        }
        var options = ParseAnalysisOptions(arguments);
        return (endpoint, options.WithBulkRate(arguments.Value(BulkRate)!));
    }

    /// <summary>Policy, stuffing, SuperSpeed framing and the burst what-if, as every command that judges endpoints takes them.</summary>
    internal static AnalysisOptions ParseAnalysisOptions(CommandArguments arguments)
    {
        var overhead = arguments.ConvertRequired(PacketOverhead, WholeNumber);
        return new AnalysisOptions
        {
            Policy = UsbNames.ParsePolicy(arguments.Value(Policy)!),
            Stuffing = UsbNames.ParseStuffing(arguments.Value(Stuffing)!),
            SuperSpeedPacketOverheadBytes = overhead,
            SuperSpeedPlusPacketOverheadBytes = overhead,
            AllowSuperSpeedInterruptBurstBeyondSpec = arguments.Flag(BurstBeyondSpec),
        };
    }

    /// <summary>
    /// <c>--from FILE --endpoint ADDR [--alt N] [--device ID] [--speed S]</c>: the endpoint as the file describes it. An option the
    /// file replaces is refused rather than silently preferred, so the endpoint modelled is always the one in the file.
    /// </summary>
    private static EndpointDescriptor EndpointFromFile(CommandArguments arguments)
    {
        if (FromReplaces.FirstOrDefault(arguments.Has) is { } replaced)
            throw new CommandLineException($"{replaced.Name} cannot be given with --from: the file gives the endpoint's {Describe(replaced)}; allowed with --from: --endpoint, --alt, --device and --speed (which overrides the speed the file states or implies)");
        if (!arguments.Has(EndpointAddress))
            throw new CommandLineException($"--from needs {EndpointAddress.Name} ADDR: the bEndpointAddress of the endpoint to model, e.g. 0x81 for EP 1 IN");
        var address = arguments.Convert(EndpointAddress, EndpointSelection.ParseAddress);
        int? alt = arguments.Has(Alt) ? arguments.Convert(Alt, WholeNumber) : null;
        UsbSpeed? speed = arguments.Has(Speed) ? UsbNames.ParseSpeed(arguments.Value(Speed)!) : null;
        return DescriptorFiles.Endpoint(arguments.Value(From)!, address, alt, arguments.Value(Device), speed).Descriptor;
    }

    private static string Describe(OptionDefinition replaced) => replaced.Name.TrimStart('-').Replace('-', ' ');

    /// <summary>The sweep axis a <c>--vary</c> value names.</summary>
    internal static SweepAxis ParseAxis(string vary) => vary switch
    {
        "transfer" => SweepAxis.TransferLength,
        "turnaround" => SweepAxis.Turnaround,
        _ => SweepAxis.PendingReads,
    };

    internal static RequestQueue ParseQueue(CommandArguments arguments) =>
        arguments.Value(Queue) == "generic" ? RequestQueue.Generic : RequestQueue.KmdfContinuousReader;

    internal static double? MeasuredRate(CommandArguments arguments) =>
        arguments.Has(Measured) ? Quantities.ParseRate(arguments.Value(Measured)!, "measured") : null;

    /// <summary>"1..10" or "1,2,4,8" as whole numbers.</summary>
    internal static IReadOnlyList<int> WholeNumbers(string text)
    {
        var range = text.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length == 2)
        {
            var (from, to) = (WholeNumber(range[0]), WholeNumber(range[1]));
            if (to < from || to - from > 1000) throw new FormatException("a range needs FROM..TO with FROM ≤ TO and at most 1000 values");
            return Enumerable.Range(from, to - from + 1).ToArray();
        }
        return text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(WholeNumber).ToArray();
    }
}
