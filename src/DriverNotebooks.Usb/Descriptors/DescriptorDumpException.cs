namespace DriverNotebooks.Usb;

/// <summary>
/// A descriptor dump that cannot be read: one line naming the file, where (byte offset or line number) and what
/// was wrong, e.g. <c>cam.bin: byte 27: descriptor bLength 0 (a descriptor is at least 2 bytes)</c>.
/// </summary>
public sealed class DescriptorDumpException : Exception
{
    /// <summary>Creates the exception; <paramref name="where"/> is "byte N", "line N" or empty.</summary>
    public DescriptorDumpException(string source, string where, string problem)
        : base(where.Length == 0 ? $"{source}: {problem}" : $"{source}: {where}: {problem}")
    {
        Source = source;
        Where = where;
        Problem = problem;
    }

    /// <summary>The file (or source name) that was read.</summary>
    public new string Source { get; }

    /// <summary>"byte N", "line N", or empty when the whole file is at fault.</summary>
    public string Where { get; }

    /// <summary>What was wrong and what is allowed.</summary>
    public string Problem { get; }
}
