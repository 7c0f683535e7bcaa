using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// The JSON of every message part: snake_case names, nulls left out, and text escaped only where JSON
/// requires it (a chart's HTML carries megabytes of script, which HTML-safe escaping would bloat).
/// Source-generated, so a cold kernel serializes its first reply without reflection.
/// </summary>
internal static class JupyterJson
{
    public static JupyterJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}

[JsonSerializable(typeof(MessageHeader))]
[JsonSerializable(typeof(ExecuteRequest))]
[JsonSerializable(typeof(ExecuteReply))]
[JsonSerializable(typeof(KernelInfoReply))]
[JsonSerializable(typeof(CompleteRequest))]
[JsonSerializable(typeof(CompleteReply))]
[JsonSerializable(typeof(InspectRequest))]
[JsonSerializable(typeof(InspectReply))]
[JsonSerializable(typeof(IsCompleteRequest))]
[JsonSerializable(typeof(IsCompleteReply))]
[JsonSerializable(typeof(CommInfoReply))]
[JsonSerializable(typeof(HistoryReply))]
[JsonSerializable(typeof(ConnectReply))]
[JsonSerializable(typeof(ShutdownRequest))]
[JsonSerializable(typeof(ShutdownReply))]
[JsonSerializable(typeof(StatusReply))]
[JsonSerializable(typeof(CommOpen))]
[JsonSerializable(typeof(KernelStatus))]
[JsonSerializable(typeof(ExecuteInput))]
[JsonSerializable(typeof(StreamContent))]
[JsonSerializable(typeof(DisplayDataContent))]
[JsonSerializable(typeof(ExecuteResultContent))]
[JsonSerializable(typeof(ErrorContent))]
[JsonSerializable(typeof(CommCloseContent))]
[JsonSerializable(typeof(System.Text.Json.Nodes.JsonObject))]
internal sealed partial class JupyterJsonContext : JsonSerializerContext;
