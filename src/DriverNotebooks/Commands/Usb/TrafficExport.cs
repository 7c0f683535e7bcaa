using DriverNotebooks.Files;
using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Commands.Usb;

/// <summary><c>--pcapng FILE</c>: runs a simulation while writing its traffic to a file that appears only when whole.</summary>
internal static class TrafficExport
{
    /// <exception cref="CommandLineException">The folder is missing or not writable, or the capture would be too large; no file is left.</exception>
    public static (SimulationResult Result, WrittenCapture Capture) Run(SimulationSettings settings, string path, CancellationToken cancellationToken)
    {
        var shown = Phrases.Shorten(Phrases.EscapeControl(path), Phrases.MaxQuotedLength);
        if (path.Length == 0 || path.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            throw new CommandLineException($"--pcapng {shown}: not a file name; allowed: a path to a new or existing file");
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            throw new CommandLineException($"--pcapng {shown}: is a folder; allowed: a path to a file");
        var folder = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(folder))
            throw new CommandLineException($"--pcapng {shown}: the folder {Phrases.Shorten(Phrases.EscapeControl(folder), Phrases.MaxQuotedLength)} does not exist; allowed: a file in an existing folder");
        SimulationResult? result = null;
        try
        {
            AtomicFile.Write(full, stream =>
            {
                // Not disposed: that would close the file stream AtomicFile still flushes to disk.
                var buffered = new BufferedStream(stream, 1 << 16);
                result = SimulatedTrafficCapture.Write(settings, buffered, cancellationToken: cancellationToken);
                buffered.Flush();
            });
        }
        catch (UsbInputException e) when (e.Field == UsbInputField.Export)
        {
            throw new CommandLineException($"--pcapng {shown}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"--pcapng {shown}: cannot write the file ({Phrases.Shorten(Phrases.EscapeControl(e.Message), Phrases.MaxQuotedLength)}); allowed: a file in a folder you can write");
        }
        return (result!, new WrittenCapture(path, new FileInfo(full).Length));
    }
}
