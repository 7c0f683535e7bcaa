using System.Text.RegularExpressions;
using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// Packetry's test references (its expected decode of its own captures, stored beside them) are a second reader to
/// agree with: every transaction it lists, by start or complete split, token, device, endpoint, data length and
/// handshake, is one we group from the same packets, no more and no fewer; its SOF lists are ours.
/// </summary>
public sealed partial class PacketryReferenceTests
{
    public static TheoryData<string> Captures() => [CaptureFiles.PacketsFullSpeedEnumeration, CaptureFiles.PacketsSplitNyet];

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_transaction_Packetry_lists_is_one_we_group_from_the_same_packets(string capture)
    {
        var theirs = Reference(capture).Select(line => TransactionLine().Match(line)).Where(m => m.Success).Select(m => Key(
            m.Groups["split"].Value, m.Groups["token"].Value, int.Parse(m.Groups["address"].Value), int.Parse(m.Groups["endpoint"].Value),
            m.Groups["with"].Success ? (m.Groups["bytes"].Success ? int.Parse(m.Groups["bytes"].Value) : 0) : null,
            m.Groups["handshake"].Success ? m.Groups["handshake"].Value : null)).ToList();
        var ours = Transactions(capture).Select(t => Key(
            t.Split is null ? "" : t.Split.Value.Complete ? "Completing" : "Starting", UsbPids.Name(t.Token), t.Address, t.Endpoint,
            t.DataPid is null ? null : t.DataBytes,
            t.Outcome switch
            {
                TransactionOutcome.NoHandshake or TransactionOutcome.NoResponse => null,
                var o => o.ToString().ToUpperInvariant(),
            })).ToList();
        Assert.True(theirs.Count > 20, $"the reference lists {theirs.Count} transactions");
        Assert.Equal(Tally(theirs), Tally(ours));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void The_SOF_packets_and_their_frame_numbers_are_the_ones_Packetry_lists(string capture)
    {
        var frameNumbers = Reference(capture).Select(line => SofLine().Match(line)).Where(m => m.Success).Select(m => int.Parse(m.Groups[1].Value)).ToList();
        var bus = CaptureAnalysis.Analyze(CaptureFiles.PathOf(capture)).Bus!;
        Assert.Equal(frameNumbers.Count, bus.Sof.Count);
        Assert.Equal((frameNumbers[0], frameNumbers[^1]), (bus.Sof.FirstFrameNumber, bus.Sof.LastFrameNumber));
        Assert.Equal(frameNumbers.Zip(frameNumbers.Skip(1)).Count(p => p.First == p.Second), bus.Sof.RepeatedFrameNumbers);
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void The_bytes_an_IN_endpoint_delivered_are_the_data_Packetry_lists_as_taken(string capture)
    {
        // IN data is taken when the host ACKs it, or, on a complete split, when it arrives (the host sends no handshake there).
        var delivered = Reference(capture).Select(line => TransactionLine().Match(line))
            .Where(m => m.Success && m.Groups["token"].Value == "IN" && m.Groups["bytes"].Success
                        && (m.Groups["handshake"].Value == "ACK" || (m.Groups["split"].Value == "Completing" && !m.Groups["handshake"].Success)))
            .GroupBy(m => int.Parse(m.Groups["address"].Value))
            .ToDictionary(g => g.Key, g => g.Sum(m => long.Parse(m.Groups["bytes"].Value)));
        var bus = CaptureAnalysis.Analyze(CaptureFiles.PathOf(capture)).Bus!;
        var ours = bus.Endpoints.Where(e => e.Direction == TransferDirection.In && e.Bytes > 0).ToDictionary(e => e.Device, e => e.Bytes);
        Assert.NotEmpty(delivered);
        Assert.Equal(delivered.OrderBy(kv => kv.Key), ours.OrderBy(kv => kv.Key));
    }

    [Theory]
    [MemberData(nameof(Captures))]
    public void Every_GET_DESCRIPTOR_Packetry_lists_is_a_response_we_reassemble_with_as_many_bytes(string capture)
    {
        var types = new Dictionary<string, int> { ["device"] = 1, ["configuration"] = 2, ["string"] = 3 };
        var theirs = Reference(capture).Select(line => DescriptorLine().Match(line)).Where(m => m.Success)
            .Select(m => $"{m.Groups["device"].Value} type {types[m.Groups["type"].Value]} #{m.Groups["index"].Value}: {m.Groups["bytes"].Value} B").ToList();
        var ours = CaptureAnalysis.Analyze(CaptureFiles.PathOf(capture)).Descriptors
            .Select(d => $"{d.Device} type {d.DescriptorType} #{d.DescriptorIndex}: {d.Bytes.Length} B").ToList();
        Assert.True(theirs.Count >= 5, $"the reference lists {theirs.Count} GET_DESCRIPTORs");
        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void The_descriptors_reassembled_from_the_control_transfers_are_the_ones_Packetry_decodes()
    {
        var reference = File.ReadAllLines(CaptureFiles.PathOf("packetry_ksolti-core-enum.devices-reference.txt")).Select(l => l.Trim()).ToList();
        int Hex(string label) => Convert.ToInt32(reference.First(l => l.StartsWith(label, StringComparison.Ordinal))[label.Length..].Split(':')[0].Trim(), 16);
        var endpoints = reference.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("Endpoint address: ", StringComparison.Ordinal))
            .Select(x => (Convert.ToInt32(x.line["Endpoint address: ".Length..], 16), int.Parse(reference[x.i + 2]["Max packet size: ".Length..].Split(' ')[0])))
            .ToList();

        var dump = DescriptorDumpReader.ReadFile(CaptureFiles.PathOf(CaptureFiles.PacketsFullSpeedEnumeration));
        var device = Assert.Single(dump.Devices);
        Assert.Equal((Hex("Vendor ID: "), Hex("Product ID: ")), (device.VendorId, device.ProductId));
        Assert.Equal((0, 27), (device.Bus, device.Address));
        Assert.Equal(8, endpoints.Count);
        Assert.Equal(endpoints, device.Endpoints.Select(e => (e.Endpoint.Address, e.Endpoint.MaxPacketSize)));
    }

    private static string Key(string split, string token, int address, int endpoint, int? dataBytes, string? handshake) =>
        $"{split} {token} {address}.{endpoint} data={(dataBytes is { } n ? n.ToString() : "none")} {handshake ?? "-"}";

    private static SortedDictionary<string, int> Tally(IEnumerable<string> keys) => new(keys.GroupBy(k => k).ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    private static IEnumerable<string> Reference(string capture) =>
        File.ReadLines(CaptureFiles.PathOf(Path.ChangeExtension(capture, ".reference.txt"))).Select(line => line.TrimStart(' ', '│', '├', '└', '○', '─', '┼'));

    internal static List<UsbTransaction> Transactions(string capture)
    {
        var transactions = new List<UsbTransaction>();
        var assembler = new TransactionAssembler(transactions.Add);
        foreach (var p in CaptureReader.ReadPackets(CaptureFiles.PathOf(capture), new CaptureReadLog())) assembler.Add(p);
        assembler.Finish();
        return transactions;
    }

    [GeneratedRegex(@"^(?:(?<split>Starting|Completing) )?(?<token>SETUP|IN|OUT|PING) transaction on (?<address>\d+)\.(?<endpoint>\d+)(?<with> with (?:no data|(?<bytes>\d+) data bytes))?(?:, (?<handshake>ACK|NAK|STALL|NYET|ERR))?")]
    private static partial Regex TransactionLine();

    [GeneratedRegex(@"^Getting (?<type>device|configuration|string) descriptor #(?<index>\d+)(?:, language 0x[0-9A-Fa-f]+(?: \([^)]*\))?)? for device (?<device>\d+), reading (?<bytes>\d+)")]
    private static partial Regex DescriptorLine();

    [GeneratedRegex(@"^SOF packet with frame number (\d+)")]
    private static partial Regex SofLine();
}
