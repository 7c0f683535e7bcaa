using System.Buffers.Binary;
using System.Globalization;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Bench;

/// <summary>
/// The bus view of a hardware analyser's capture (link type 288) at size: the report of a 1,000,000-packet capture (a
/// high-speed bulk IN endpoint polled every microframe, answering one IN in four with 512 bytes and NAKing the rest,
/// written deterministically) against <c>tshark -T fields</c> printing four <c>usbll</c> fields of the same file, and
/// the peak working set of a read in a fresh process at 1,000,000 and 3,000,000 packets (target: independent of size).
/// </summary>
public sealed class CapturePacketsBenchmark : IBenchmark
{
    public string Name => "capture-packets";

    public string Description => "usb capture bus view of a 1,000,000-packet link type 288 pcap vs tshark -T fields (usbll); peak memory at 1M and 3M packets";

    public void Run(TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("drivernb-bench-packets-");
        try
        {
            var million = Write(folder.FullName, 1_000_000);
            var three = Write(folder.FullName, 3_000_000);
            output.WriteLine($"capture: {new FileInfo(million).Length / 1e6:F1} MB, 1,000,000 packets (link type 288, high speed, bulk IN polled each microframe, 1 in 4 answered with 512 B)");
            var bus = CaptureAnalysis.Analyze(million).Bus!;
            var e = bus.Endpoints.Single();
            output.WriteLine($"  measured: {e.Transactions:N0} transactions, NAK share {e.NakShare:P1}, {e.Bytes:N0} B, {e.ThroughputBytesPerSecond / 1e6:F3} MB/s; SOFs every {bus.Sof.Interval.MeanSeconds * 1e6:F3} us");
            var ours = Measure.Repeat("  drivernb bus view (CaptureAnalysis.Analyze)", 1, 3, () => CaptureAnalysis.Analyze(million));
            output.WriteLine(ours);
            var tshark = "/usr/bin/tshark";
            if (File.Exists(tshark))
            {
                var run = Processes.Execute(tshark, ["-r", million, "-T", "fields", "-e", "frame.time_epoch", "-e", "usbll.pid", "-e", "usbll.device_addr", "-e", "usbll.endp"]);
                if (run.ExitCode != 0) throw new InvalidOperationException($"tshark failed ({run.ExitCode}): {run.Error}");
                var lines = run.Output.Count(c => c == '\n');
                output.WriteLine($"  tshark -T fields (4 usbll fields): {run.Elapsed.TotalSeconds:F2} s for {lines:N0} lines; ours is {run.Elapsed.TotalSeconds / ours.Median.TotalSeconds:F0}x faster");
            }
            else
            {
                output.WriteLine("  tshark: not installed, comparison skipped");
            }
            foreach (var (label, file) in new[] { ("1,000,000 packets", million), ("3,000,000 packets", three) })
            {
                var child = Processes.Execute(Environment.ProcessPath!, [typeof(CaptureBenchmark).Assembly.Location, "--capture-once", file]);
                if (child.ExitCode != 0) throw new InvalidOperationException($"{label}: the child failed ({child.ExitCode}): {child.Error}");
                var parts = child.Output.Trim().Split(' ');
                output.WriteLine($"  {label} ({new FileInfo(file).Length / 1e6:F0} MB) in a fresh process: peak working set {long.Parse(parts[0], CultureInfo.InvariantCulture) / (1024 * 1024)} MiB, report in {parts[1]} s");
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A nanosecond pcap of <paramref name="packets"/> packets: per microframe a SOF and an IN to device 5 endpoint 1, answered every fourth time with 512 bytes (ACKed), else NAKed.</summary>
    private static string Write(string folder, long packets)
    {
        var path = Path.Combine(folder, $"analyser-{packets}.pcap");
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        var header = new byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, 0xA1B23C4D);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(4), 2);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(6), 4);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 65535);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(20), LinkTypes.Usb20);
        file.Write(header);
        var payload = new byte[512];
        for (var i = 0; i < payload.Length; i++) payload[i] = (byte)(i * 7);
        var crc = UsbCrc.Crc16(payload);
        byte[] data0 = [UsbPids.ByteOf(UsbPid.Data0), .. payload, (byte)crc, (byte)(crc >> 8)];
        byte[] data1 = [UsbPids.ByteOf(UsbPid.Data1), .. payload, (byte)crc, (byte)(crc >> 8)];
        var inToken = Token(UsbPid.In, 5 | (1 << 7));
        byte[] ack = [UsbPids.ByteOf(UsbPid.Ack)], nak = [UsbPids.ByteOf(UsbPid.Nak)];
        var record = new byte[16];
        long written = 0, microframe = 0, start = 1_700_000_000_000_000_000;
        void Packet(long ns, byte[] bytes)
        {
            if (written == packets) return;
            BinaryPrimitives.WriteUInt32LittleEndian(record, (uint)(ns / 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(4), (uint)(ns % 1_000_000_000));
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(8), (uint)bytes.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(record.AsSpan(12), (uint)bytes.Length);
            file.Write(record);
            file.Write(bytes);
            written++;
        }
        while (written < packets)
        {
            var t = start + microframe * 125_000;
            Packet(t, Token(UsbPid.Sof, (uint)(microframe / 8 % 2048)));
            Packet(t + 1_000, inToken);
            if (microframe % 4 == 0)
            {
                Packet(t + 1_200, microframe / 4 % 2 == 0 ? data0 : data1);
                Packet(t + 10_000, ack);
            }
            else
            {
                Packet(t + 1_200, nak);
            }
            microframe++;
        }
        return path;
    }

    private static byte[] Token(UsbPid pid, uint fields)
    {
        var word = fields | ((uint)UsbCrc.Crc5(fields, 11) << 11);
        return [UsbPids.ByteOf(pid), (byte)word, (byte)(word >> 8)];
    }
}
