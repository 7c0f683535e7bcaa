namespace DriverNotebooks.Commands;

/// <summary>Every command that runs both as a magic command and from the CLI.</summary>
public static class NotebookCommandCatalog
{
    public static IReadOnlyList<NotebookCommand> All { get; } = [.. Usb.UsbCommands.All, .. Usb.CaptureCommands.All, .. Kmdf.KmdfCommands.All];
}
