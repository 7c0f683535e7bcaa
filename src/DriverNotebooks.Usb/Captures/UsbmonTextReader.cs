using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// Reads the usbmon text format of <c>/sys/kernel/debug/usb/usbmon/Nu</c> (and the older <c>Nt</c>) line by line:
/// <c>URB-tag timestamp event-type address status-or-setup [ISO fields] length [data-tag [data words]]</c>, e.g.
/// <c>d5ea89a0 3575914555 S Ci:1:001:0 s a3 00 0000 0003 0004 4 &lt;</c>. The address word is
/// <c>{C,B,I,Z}{i,o}:bus:device:endpoint</c> (the <c>t</c> format has no bus). Timestamps are microseconds in
/// 32 bits; a wrap (every 71.6 minutes) is unwound. The record's <see cref="UsbRecord.FileOffset"/> is its line number.
/// </summary>
internal static class UsbmonTextReader
{
    public static bool LooksLikeText(ReadOnlySpan<byte> start)
    {
        var i = 0;
        while (i < start.Length && start[i] is (byte)'\r' or (byte)'\n') i++;
        var hex = 0;
        while (i < start.Length && Uri.IsHexDigit((char)start[i])) { i++; hex++; }
        return hex > 0 && i < start.Length && start[i] == (byte)' ';
    }

    public static IEnumerable<UsbRecord> Records(Stream stream, string source, CaptureReadLog log)
    {
        log.Format = "usbmon text";
        using var reader = new StreamReader(stream, System.Text.Encoding.ASCII, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        long lineNumber = 0;
        long previousMicros = -1;
        long wraps = 0;
        string? line;
        string? pending = reader.ReadLine();
        while ((line = pending) is not null)
        {
            pending = reader.ReadLine();
            lineNumber++;
            if (line.Length > CaptureLimits.MaxTextLineChars)
            {
                throw CaptureFormatException.AtLine(source, lineNumber, $"line is {line.Length} characters long; a usbmon line holds at most {CaptureLimits.MaxTextLineChars}");
            }
            if (string.IsNullOrWhiteSpace(line)) continue;
            UsbRecord record;
            try
            {
                record = Parse(line, lineNumber, ref previousMicros, ref wraps);
            }
            catch (FormatException e)
            {
                if (pending is null)
                {
                    log.Warn($"line {lineNumber}: the last line is cut short ({e.Message}); the {log.Frames} lines before it are read");
                    yield break;
                }
                throw CaptureFormatException.AtLine(source, lineNumber, e.Message);
            }
            log.Frames++;
            yield return record;
        }
    }

    private static UsbRecord Parse(string line, long lineNumber, ref long previousMicros, ref long wraps)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 5) throw new FormatException($"a usbmon line has at least 5 words (tag, time, event, address, status); this one has {words.Length}");
        if (!ulong.TryParse(words[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var tag)) throw new FormatException($"URB tag {Quote(words[0])} is not hexadecimal");
        if (!long.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out var micros) || micros > uint.MaxValue)
            throw new FormatException($"timestamp {Quote(words[1])} is not microseconds (a whole number below 2^32)");
        if (previousMicros >= 0 && micros + 0x8000_0000L < previousMicros) wraps++;
        previousMicros = micros;
        var kind = words[2] switch
        {
            "S" => UrbEvent.Submit,
            "C" => UrbEvent.Complete,
            "E" => UrbEvent.SubmitError,
            _ => throw new FormatException($"event type {Quote(words[2])} is not S, C or E"),
        };
        var address = words[3].Split(':');
        if (address.Length is < 3 or > 4 || address[0].Length != 2) throw new FormatException($"address {Quote(words[3])} is not TYPE:BUS:DEVICE:ENDPOINT such as Bi:1:005:2");
        byte transferType = address[0][0] switch
        {
            'Z' => 0, 'I' => 1, 'C' => 2, 'B' => 3,
            _ => throw new FormatException($"transfer type {Quote(address[0][..1])} is not C, B, I or Z"),
        };
        var isIn = address[0][1] switch
        {
            'i' => true, 'o' => false,
            _ => throw new FormatException($"direction {Quote(address[0][1..])} is not i or o"),
        };
        var bus = address.Length == 4 ? Number(address[1], "bus") : 0;
        var device = Number(address[^2], "device");
        var endpointNumber = Number(address[^1], "endpoint");
        if (endpointNumber > 15 || device > 127) throw new FormatException($"address {Quote(words[3])} has device {device} or endpoint {endpointNumber} out of range (device 0-127, endpoint 0-15)");

        var index = 4;
        var status = 0;
        SetupPacket? setup = null;
        if (words[index] == "s")
        {
            if (words.Length < index + 6) throw new FormatException("setup packet needs 5 words after 's'");
            setup = new SetupPacket(Hex8(words[5]), Hex8(words[6]), Hex16(words[7]), Hex16(words[8]), Hex16(words[9]));
            status = UsbmonStatusNames.InProgress;
            index += 6;
        }
        else
        {
            var statusWord = words[index].Split(':')[0];
            if (!int.TryParse(statusWord, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out status)) throw new FormatException($"status {Quote(words[index])} is not a number");
            index++;
        }
        // Everything up to the data tag: ISO counts and descriptors (they contain ':'), then the data length last.
        var tagIndex = Array.FindIndex(words, index, w => w.Length == 1 && !char.IsDigit(w[0]));
        var lengthIndex = (tagIndex < 0 ? words.Length : tagIndex) - 1;
        if (lengthIndex < index) throw new FormatException("data length is missing");
        if (!long.TryParse(words[lengthIndex], NumberStyles.None, CultureInfo.InvariantCulture, out var length)) throw new FormatException($"data length {Quote(words[lengthIndex])} is not a whole number");
        byte[] data = [];
        if (tagIndex >= 0 && words[tagIndex] == "=")
        {
            var hex = string.Concat(words.AsSpan(tagIndex + 1));
            if (hex.Length % 2 != 0) throw new FormatException("data words have an odd number of hex digits");
            try { data = Convert.FromHexString(hex); }
            catch (FormatException) { throw new FormatException("data words are not hexadecimal"); }
        }
        var timestamp = (micros + (wraps << 32)) * 1_000L;
        var endpoint = (byte)(endpointNumber | (isIn ? 0x80 : 0));
        return new UsbRecord(lineNumber, timestamp, CaptureFlavor.Usbmon, tag, kind, bus, device, endpoint, transferType,
            status, length, data.Length, Function: 0, ControlStage: -1, setup, data);
    }

    private static int Number(string text, string what) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n <= 65535 ? n : throw new FormatException($"{what} {Quote(text)} is not a whole number");

    private static byte Hex8(string text) =>
        byte.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b) ? b : throw new FormatException($"setup byte {Quote(text)} is not hexadecimal");

    private static ushort Hex16(string text) =>
        ushort.TryParse(text, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var v) ? v : throw new FormatException($"setup word {Quote(text)} is not hexadecimal");

    private static string Quote(string text) => "'" + (text.Length > 40 ? text[..40] + "…" : text) + "'";
}
