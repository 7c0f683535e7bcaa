using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Runs a simulation and writes the reader's traffic as a Linux usbmon pcapng (link type 220, nanosecond timestamps)
/// that Wireshark opens: first the device's enumeration (GET_DESCRIPTOR of the device and of configuration 1, so the
/// capture carries the endpoint's descriptor), then the reader's N submits at 1 ms, each completion at the end of the
/// service interval that moved its last byte, and each resubmission after its drawn turnaround. Reading the file back
/// with <see cref="CaptureAnalysis"/> gives the simulation's numbers (transfers, bytes, requests in flight, latency).
/// </summary>
/// <remarks>
/// Times are the simulation's own (service intervals × the service period) rounded to the nanosecond, counted from the
/// Unix epoch: the file's dates say 1970, not when it was made, so the same settings give the same bytes. Completions
/// carry their length but no data bytes (len_cap 0). A capture does not state the bus speed: reading it back infers it
/// from the descriptors, which is exact at full, high and SuperSpeed; give <c>--speed</c> for low speed and SuperSpeedPlus.
/// </remarks>
public static class SimulatedTrafficCapture
{
    /// <summary>When the reader's first requests are submitted, after the enumeration records: 1 ms.</summary>
    public const long ReaderStartNs = 1_000_000;

    /// <summary>The most records one export writes (about 0.9 GB of pcapng): beyond it the run stops with a <see cref="UsbInputException"/> and nothing is kept.</summary>
    public const long MaxRecords = 10_000_000;

    /// <summary>The bus and device address the simulated device is given.</summary>
    public const ushort Bus = 1;

    /// <inheritdoc cref="Bus"/>
    public const byte Device = 2;

    /// <summary>Runs <paramref name="settings"/> and writes its traffic to <paramref name="stream"/>; the result is the run's, as <see cref="ReaderSimulation.Run"/> gives it.</summary>
    /// <param name="settings">What to simulate (the timeline, if any, is recorded as usual).</param>
    /// <param name="stream">Where the pcapng goes; left open.</param>
    /// <param name="comment">The pcapng section comment; null for <see cref="Describe"/>'s one line on the settings.</param>
    /// <param name="cancellationToken">Stops the run (the stream then holds part of a capture: write to a temporary file).</param>
    /// <exception cref="UsbInputException">Settings the model rejects.</exception>
    public static SimulationResult Write(SimulationSettings settings, Stream stream, string? comment = null, CancellationToken cancellationToken = default) =>
        Write(settings, stream, comment, MaxRecords, cancellationToken);

    /// <summary>As the public overload, with a record limit of <paramref name="maxRecords"/> (tests).</summary>
    internal static SimulationResult Write(SimulationSettings settings, Stream stream, string? comment, long maxRecords, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(stream);
        using var writer = new UsbmonPcapWriter(stream, LinkTypes.UsbLinuxMmapped, nanoseconds: true, container: CaptureContainer.Pcapng,
            description: new PcapngDescription("drivernb", comment ?? Describe(settings), "usbmon1", "simulated by drivernb usb simulate, not captured"));
        TrafficWriter? traffic = null;
        var result = new ReaderSimulator().Run(settings, plan => traffic = new TrafficWriter(writer, plan, maxRecords), cancellationToken);
        traffic!.Finish();
        return result;
    }

    /// <summary>What was simulated, in one line: the section comment when the caller gives none.</summary>
    public static string Describe(SimulationSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var device = settings.Device is { } d ? $"; device {Quantities.FormatRate(d.RateBytesPerSecond)} into a {d.FifoDepthBytes} B FIFO" : "";
        return $"Simulated, not captured: {settings.Endpoint}; {settings.PendingReads} pending × {settings.TransferLength} B; "
            + $"turnaround {settings.Turnaround}; {settings.SimulatedTime} of bus time; seed {settings.Seed}{device}";
    }

    /// <summary>Turns the engine's completions into usbmon records in time order.</summary>
    private sealed class TrafficWriter : IRequestListener
    {
        private const ulong FirstUrb = 0xffff_8880_0000_1000;
        private readonly UsbmonPcapWriter _writer;
        private readonly double _periodNs;
        private readonly long _endNs;
        private readonly byte _type;
        private readonly byte _endpoint;
        private readonly uint _length;
        private readonly int _interval;
        private readonly int _isoPackets;
        private readonly int _isoPacketBytes;

        /// <summary>Submitted and not yet completed, earliest submission first (the host serves them in that order).</summary>
        private readonly PriorityQueue<ulong, (long At, long Order)> _inFlight = new();

