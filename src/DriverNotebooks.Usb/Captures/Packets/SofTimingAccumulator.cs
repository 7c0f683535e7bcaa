namespace DriverNotebooks.Usb.Captures;

/// <summary>Measures the SOF packets into a <see cref="SofTiming"/>, in fixed memory.</summary>
internal sealed class SofTimingAccumulator
{
    private const int FrameNumbers = 2048;
    private readonly DurationAccumulator _intervals = new();
    private long _count, _repeats, _gaps, _previousNs;
    private int _first = -1, _previous = -1;
    private double _sum, _sumSquares;
    private long _intervalCount;

    /// <summary>Consecutive SOFs carried the same frame number: only high speed does that (8 microframes a frame).</summary>
    public bool FrameNumbersRepeat => _repeats > 0;

    /// <summary>Consecutive SOFs whose frame number advanced by one.</summary>
    public long Advances { get; private set; }

    /// <summary>Intervals measured.</summary>
    public long Intervals => _intervalCount;

    /// <summary>Mean measured interval in seconds (exact); 0 when none.</summary>
    public double MeanSeconds => _intervalCount == 0 ? 0 : _sum / _intervalCount / 1e9;

    public void Add(int frameNumber, long ns)
    {
        _count++;
        if (_previous >= 0)
        {
            var step = (frameNumber - _previous + FrameNumbers) % FrameNumbers;
            if (step <= 1)
            {
                if (step == 0) _repeats++;
                else Advances++;
                var interval = ns - _previousNs;
                _intervals.Add(interval);
                _intervalCount++;
                _sum += interval;
                _sumSquares += (double)interval * interval;
            }
            else
            {
                _gaps++;
            }
        }
        else
        {
            _first = frameNumber;
        }
        _previous = frameNumber;
        _previousNs = ns;
    }

    public SofTiming Finish(double? nominalSeconds)
    {
        var mean = _intervalCount == 0 ? 0 : _sum / _intervalCount;
        var variance = _intervalCount == 0 ? 0 : Math.Max(0, _sumSquares / _intervalCount - mean * mean);
        return new SofTiming(_count, _first, _previous, _repeats, _gaps, nominalSeconds, _intervals.Summary(), Math.Sqrt(variance) / 1e9);
    }
}

/// <summary>Counts packets and bytes from one SOF to the next into a <see cref="FrameLoad"/>, in fixed memory.</summary>
internal sealed class FrameLoadAccumulator
{
    private bool _inFrame;
    private long _packets, _bytes;
    private long _frames, _busy, _maxPackets, _busyPackets, _maxBytes;

    /// <summary>A SOF: the (micro)frame before it, if one was open, ends; a new one opens with this SOF.</summary>
    public void StartOfFrame(int bytes)
    {
        if (_inFrame)
        {
            _frames++;
            if (_packets > 1)
            {
                _busy++;
                _busyPackets += _packets;
            }
            _maxPackets = Math.Max(_maxPackets, _packets);
            _maxBytes = Math.Max(_maxBytes, _bytes);
        }
        _inFrame = true;
        _packets = 1;
        _bytes = bytes;
    }

    /// <summary>Any other packet: counted in the open (micro)frame, if any.</summary>
    public void Packet(int bytes)
    {
        if (!_inFrame) return;
        _packets++;
        _bytes += bytes;
    }

    /// <summary>The bytes a (micro)frame holds at <paramref name="speed"/> (bits per second × frame length / 8).</summary>
    public static double? FrameCapacityBytes(UsbSpeed? speed) => speed switch
    {
        UsbSpeed.High => 480e6 * 125e-6 / 8,
        UsbSpeed.Full => 12e6 * 1e-3 / 8,
        UsbSpeed.Low => 1.5e6 * 1e-3 / 8,
        _ => null,
    };

    public FrameLoad Finish(UsbSpeed? speed) => new(_frames, _busy, _maxPackets, _busy == 0 ? 0 : (double)_busyPackets / _busy, _maxBytes,
        FrameCapacityBytes(speed) is { } capacity && _frames > 0 ? _maxBytes / capacity : null);
}
