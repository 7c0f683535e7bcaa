using System.Globalization;
using DriverNotebooks.Usb;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Bench;

/// <summary>
/// What a verdict per endpoint costs (issue 18, section 3): the charted endpoint's verdict in full (the analytic model, the
/// simulation at the measured point, the what-if levers) against every endpoint's verdict from the rules and the analytic
/// model only (<see cref="VerdictDetail.Analytic"/>), on the real captures and on a 10-second SuperSpeed bulk reader, the
/// longest simulation a verdict runs (the simulated time is the endpoint's span, at most 10 s, in packet slots at the
/// measured rate). Target: a capture with 30 endpoints decides them all in far less than 30 full verdicts.
/// </summary>
public sealed class CaptureVerdictBenchmark : IBenchmark
{
    public string Name => "capture-verdict";

    public string Description => "verdict per endpoint: full (simulation + levers) vs analytic only, real captures and a 10 s SuperSpeed bulk reader (target: per endpoint well under 50 ms)";

    public void Run(TextWriter output)
    {
        var root = Processes.RepositoryRoot();
        foreach (var path in new[]
                 {
                     Path.Combine(root, "notebooks", "data", "mct-jcd543-4k-bulk-out.pcapng"),
                     Path.Combine(root, "notebooks", "data", "usbmon-tools_usbpcap1.pcapng"),
                 })
        {
            var report = CaptureAnalysis.Analyze(path);
            var charted = report.Busiest!;
            var descriptor = CaptureDescriptors.EndpointFor(report, charted).Descriptor!;
            output.WriteLine($"{report.Source}: {report.Endpoints.Count} endpoints, charted {charted.DeviceName} {charted.EndpointName} ({charted.Transfers:N0} transfers over {charted.SpanSeconds:F3} s)");
            output.WriteLine(Measure.Repeat("  charted endpoint, full verdict", 2, 15, () => CaptureVerdict.Decide(charted, descriptor)));
            output.WriteLine(Measure.Repeat("  charted endpoint, analytic verdict", 2, 15, () => CaptureVerdict.Decide(charted, descriptor, detail: VerdictDetail.Analytic)));
            output.WriteLine(Measure.Repeat("  every endpoint (EndpointVerdicts.Decide, descriptors from the capture)", 2, 15, () => EndpointVerdicts.Decide(report)));
        }

        // The longest a full verdict simulates: 10 s of a bulk reader at a SuperSpeed rate (1024-byte packet slots: about
        // 3.9 million at 400 MB/s) and at a Gen 2 rate of 900 MB/s (about 8.8 million).
        foreach (var (label, speed, rate) in new[] { ("SuperSpeed bulk, 400 MB/s", UsbSpeed.Super, 400e6), ("SuperSpeed+ bulk, 900 MB/s", UsbSpeed.SuperPlus, 900e6) })
        {
            const uint transfer = 65536;
            var reader = new SyntheticReaderCapture(Pending: 2, TransferBytes: transfer, ServiceNs: (long)Math.Round(transfer / rate * 1e9), TurnaroundNs: 150_000);
            using var stream = new MemoryStream();
            // Enough transfers for more than 10 s even at the full rate: the simulated time is then the 10 s cap.
            reader.Write(stream, 2 * (long)(10.5 * rate / transfer));
            stream.Position = 0;
            var m = CaptureAnalysis.Analyze(stream, "synthetic").Endpoints.Single();
            var endpoint = new EndpointDescriptor(speed, TransferType.Bulk, 1024, 0) { Burst = 16 };
            var verdict = CaptureVerdict.Decide(m, endpoint);
            output.WriteLine($"{label}: {m.Transfers:N0} transfers over {m.SpanSeconds:F2} s, {verdict.LimitedBy}, simulated {verdict.SimulatedBytesPerSecond / 1e6:F1} MB/s");
            var full = Measure.Repeat("  full verdict", 1, 5, () => CaptureVerdict.Decide(m, endpoint));
            var analytic = Measure.Repeat("  analytic verdict", 2, 15, () => CaptureVerdict.Decide(m, endpoint, detail: VerdictDetail.Analytic));
            output.WriteLine(full);
            output.WriteLine(analytic);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  30 such endpoints: {30 * full.Median.TotalMilliseconds:F0} ms in full, {30 * analytic.Median.TotalMilliseconds:F1} ms analytic"));
        }
    }
}