        /// <summary>Completed, waiting out their turnaround: written once the capture's time reaches them.</summary>
        private readonly PriorityQueue<ulong, (long At, long Order)> _resubmits = new();

        private long _order;
        private long _records;
        private readonly long _maxRecords;

        public TrafficWriter(UsbmonPcapWriter writer, SimulationPlan plan, long maxRecords)
        {
            _writer = writer;
            _maxRecords = maxRecords;
            var endpoint = plan.Settings.Endpoint;
            _periodNs = plan.Period.Seconds * 1e9;
            _endNs = ReaderStartNs + (long)Math.Round(plan.TotalIntervals * _periodNs);
            _type = UsbRecord.CodeOf(endpoint.Type);
            _endpoint = SingleEndpointDevice.Address(endpoint);
            _length = (uint)plan.Settings.TransferLength;
            // usbmon's interval: microframes at high speed and above, frames below; 0 for bulk.
            var unitNs = endpoint.Speed is UsbSpeed.Low or UsbSpeed.Full ? 1_000_000.0 : 125_000.0;
            _interval = EndpointRules.IsPeriodic(endpoint.Type) ? (int)Math.Round(_periodNs / unitNs) : 0;
            _isoPackets = endpoint.Type == TransferType.Isochronous ? plan.IntervalsPerRequest : 0;
            _isoPacketBytes = (int)plan.BytesPerInterval;

            WriteEnumeration(endpoint);
            for (var i = 0; i < plan.PendingReads; i++)
            {
                var urb = FirstUrb + (ulong)i * 0x100;
                Submit(urb, ReaderStartNs);
            }
        }

        public void Completed(double submitted, long completed, double resubmit)
        {
            var at = TimeOf(completed);
            FlushResubmits(at, inclusive: true);
            var urb = _inFlight.Dequeue();
            Count();
            _writer.Write(at, urb, UrbEvent.Complete, _type, _endpoint, Device, Bus, 0, _length, interval: _interval, isoPackets: _isoPackets, isoPacketBytes: _isoPacketBytes);
            _resubmits.Enqueue(urb, (TimeOf(resubmit), _order++));
        }

        /// <summary>Writes the resubmissions that fall inside the simulated time; requests still in flight stay without a completion.</summary>
        public void Finish() => FlushResubmits(_endNs, inclusive: false);

        private void FlushResubmits(long until, bool inclusive)
        {
            while (_resubmits.TryPeek(out var urb, out var key) && (key.At < until || (inclusive && key.At == until)))
            {
                _resubmits.Dequeue();
                Submit(urb, key.At);
            }
        }

        private void Submit(ulong urb, long at)
        {
            Count();
            _writer.Write(at, urb, UrbEvent.Submit, _type, _endpoint, Device, Bus, UsbmonStatusNames.InProgress, _length, interval: _interval, isoPackets: _isoPackets, isoPacketBytes: _isoPacketBytes);
            _inFlight.Enqueue(urb, (at, _order++));
        }

        private void Count()
        {
            if (++_records > _maxRecords)
            {
                var most = _maxRecords.ToString("N0", CultureInfo.InvariantCulture);
                const string allowed = "simulate less time or longer transfers";
                throw new UsbInputException(UsbInputField.Export, $"more than {most} records", allowed,
                    $"the simulated traffic needs more than {most} records (about 0.9 GB of pcapng), the most one export writes; {allowed}");
            }
        }

        private long TimeOf(double intervals) => ReaderStartNs + (long)Math.Round(intervals * _periodNs);

        /// <summary>GET_DESCRIPTOR(DEVICE) and GET_DESCRIPTOR(CONFIGURATION 0) on the default control pipe, before the reader starts.</summary>
        private void WriteEnumeration(EndpointDescriptor endpoint)
        {
            var device = SingleEndpointDevice.DeviceDescriptor(endpoint.Speed);
            var configuration = SingleEndpointDevice.ConfigurationDescriptor(endpoint);
            WriteGetDescriptor(0xffff_8880_0000_0100, 100_000, 0x0100, device);
            WriteGetDescriptor(0xffff_8880_0000_0200, 300_000, 0x0200, configuration);
        }

        private void WriteGetDescriptor(ulong urb, long at, ushort value, byte[] response)
        {
            var setup = new SetupPacket(0x80, 6, value, 0, (ushort)response.Length);
            _writer.Write(at, urb, UrbEvent.Submit, 2, 0x80, Device, Bus, UsbmonStatusNames.InProgress, (uint)response.Length, setup: setup);
            _writer.Write(at + 100_000, urb, UrbEvent.Complete, 2, 0x80, Device, Bus, 0, (uint)response.Length, response);
        }
    }
}
