namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Builds the <see cref="BusReport"/> of a capture's USB 2.0 packets as they stream past: PID and problem counts,
/// transactions per endpoint (<see cref="TransactionAssembler"/>, one per interface: each is its own link), SOF timing
/// and (micro)frame load. The time filter applies to every packet, the device and endpoint filters to the endpoints
/// listed. SOF timing and frame load follow one link, the interface of the first SOF: a pcapng with several analyser
/// interfaces has its other links' SOFs counted, not timed.
/// </summary>
internal sealed class BusAccumulator
{
    /// <summary>How far the mean SOF interval may stray from the nominal (micro)frame before the timestamps are not trusted.</summary>
    public const double TimingTolerance = 0.02;

    /// <summary>SOF intervals needed to confirm the timestamps.</summary>
    public const int MinimumSofIntervals = 8;

    private readonly CaptureFilter _filter;
    private readonly Dictionary<int, TransactionAssembler> _assemblers = [];
    private readonly ControlTransferAssembler _control;
    private readonly Dictionary<int, int> _descriptorsPerDevice = [];
    private int _timedBus = -1;
    private readonly Dictionary<int, EndpointTrafficAccumulator> _endpoints = [];
    private readonly long[] _pids = new long[16];
    private readonly long[] _problems = new long[Enum.GetValues<PacketProblem>().Length];
    private readonly SofTimingAccumulator _sof = new();
    private readonly FrameLoadAccumulator _frames = new();
    private readonly BusSeriesAccumulator _series = new();
    private long _packets, _wireBytes, _firstNs = long.MinValue, _lastNs, _originNs;
    private UsbSpeed? _statedSpeed;
    private int _statedLinkType;
    private bool _highSpeedOnlyPids;

    public BusAccumulator(CaptureFilter filter)
    {
        _filter = filter;
        _control = new ControlTransferAssembler(Keep);
    }

    /// <summary>Adds <paramref name="p"/>, stamped <paramref name="relativeNs"/> after the capture's first record (<paramref name="originNs"/>).</summary>
    public void Add(in UsbPacket p, long relativeNs, long originNs)
    {
        _originNs = originNs;
        if (!_assemblers.TryGetValue(p.Bus, out var assembler))
        {
            assembler = new TransactionAssembler(Add);
            _assemblers[p.Bus] = assembler;
        }
        // Every packet is grouped (a device's control pipe is followed for its descriptors whatever the filters keep);
        // only those inside the time window are counted.
        assembler.Add(p);
        if (!_filter.KeepsTime(relativeNs)) return;
        _packets++;
        _wireBytes += p.Length;
        _series.AddPacket(relativeNs, p.Length);
        if (_firstNs == long.MinValue) _firstNs = p.TimestampNs;
        _lastNs = p.TimestampNs;
        if (LinkTypes.SpeedOf(p.LinkType) is { } stated && _statedSpeed is null)
        {
            _statedSpeed = stated;
            _statedLinkType = p.LinkType;
        }
        if (p.Problem != PacketProblem.None) _problems[(int)p.Problem]++;
        if (p.IsDecodable)
        {
            _pids[(int)p.Pid]++;
            if (p.Pid is UsbPid.Split or UsbPid.Ping or UsbPid.Nyet or UsbPid.Data2 or UsbPid.MData) _highSpeedOnlyPids = true;
        }
        var isSof = p.IsDecodable && p.Kind == UsbPidKind.StartOfFrame && p.Problem == PacketProblem.None;
        if (isSof && _timedBus < 0) _timedBus = p.Bus;
        if (p.Bus != _timedBus) return;
        if (isSof)
        {
            _sof.Add(p.FrameNumber, p.TimestampNs);
            _frames.StartOfFrame(p.Length);
        }
        else
        {
            _frames.Packet(p.Length);
        }
    }

    /// <summary>GET_DESCRIPTOR responses reassembled from the control pipes, in capture order (at most <see cref="CaptureLimits.MaxDescriptorResponsesPerDevice"/> a device).</summary>
    public List<DescriptorResponse> Descriptors { get; } = [];

    /// <summary>Responses beyond the limit, not kept.</summary>
    public long DroppedDescriptors { get; private set; }

    private void Add(UsbTransaction t)
    {
        var relative = t.StartNs - _originNs;
        if (t.Endpoint == 0 && _filter.KeepsDevice(t.Bus, t.Address)) _control.Add(t, t.EndNs - _originNs);
        if (!_filter.KeepsTime(relative) || !_filter.KeepsEndpoint(t.Bus, t.Address, t.EndpointAddress)) return;
        var key = (t.Bus << 16) | (t.Address << 8) | t.EndpointAddress;
        if (!_endpoints.TryGetValue(key, out var endpoint))
        {
            endpoint = new EndpointTrafficAccumulator(t.Bus, t.Address, t.EndpointAddress);
            _endpoints[key] = endpoint;
        }
        var delivered = endpoint.Add(t, relative, t.EndNs - _originNs);
        _series.AddTransaction(relative, t.Outcome == TransactionOutcome.Nak, delivered);
    }

