using System.Text;
using System.Text.Json;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Turns frames into messages and back:
/// <c>[identities…] "&lt;IDS|MSG&gt;" signature header parent_header metadata content [buffers…]</c>.
/// </summary>
/// <remarks>Jupyter messaging protocol 5.3, "The Wire Protocol".</remarks>
internal static class WireFormat
{
    public static ReadOnlySpan<byte> Delimiter => "<IDS|MSG>"u8;

    /// <summary>
    /// Reads a message received as <paramref name="frames"/>; throws <see cref="WireFormatException"/>
    /// when they are malformed or the signature does not match (such a message must be dropped).
    /// </summary>
    public static JupyterMessage Decode(IReadOnlyList<byte[]> frames, MessageSigner signer)
    {
        var delimiter = -1;
        for (var i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                delimiter = i;
                break;
            }
        }
        if (delimiter < 0) throw new WireFormatException("no <IDS|MSG> delimiter frame");
        if (frames.Count < delimiter + 6) throw new WireFormatException($"{frames.Count - delimiter - 1} frames after the delimiter; expected at least 5 (signature, header, parent header, metadata, content)");

        var signature = frames[delimiter + 1];
        var header = frames[delimiter + 2];
        var parent = frames[delimiter + 3];
        var metadata = frames[delimiter + 4];
        var content = frames[delimiter + 5];
        if (!signer.Verify(signature, header, parent, metadata, content)) throw new WireFormatException("bad signature", isBadSignature: true);

        MessageHeader parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(header, JupyterJson.Context.MessageHeader)
                ?? throw new WireFormatException("the header is null");
        }
        catch (JsonException e)
        {
            throw new WireFormatException($"the header is not a valid message header: {e.Message}");
        }
        if (string.IsNullOrEmpty(parsed.MsgType)) throw new WireFormatException("the header has no msg_type");

        return new JupyterMessage
        {
            Identities = [.. frames.Take(delimiter)],
            Signature = signature,
            Header = parsed,
            HeaderJson = header,
            ParentHeaderJson = parent,
            MetadataJson = metadata,
            ContentJson = content,
            Buffers = [.. frames.Skip(delimiter + 6)],
        };
    }

    /// <summary>The frames to send for <paramref name="message"/>, signed.</summary>
    public static List<byte[]> Encode(JupyterMessage message, MessageSigner signer)
    {
        var signature = signer.Sign(message.HeaderJson, message.ParentHeaderJson, message.MetadataJson, message.ContentJson);
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter.ToArray());
        frames.Add(Encoding.ASCII.GetBytes(signature));
        frames.Add(message.HeaderJson);
        frames.Add(message.ParentHeaderJson);
        frames.Add(message.MetadataJson);
        frames.Add(message.ContentJson);
        frames.AddRange(message.Buffers);
        return frames;
    }
}

/// <summary>Frames that are not a valid, correctly signed Jupyter message.</summary>
internal sealed class WireFormatException(string message, bool isBadSignature = false) : Exception(message)
{
    /// <summary>True when the frames were well formed but signed with another key (or tampered with).</summary>
    public bool IsBadSignature { get; } = isBadSignature;
}
