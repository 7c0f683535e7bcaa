using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// One Jupyter message as it travels: the routing identities, then the four JSON parts kept as the
/// exact bytes received (so a reply's <c>parent_header</c> is the request's header byte for byte),
/// then any binary buffers.
/// </summary>
internal sealed record JupyterMessage
{
    private static readonly byte[] EmptyObject = "{}"u8.ToArray();

    /// <summary>The ROUTER identities of the sender (a reply goes back to them); the topic for IOPub.</summary>
    public IReadOnlyList<byte[]> Identities { get; init; } = [];

    public required MessageHeader Header { get; init; }

    /// <summary>The header as JSON: as received, or as serialized for a message we send.</summary>
    public required byte[] HeaderJson { get; init; }

    /// <summary>The header of the request this message answers, as JSON; <c>{}</c> when none.</summary>
    public byte[] ParentHeaderJson { get; init; } = EmptyObject;

    public byte[] MetadataJson { get; init; } = EmptyObject;

    public byte[] ContentJson { get; init; } = EmptyObject;

    public IReadOnlyList<byte[]> Buffers { get; init; } = [];

    /// <summary>The signature frame as received (empty for a message we make: it is signed when encoded).</summary>
    public byte[] Signature { get; init; } = [];

    public string MsgType => Header.MsgType;

    /// <summary>A new message of <paramref name="msgType"/> carrying <paramref name="content"/>.</summary>
    public static JupyterMessage Create<T>(string msgType, T content, JsonTypeInfo<T> contentType, MessageOrigin origin, JupyterMessage? parent = null)
    {
        var header = MessageHeader.Create(msgType, origin.Session, origin.Username);
        return new JupyterMessage
        {
            Header = header,
            HeaderJson = JsonSerializer.SerializeToUtf8Bytes(header, JupyterJson.Context.MessageHeader),
            ParentHeaderJson = parent?.HeaderJson ?? EmptyObject,
            ContentJson = JsonSerializer.SerializeToUtf8Bytes(content, contentType),
        };
    }

    /// <summary>The content read as <typeparamref name="T"/>; a malformed content throws <see cref="JsonException"/>.</summary>
    public T ReadContent<T>(JsonTypeInfo<T> contentType) =>
        JsonSerializer.Deserialize(ContentJson, contentType) ?? throw new JsonException($"{MsgType}: the content is null; expected an object");
}

/// <summary>Who the kernel's messages say they are from: its session id and user name.</summary>
internal sealed record MessageOrigin(string Session, string Username)
{
    public static MessageOrigin ForKernel() => new(Guid.NewGuid().ToString("N"), "drivernb");
}