    private void Keep(DescriptorResponse response)
    {
        var device = (response.Bus << 8) | response.Device;
        var kept = _descriptorsPerDevice.GetValueOrDefault(device);
        if (kept >= CaptureLimits.MaxDescriptorResponsesPerDevice)
        {
            DroppedDescriptors++;
            return;
        }
        _descriptorsPerDevice[device] = kept + 1;
        Descriptors.Add(response);
    }

    public BusReport Finish()
    {
        foreach (var assembler in _assemblers.Values) assembler.Finish();
        var (speed, how) = Speed();
        double? nominal = speed switch { UsbSpeed.High => 125e-6, UsbSpeed.Full => 1e-3, _ => null };
        var sof = _sof.Finish(nominal);
        var (confirmed, note) = Timing(speed, nominal);
        var span = _packets == 0 ? 0 : (_lastNs - _firstNs) / 1e9;
        double? bitRate = speed switch { UsbSpeed.High => 480e6, UsbSpeed.Full => 12e6, UsbSpeed.Low => 1.5e6, _ => null };
        double? occupancy = confirmed && bitRate is { } rate && span > 0 ? _wireBytes * 8 / (span * rate) : null;
        var pids = Enumerable.Range(0, 16).Where(i => _pids[i] > 0).OrderByDescending(i => _pids[i]).ThenBy(i => i)
            .Select(i => new PacketCount(UsbPids.Name((UsbPid)i), _pids[i])).ToArray();
        var problems = Enum.GetValues<PacketProblem>().Where(p => _problems[(int)p] > 0).OrderByDescending(p => _problems[(int)p]).ThenBy(p => p)
            .Select(p => new PacketCount(PacketProblems.Name(p), _problems[(int)p])).ToArray();
        var endpoints = _endpoints.OrderBy(kv => kv.Key).Select(kv => kv.Value.Finish(confirmed)).ToArray();
        return new BusReport(speed, how, _packets, _wireBytes, pids, problems, _assemblers.Values.Sum(a => a.OrphanPackets), span, sof, confirmed, note,
            _frames.Finish(speed), occupancy, endpoints, _series.ToBins());
    }

    /// <summary>The bus speed: as the link type states it, else inferred from what only one speed sends.</summary>
    private (UsbSpeed? Speed, string How) Speed()
    {
        if (_statedSpeed is { } stated) return (stated, $"stated by link type {LinkTypes.Describe(_statedLinkType)}");
        if (_sof.FrameNumbersRepeat) return (UsbSpeed.High, "inferred: consecutive SOFs repeat a frame number (8 microframes a frame, high speed only)");
        if (_highSpeedOnlyPids) return (UsbSpeed.High, "inferred: SPLIT, PING, NYET, DATA2 or MDATA packets, which only high speed carries");
        if (_sof.Advances >= MinimumSofIntervals) return (UsbSpeed.Full, "inferred: every SOF advances the frame number (1 ms frames: full speed)");
        return (null, "unknown: link type 288 does not state it and too few SOF packets to tell (low speed sends none)");
    }

    /// <summary>Whether the analyser's timestamps keep the bus's time: the SOFs' mean interval against the nominal one.</summary>
    private (bool Confirmed, string Note) Timing(UsbSpeed? speed, double? nominal)
    {
        var c = System.Globalization.CultureInfo.InvariantCulture;
        if (nominal is not { } expected)
        {
            return (false, speed == UsbSpeed.Low
                ? "not confirmed: low speed sends no SOF packets to check the timestamps against; rates in time are not shown"
                : "not confirmed: the bus speed is unknown; rates in time are not shown");
        }
        if (_sof.Intervals < MinimumSofIntervals)
        {
            return (false, $"not confirmed: {_sof.Intervals} SOF intervals measured, {MinimumSofIntervals} needed; rates in time are not shown");
        }
        var mean = _sof.MeanSeconds;
        var deviation = mean / expected - 1;
        var measured = Quantities.FormatSeconds(mean);
        return Math.Abs(deviation) <= TimingTolerance
            ? (true, $"confirmed: SOFs every {measured} on average ({(deviation < 0 ? "-" : "+")}{Math.Abs(deviation).ToString("0.00 %", c)} against the nominal {Quantities.FormatSeconds(expected)})")
            : (false, $"not confirmed: SOFs every {measured} on average against the nominal {Quantities.FormatSeconds(expected)}: the timestamps do not follow the bus clock (a capture tool's own stamps), so rates in time are not shown");
    }
}
