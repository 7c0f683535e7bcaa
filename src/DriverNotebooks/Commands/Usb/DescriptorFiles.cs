using DriverNotebooks.Usb;

namespace DriverNotebooks.Commands.Usb;

/// <summary>Reads descriptor dumps for the commands, turning a malformed file into the one-line usage error.</summary>
internal static class DescriptorFiles
{
    /// <summary>One endpoint picked from a dump, with the descriptor the model takes.</summary>
    internal sealed record Picked(DumpedDevice Device, DumpedInterface Interface, DumpedEndpoint Endpoint, EndpointDescriptor Descriptor);

    public static DescriptorDump Read(string path, UsbSpeed? speed) => Guarded(() => DescriptorDumpReader.ReadFile(path, speed));

    public static Picked Endpoint(string path, int address, int? alternateSetting, string? device, UsbSpeed? speed) => Guarded(() =>
    {
        var dump = DescriptorDumpReader.ReadFile(path, speed);
        var (d, _, setting, endpoint) = EndpointSelection.Find(dump, address, alternateSetting, device);
        try
        {
            return new Picked(d, setting, endpoint, endpoint.ToDescriptor(d.Speed.Speed));
        }
        catch (UsbInputException e)
        {
            throw new CommandLineException($"{path}: endpoint {endpoint.AddressText} ({endpoint.Where}): {e.Message}");
        }
    });

    private static T Guarded<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (DescriptorDumpException e)
        {
            throw new CommandLineException(e.Message);
        }
    }
}
