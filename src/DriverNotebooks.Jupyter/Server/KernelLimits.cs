namespace DriverNotebooks.Jupyter;

/// <summary>How big a message the kernel reads, so one request cannot make it hold gigabytes.</summary>
internal static class KernelLimits
{
    /// <summary>
    /// Largest message read, in bytes of its JSON parts and buffers after the signature: 10 MiB, the limit Tornado's
    /// WebSocketHandler puts on every message by default (<c>max_message_size</c>), so on what JupyterLab and Notebook
    /// can send a kernel through Jupyter Server (docs/SOURCES.md, tornado-websocket). A larger request is answered with
    /// an error reply and not parsed.
    /// </summary>
    public const int MaxMessageBytes = 10 * 1024 * 1024;

    /// <summary>The error a request over the limit gets, naming its size and the limit.</summary>
    public static string TooLarge(string msgType, long bytes) =>
        $"the {msgType} is {bytes:N0} bytes; the kernel reads messages of at most {MaxMessageBytes:N0} bytes (10 MiB, the default message limit of the web socket Jupyter Server uses), so it was not run";

    /// <summary>The bytes of a received message after its delimiter and signature: header, parent header, metadata, content, buffers.</summary>
    public static long Size(IReadOnlyList<byte[]> frames)
    {
        long total = 0;
        foreach (var frame in frames) total += frame.Length;
        return total;
    }
}
