namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// A capture that cannot be read: one line naming the file, where (byte offset or line) and what was wrong,
/// e.g. <c>bus.pcapng: byte 1024: block claims 4294967292 bytes; a block holds at most 16777216</c>.
/// </summary>
public sealed class CaptureFormatException : Exception
{
    public CaptureFormatException(string source, string where, string problem)
        : base($"{source}: {where}: {problem}")
    {
        Source = source;
        Where = where;
        Problem = problem;
    }

    /// <summary>The file (or stream name) that was being read.</summary>
    public new string Source { get; }

    /// <summary><c>byte N</c> or <c>line N</c>.</summary>
    public string Where { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }

    internal static CaptureFormatException AtByte(string source, long offset, string problem) => new(source, $"byte {offset}", problem);

    internal static CaptureFormatException AtLine(string source, long line, string problem) => new(source, $"line {line}", problem);
}
