using System.Globalization;

namespace DriverNotebooks.Jupyter;

/// <summary>A message's header: who sent it, when, and what kind of message it is.</summary>
/// <param name="MsgId">Unique per message.</param>
/// <param name="Session">The sender's session id; the kernel uses one per process.</param>
/// <param name="Username">The sender's user name.</param>
/// <param name="Date">ISO 8601 with a time zone.</param>
/// <param name="MsgType">E.g. <c>execute_request</c>.</param>
/// <param name="Version">The protocol version, <c>5.3</c>.</param>
internal sealed record MessageHeader(string MsgId, string Session, string Username, string Date, string MsgType, string Version)
{
    public const string ProtocolVersion = "5.3";

    public static MessageHeader Create(string msgType, string session, string username) => new(
        Guid.NewGuid().ToString("N"),
        session,
        username,
        DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        msgType,
        ProtocolVersion);
}
