using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Commands.Usb;

/// <summary><c>#!usb-capture</c> / <c>drivernb usb capture</c>: definition and execution.</summary>
public static class CaptureCommands
{
    public static readonly NotebookCommand Capture = new(
        new CommandDefinition
        {
            Name = "usb-capture",
            CliPath = ["usb", "capture"],
            Description = "Measure a usbmon or USBPcap capture per device and endpoint (transfers, throughput, requests in flight, latency, the driver's turnaround, short transfers, errors, idle gaps) and say what limited each endpoint; or a hardware analyser's USB 2.0 packets: transactions, NAK share, SOF timing and frame load.",
            Arguments = [CaptureOptions.File],
            Options = [.. CaptureOptions.All, UsbOptions.From, UsbOptions.DumpSpeed, CommonOptions.Json],
            Examples =
            [
                "capture.pcapng",
                "capture.pcapng --device 1:5 --endpoint 0x81",
                "capture.pcapng --endpoint 0x81 --from lsusb-v.txt",
                "capture.pcap --from-time 2s --to-time 10s --json",
                "1u.txt --device 1:5",
                "analyser.pcap --device 0:5 --endpoint 0x81",
            ],
        },
        Run);

    public static IReadOnlyList<NotebookCommand> All { get; } = [Capture];

    private static CommandOutput Run(CommandArguments arguments, CancellationToken cancellationToken)
    {
        var path = arguments.Positionals[0];
        var filter = CaptureOptions.ParseFilter(arguments);
        if (!File.Exists(path))
        {
            throw new CommandLineException($"FILE {Phrases.Quote(path)}: no such file; allowed: a pcap, pcapng or usbmon text capture");
        }
        CaptureReport report;
        try
        {
            report = CaptureAnalysis.Analyze(path, filter, cancellationToken);
        }
        catch (CaptureFormatException e)
        {
            throw new CommandLineException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"FILE {Phrases.Quote(path)}: cannot read the file: {e.Message}");
        }
        var view = Judge(new CaptureView(report), arguments);
        return new CommandOutput(view, CaptureJson.Report(view));
    }

    /// <summary>
    /// The charted endpoint's descriptor (from --from, else the capture's own GET_DESCRIPTOR responses) and its verdict in full;
    /// then every other endpoint's verdict from the rules and the analytic model (<see cref="EndpointVerdicts"/>). Only the
    /// charted endpoint's descriptor is an error when --from lacks it: the others say why they have no verdict.
    /// </summary>
    private static CaptureView Judge(CaptureView view, CommandArguments arguments)
    {
        var speed = arguments.Has(UsbOptions.DumpSpeed) ? UsbOptions.Checked(() => UsbNames.ParseSpeed(arguments.Value(UsbOptions.DumpSpeed)!)) : (UsbSpeed?)null;
        var dump = arguments.Has(UsbOptions.From) ? DescriptorFiles.Read(arguments.Value(UsbOptions.From)!, speed) : null;
        var judged = JudgeCharted(view, dump, speed);
        var decided = judged.Charted is { Transfers: > 0 } charted ? EndpointVerdict.From(charted, judged.Endpoint, judged.Verdict) : null;
        return judged with { Verdicts = EndpointVerdicts.Decide(view.Report, dump, speed, decided: decided) };
    }

    private static CaptureView JudgeCharted(CaptureView view, DescriptorDump? dump, UsbSpeed? speed)
    {
        if (view.Charted is not { Transfers: > 0 } measured) return view;
        EndpointSource source;
        try
        {
            source = CaptureDescriptors.EndpointFor(view.Report, measured, dump, speed);
        }
        catch (DescriptorDumpException e)
        {
            throw new CommandLineException(e.Message);
        }
        catch (UsbInputException e)
        {
            return view with { Endpoint = new EndpointSource(null, "", $"the descriptor of {measured.EndpointName} cannot be modelled: {e.Message}") };
        }
        if (source.Descriptor is not { } descriptor) return view with { Endpoint = source };
        try
        {
            return view with { Endpoint = source, Verdict = CaptureVerdict.Decide(measured, descriptor) };
        }
        catch (UsbInputException e)
        {
            return view with { Endpoint = source with { Missing = $"the model rejects the endpoint's descriptor: {e.Message}" } };
        }
    }
}
