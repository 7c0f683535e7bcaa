namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Reads a capture once, streaming, and measures every device and endpoint in it (<see cref="CaptureReport"/>):
/// submits and completions paired by URB id (usbmon) or IRP id (USBPcap), per endpoint; USB 2.0 packets (link type
/// 288, 293, 294, 295) into the report's bus view (<see cref="CaptureReport.Bus"/>).
/// </summary>
public static class CaptureAnalysis
{
    /// <summary>Measures the capture at <paramref name="path"/>. Throws <see cref="CaptureFormatException"/> for a malformed file.</summary>
    public static CaptureReport Analyze(string path, CaptureFilter? filter = null, CancellationToken cancellationToken = default)
    {
        var log = new CaptureReadLog();
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Analyze(stream, Path.GetFileName(path), log, filter ?? CaptureFilter.None, cancellationToken);
    }

    /// <summary>Measures a capture read from <paramref name="stream"/>.</summary>
    public static CaptureReport Analyze(Stream stream, string source, CaptureFilter? filter = null, CancellationToken cancellationToken = default)
    {
        return Analyze(stream, source, new CaptureReadLog(), filter ?? CaptureFilter.None, cancellationToken);
    }

    private static CaptureReport Analyze(Stream stream, string source, CaptureReadLog log, CaptureFilter filter, CancellationToken cancellationToken)
    {
        var packets = new PacketSink(filter, cancellationToken);
        var records = CaptureReader.Read(stream, source, log, packets.Add);
        var endpoints = new Dictionary<int, EndpointAccumulator>();
        var followedOnly = new Dictionary<int, EndpointAccumulator>();
        var descriptors = new List<DescriptorResponse>();
        var descriptorsPerDevice = new Dictionary<int, int>();
        long dropped = 0;
        long first = long.MinValue, last = 0, count = 0;
        EndpointAccumulator? current = null;
        var currentKey = -1;
        foreach (var record in records)
        {
            if ((++count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            if (first == long.MinValue) first = packets.OriginNs ??= record.TimestampNs;
            last = record.TimestampNs;
            var t = record.TimestampNs - first;
            var reported = filter.KeepsTime(t) && filter.KeepsEndpoint(record.Bus, record.Device, record.EndpointAddress);
            // A device's descriptors come through its default control pipe whatever the endpoint or time filter keeps:
            // that pipe is followed (not reported) so a filtered report still carries them.
            if (!reported && !((record.EndpointAddress & 0x7F) == 0 && filter.KeepsDevice(record.Bus, record.Device))) continue;
            // USBPcap repeats a control transfer's IRP for its data and status stages: only the setup stage submits.
            if (record.Flavor == CaptureFlavor.UsbPcap && record.Event == UrbEvent.Submit && record.ControlStage is 1 or 2) continue;
            var key = (record.Bus << 16) | (record.Device << 8) | record.EndpointAddress | (reported ? 0 : 1 << 30);
            if (key != currentKey)
            {
                var table = reported ? endpoints : followedOnly;
                if (!table.TryGetValue(key, out current))
                {
                    current = new EndpointAccumulator(record.Bus, record.Device, record.EndpointAddress);
                    table[key] = current;
                }
                currentKey = key;
            }
            if (record.Event == UrbEvent.Complete)
            {
                var submit = current!.Complete(record, t);
                if (submit?.Setup is { IsGetDescriptor: true } setup && !record.IsError && !record.Data.IsEmpty)
                {
                    var device = (record.Bus << 8) | record.Device;
                    var kept = descriptorsPerDevice.GetValueOrDefault(device);
                    if (kept >= CaptureLimits.MaxDescriptorResponsesPerDevice)
                    {
                        dropped++;
                    }
                    else
                    {
                        descriptorsPerDevice[device] = kept + 1;
                        descriptors.Add(new DescriptorResponse(record.Bus, record.Device, (byte)(setup.Value >> 8), (byte)setup.Value,
                            setup.Index, setup.Length, t / 1e9, record.Data.ToArray()));
                    }
                }
            }
            else
            {
                current!.Submit(record, t);
            }
        }
        if (packets.OriginNs is { } origin)
        {
            if (first == long.MinValue) first = origin;
            last = Math.Max(last, packets.LastNs);
        }
        if (first == long.MinValue) first = 0;
        var bus = packets.Finish(out var packetDescriptors, out var packetDropped);
        descriptors.AddRange(packetDescriptors);
        var measured = endpoints.OrderBy(kv => kv.Key).Select(kv => kv.Value.Finish()).ToArray();
        var report = new CaptureReport(source, log.Format, log.LinkTypes.ToArray(), log.Frames, (last - first) / 1e9, first / 1e9,
            filter, measured, descriptors, dropped + packetDropped, log.Warnings.ToArray());
        return bus is null ? report : report with { Bus = bus with { Endpoints = Typed(report, bus.Endpoints) } };
    }

    /// <summary>The bus view's endpoints with their transfer type from the capture's own descriptors, where it holds them.</summary>
    private static EndpointTraffic[] Typed(CaptureReport report, IReadOnlyList<EndpointTraffic> endpoints)
    {
        var devices = new Dictionary<(int, int), DumpedDevice?>();
        return endpoints.Select(e =>
        {
            if ((e.EndpointAddress & 0x0F) == 0) return e;
            if (!devices.TryGetValue((e.Bus, e.Device), out var device))
            {
                try
                {
                    device = CaptureDescriptors.For(report, e.Bus, e.Device);
                }
                catch (DescriptorDumpException)
                {
                    device = null;
                }
                devices[(e.Bus, e.Device)] = device;
            }
            var described = device?.Endpoints.Select(x => x.Endpoint).FirstOrDefault(x => x.Address == e.EndpointAddress);
            return described is null ? e : e with { Type = described.Type };
        }).ToArray();
    }

    /// <summary>Where the USB 2.0 packets of a capture go as the read meets them: times from the capture's first record.</summary>
    private sealed class PacketSink(CaptureFilter filter, CancellationToken cancellationToken)
    {
        private BusAccumulator? _bus;
        private long _count;

        /// <summary>The capture's first record's time, packet or URB; null until one is read.</summary>
        public long? OriginNs;

        public long LastNs;

        public void Add(UsbPacket packet)
        {
            if ((++_count & 0xFFFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            OriginNs ??= packet.TimestampNs;
            LastNs = packet.TimestampNs;
            _bus ??= new BusAccumulator(filter);
            _bus.Add(packet, packet.TimestampNs - OriginNs.Value, OriginNs.Value);
        }

        /// <summary>The bus view, and the GET_DESCRIPTOR responses reassembled from the packets' control transfers.</summary>
        public BusReport? Finish(out IReadOnlyList<DescriptorResponse> descriptors, out long dropped)
        {
            descriptors = _bus?.Descriptors ?? [];
            dropped = _bus?.DroppedDescriptors ?? 0;
            return _bus?.Finish();
        }
    }
}
