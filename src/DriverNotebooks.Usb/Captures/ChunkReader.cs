namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// A window of up to 1 MiB over the capture stream: records are read in place, as slices of the window, and the
/// window grows only for a record larger than itself (at most <see cref="CaptureLimits.MaxRecordBytes"/>), so
/// memory stays at the largest record seen whatever the capture's size.
/// </summary>
internal sealed class ChunkReader(Stream stream)
{
    private byte[] _buffer = new byte[1 << 20];
    private int _start;
    private int _end;

    /// <summary>Makes <paramref name="count"/> bytes available at the read position; returns how many there are (fewer only at the end of the stream).</summary>
    public int Ensure(int count)
    {
        if (_end - _start >= count) return count;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (count > _buffer.Length) Array.Resize(ref _buffer, Math.Min(Math.Max(count, _buffer.Length * 2), CaptureLimits.MaxRecordBytes + 64));
        while (_end < count)
        {
            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0) break;
            _end += read;
        }
        return Math.Min(count, _end);
    }

    /// <summary>The next <paramref name="count"/> bytes (made available by <see cref="Ensure"/>); valid until the next <see cref="Ensure"/>.</summary>
    public ReadOnlySpan<byte> Span(int count) => _buffer.AsSpan(_start, count);

    /// <inheritdoc cref="Span"/>
    public ReadOnlyMemory<byte> Memory(int offset, int count) => _buffer.AsMemory(_start + offset, count);

    /// <summary>Moves the read position past <paramref name="count"/> bytes.</summary>
    public void Advance(int count) => _start += count;
}
