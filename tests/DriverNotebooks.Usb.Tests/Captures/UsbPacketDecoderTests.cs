using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>
/// A link type 288 record is one USB 2.0 packet from its PID byte to its CRC (USB 2.0 §8.3–8.4): the fields and CRCs
/// below are the ones Packetry's test references print for the same bytes of its captures.
/// </summary>
public sealed class UsbPacketDecoderTests
{
    private static UsbPacket Decode(params byte[] bytes) => UsbPacketDecoder.Decode(bytes, bytes.Length);

    [Fact]
    public void An_IN_token_carries_address_endpoint_and_a_CRC5_over_both()
    {
        // packetry_bad-crcs.pcap, packet 1: "IN packet on 7.1, CRC 1B".
        var p = Decode(0x69, 0x87, 0xD8);
        Assert.Equal((UsbPid.In, 7, 1, PacketProblem.None), (p.Pid, p.Address, p.Endpoint, p.Problem));
        Assert.Equal(0x1B, UsbCrc.Crc5(7 | (1 << 7), 11));
    }

    [Fact]
    public void A_token_whose_CRC5_does_not_match_its_fields_is_flagged_but_still_decoded()
    {
        var p = Decode(0x69, 0x88, 0xD8);
        Assert.Equal((UsbPid.In, 8, 1, PacketProblem.BadCrc5), (p.Pid, p.Address, p.Endpoint, p.Problem));
    }

    [Fact]
    public void A_SOF_carries_the_11_bit_frame_number()
    {
        // packetry_ksolti-core-enum reference: "SOF packet with frame number 884, CRC 0C".
        var word = 884 | (0x0C << 11);
        var p = Decode(0xA5, (byte)word, (byte)(word >> 8));
        Assert.Equal((UsbPid.Sof, 884, PacketProblem.None), (p.Pid, p.FrameNumber, p.Problem));
    }

    [Fact]
    public void A_data_packet_carries_its_payload_and_a_CRC16_over_it()
    {
        // packetry_ksolti-core-enum reference: "DATA0 packet with CRC 1FE9 and 8 data bytes: [00, 05, 1B, 00, 00, 00, 00, 00]" (SET_ADDRESS 27).
        byte[] bytes = [0xC3, 0x00, 0x05, 0x1B, 0x00, 0x00, 0x00, 0x00, 0x00, 0xE9, 0x1F];
        var p = Decode(bytes);
        Assert.Equal((UsbPid.Data0, 8, PacketProblem.None), (p.Pid, p.PayloadLength, p.Problem));
        Assert.Equal(bytes[1..9], p.Payload.ToArray());
        bytes[3] = 0x1C;
        Assert.Equal(PacketProblem.BadCrc16, Decode(bytes).Problem);
    }

    [Fact]
    public void A_zero_length_data_packet_has_the_CRC16_of_nothing_0000()
    {
        var p = Decode(0x4B, 0x00, 0x00);
        Assert.Equal((UsbPid.Data1, 0, PacketProblem.None), (p.Pid, p.PayloadLength, p.Problem));
    }

    [Theory]
    [InlineData(new byte[] { 0x78, 0x17, 0x02, 0x70 }, false)]
    [InlineData(new byte[] { 0x78, 0x97, 0x02, 0xA8 }, true)]
    public void A_SPLIT_names_hub_port_start_or_complete_and_endpoint_type(byte[] bytes, bool complete)
    {
        // packetry_split-nyet.pcap, packets 4 and 8: "SPLIT packet starting/completing full speed control transaction on hub 23 port 2".
        var p = Decode(bytes);
        Assert.Equal(PacketProblem.None, p.Problem);
        Assert.Equal(new SplitToken(23, complete, 2, 0), p.Split);
        Assert.Equal(TransferType.Control, p.Split!.Value.TransferType);
    }

    [Theory]
    [InlineData(new byte[] { 0xD2 }, UsbPid.Ack)]
    [InlineData(new byte[] { 0x5A }, UsbPid.Nak)]
    [InlineData(new byte[] { 0x1E }, UsbPid.Stall)]
    [InlineData(new byte[] { 0x96 }, UsbPid.Nyet)]
    public void A_handshake_is_its_PID_byte_alone(byte[] bytes, UsbPid pid) =>
        Assert.Equal((pid, UsbPidKind.Handshake, PacketProblem.None), (Decode(bytes).Pid, Decode(bytes).Kind, Decode(bytes).Problem));

    [Fact]
    public void Every_PID_byte_is_its_PID_with_the_inverted_PID_above_it() =>
        Assert.Equal([0xE1, 0x69, 0xA5, 0x2D, 0xC3, 0x4B, 0x87, 0x0F, 0xD2, 0x5A, 0x1E, 0x96, 0x3C, 0x78, 0xB4],
            new[] { UsbPid.Out, UsbPid.In, UsbPid.Sof, UsbPid.Setup, UsbPid.Data0, UsbPid.Data1, UsbPid.Data2, UsbPid.MData, UsbPid.Ack, UsbPid.Nak, UsbPid.Stall, UsbPid.Nyet, UsbPid.PreErr, UsbPid.Split, UsbPid.Ping }
                .Select(UsbPids.ByteOf).ToArray());

    [Fact]
    public void An_empty_record_is_no_packet() => Assert.Equal(PacketProblem.Empty, Decode().Problem);

    [Fact]
    public void A_PID_byte_whose_check_nibble_is_not_the_PID_inverted_is_no_packet() => Assert.Equal(PacketProblem.BadPidCheck, Decode(0xFF).Problem);

    [Fact]
    public void PID_0000_is_reserved() => Assert.Equal(PacketProblem.ReservedPid, Decode(0xF0).Problem);

    [Theory]
    [InlineData(new byte[] { 0x69, 0x87 })]
    [InlineData(new byte[] { 0x69, 0x87, 0xD8, 0x00 })]
    [InlineData(new byte[] { 0xD2, 0x00 })]
    [InlineData(new byte[] { 0x78, 0x17, 0x02 })]
    [InlineData(new byte[] { 0xC3, 0x00 })]
    public void A_packet_longer_or_shorter_than_its_PID_allows_is_no_packet(byte[] bytes) => Assert.Equal(PacketProblem.WrongLength, Decode(bytes).Problem);

    [Fact]
    public void A_data_packet_over_1024_payload_bytes_is_no_packet()
    {
        Assert.Equal(PacketProblem.None, Decode(PacketCaptures.Data(UsbPid.Data0, new byte[1024])).Problem);
        Assert.Equal(PacketProblem.WrongLength, Decode(PacketCaptures.Data(UsbPid.Data0, new byte[1025])).Problem);
    }

    [Fact]
    public void A_packet_the_snapshot_length_cut_keeps_its_length_but_its_CRC_cannot_be_checked()
    {
        var whole = PacketCaptures.Data(UsbPid.Data1, new byte[64]);
        var p = UsbPacketDecoder.Decode(whole.AsMemory(0, 10), whole.Length);
        Assert.Equal((PacketProblem.CutBySnapLength, 67, 64), (p.Problem, p.Length, p.PayloadLength));
    }
}
