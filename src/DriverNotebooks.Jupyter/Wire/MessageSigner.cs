using System.Security.Cryptography;
using System.Text;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Signs and checks Jupyter messages: the lower-case hex HMAC-SHA256, under the connection file's key,
/// of the header, parent header, metadata and content frames in that order. With an empty key
/// signing is off: the signature is empty and any signature is accepted, as the protocol says.
/// Thread-safe: every call uses its own HMAC state.
/// </summary>
/// <remarks>Jupyter messaging protocol 5.3, "The Wire Protocol".</remarks>
internal sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>False when the key is empty: messages go unsigned and unchecked.</summary>
    public bool IsEnabled => _key.Length > 0;

    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled) return "";
        Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(header, parentHeader, metadata, content, mac);
        return Convert.ToHexStringLower(mac);
    }

    /// <summary>True when <paramref name="signature"/> is the frames' signature (compared in constant time).</summary>
    public bool Verify(ReadOnlySpan<byte> signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!IsEnabled) return true;
        if (signature.Length != HMACSHA256.HashSizeInBytes * 2) return false;
        Span<byte> expected = stackalloc byte[HMACSHA256.HashSizeInBytes];
        Compute(header, parentHeader, metadata, content, expected);
        Span<byte> given = stackalloc byte[HMACSHA256.HashSizeInBytes];
        if (!TryParseHex(signature, given)) return false;
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    private void Compute(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content, Span<byte> mac)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        hmac.GetHashAndReset(mac);
    }

    private static bool TryParseHex(ReadOnlySpan<byte> hex, Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            var high = HexValue(hex[2 * i]);
            var low = HexValue(hex[2 * i + 1]);
            if (high < 0 || low < 0) return false;
            bytes[i] = (byte)(high << 4 | low);
        }
        return true;
    }

    private static int HexValue(byte c) => c switch
    {
        >= (byte)'0' and <= (byte)'9' => c - '0',
        >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
        >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
        _ => -1,
    };
}
