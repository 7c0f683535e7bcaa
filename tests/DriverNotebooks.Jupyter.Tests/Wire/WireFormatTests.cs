using System.Text;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter.Tests.Wire;

public sealed class WireFormatTests
{
    private static readonly MessageSigner Signer = new("secret");
    private static readonly MessageOrigin Origin = new("session-1", "tester");

    [Fact]
    public void A_message_survives_encoding_and_decoding_with_its_identities_and_buffers()
    {
        // Given
        var message = JupyterMessage.Create(MessageTypes.ExecuteRequest, new JsonObject { ["code"] = "1 + 1" }, JupyterJson.Context.JsonObject, Origin)
            with { Identities = ["client-a"u8.ToArray(), "client-b"u8.ToArray()], Buffers = [[1, 2, 3]] };

        // When
        var frames = WireFormat.Encode(message, Signer);
        var decoded = WireFormat.Decode(frames, Signer);

        // Then
        Assert.Equal(2 + 6 + 1, frames.Count);
        Assert.Equal("<IDS|MSG>", Encoding.ASCII.GetString(frames[2]));
        Assert.Equal(message.Identities, decoded.Identities);
        Assert.Equal(message.Header, decoded.Header);
        Assert.Equal(message.HeaderJson, decoded.HeaderJson);
        Assert.Equal(message.ContentJson, decoded.ContentJson);
        Assert.Equal(message.Buffers, decoded.Buffers);
        Assert.Equal("1 + 1", decoded.ReadContent(JupyterJson.Context.ExecuteRequest).Code);
    }

    [Fact]
    public void A_reply_carries_the_request_header_as_its_parent_and_snake_case_content()
    {
        // Given
        var request = JupyterMessage.Create(MessageTypes.KernelInfoRequest, new JsonObject(), JupyterJson.Context.JsonObject, Origin);

        // When
        var reply = JupyterMessage.Create(MessageTypes.ExecuteReply, new ExecuteReply { Status = "ok", ExecutionCount = 3 }, JupyterJson.Context.ExecuteReply, Origin, request);

        // Then
        Assert.Equal(request.HeaderJson, reply.ParentHeaderJson);
        Assert.Equal("""{"status":"ok","execution_count":3}""", Encoding.UTF8.GetString(reply.ContentJson));
        var header = JsonNode.Parse(reply.HeaderJson)!;
        Assert.Equal(["msg_id", "session", "username", "date", "msg_type", "version"], header.AsObject().Select(p => p.Key));
        Assert.Equal("5.3", (string?)header["version"]);
    }

    [Fact]
    public void Html_is_not_escaped_beyond_what_json_requires()
    {
        // When
        var content = JupyterMessage.Create(MessageTypes.Stream, new StreamContent("stdout", "<b>a & b</b> µs \"q\""), JupyterJson.Context.StreamContent, Origin).ContentJson;

        // Then
        Assert.Equal("""{"name":"stdout","text":"<b>a & b</b> µs \"q\""}""", Encoding.UTF8.GetString(content));
    }

    [Fact]
    public void A_message_signed_with_another_key_is_rejected_as_badly_signed()
    {
        // Given
        var message = JupyterMessage.Create(MessageTypes.KernelInfoRequest, new JsonObject(), JupyterJson.Context.JsonObject, Origin);
        var frames = WireFormat.Encode(message, new MessageSigner("another"));

        // When
        var error = Assert.Throws<WireFormatException>(() => WireFormat.Decode(frames, Signer));

        // Then
        Assert.True(error.IsBadSignature);
        Assert.Equal("bad signature", error.Message);
    }

    [Fact]
    public void Frames_without_the_delimiter_or_with_too_few_parts_are_rejected()
    {
        // Then
        Assert.Equal("no <IDS|MSG> delimiter frame",
            Assert.Throws<WireFormatException>(() => WireFormat.Decode([[1], [2]], Signer)).Message);
        Assert.StartsWith("3 frames after the delimiter",
            Assert.Throws<WireFormatException>(() => WireFormat.Decode(["<IDS|MSG>"u8.ToArray(), [], [], []], Signer)).Message);
    }
}
