namespace DriverNotebooks.Usb.Captures;

/// <summary>What a streaming read found besides its records: the format, link types, warnings and counts.</summary>
public sealed class CaptureReadLog
{
    private readonly List<string> _warnings = [];
    private readonly SortedSet<int> _linkTypes = [];

    /// <summary><c>pcap</c>, <c>pcap (nanosecond)</c>, <c>pcapng</c> or <c>usbmon text</c>; empty until the header is read.</summary>
    public string Format { get; internal set; } = "";

    /// <summary>True when the file's headers are big-endian.</summary>
    public bool BigEndian { get; internal set; }

    /// <summary>The link types of the file's interfaces, ascending.</summary>
    public IReadOnlyCollection<int> LinkTypes => _linkTypes;

    /// <summary>Things worth knowing that did not stop the read (a truncated last record, skipped interfaces).</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Records (pcap records, pcapng packet blocks or text lines) read.</summary>
    public long Frames { get; internal set; }

    /// <summary>Records on interfaces whose link type is not a USB one, skipped.</summary>
    public long SkippedFrames { get; internal set; }

    /// <summary>The first unsupported link type seen, if any.</summary>
    public int? UnsupportedLinkType { get; internal set; }

    internal void AddLinkType(int linkType) => _linkTypes.Add(linkType);

    internal void Warn(string warning) => _warnings.Add(warning);
}
