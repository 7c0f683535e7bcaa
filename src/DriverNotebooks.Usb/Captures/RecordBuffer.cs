namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// One reusable buffer for the record being read, grown on demand up to <see cref="CaptureLimits.MaxRecordBytes"/>,
/// so memory stays at the largest record seen whatever the capture's size.
/// </summary>
internal sealed class RecordBuffer
{
    private byte[] _bytes = new byte[64 * 1024];

    public byte[] Bytes => _bytes;

    /// <summary>Reads exactly <paramref name="count"/> bytes into the buffer at <paramref name="start"/>; returns how many were there.</summary>
    public int Fill(Stream stream, int start, int count)
    {
        var needed = start + count;
        if (needed > _bytes.Length) Array.Resize(ref _bytes, Math.Max(needed, Math.Min(_bytes.Length * 2, CaptureLimits.MaxRecordBytes + 64)));
        return stream.ReadAtLeast(_bytes.AsSpan(start, count), count, throwOnEndOfStream: false);
    }
}
