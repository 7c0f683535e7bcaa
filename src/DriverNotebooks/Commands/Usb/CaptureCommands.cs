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
            Description = "Measure a usbmon or USBPcap capture per device and endpoint: transfers, throughput, requests in flight, latency, the driver's turnaround, short transfers, errors and idle gaps.",
            Arguments = [CaptureOptions.File],
            Options = [.. CaptureOptions.All, CommonOptions.Json],
            Examples =
            [
                "capture.pcapng",
                "capture.pcapng --device 1:5 --endpoint 0x81",
                "capture.pcap --from-time 2s --to-time 10s --json",
                "1u.txt --device 1:5",
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
        return new CommandOutput(new CaptureView(report), CaptureJson.Report(report));
    }
}
