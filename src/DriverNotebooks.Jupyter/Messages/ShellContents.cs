using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter;

// The contents of requests and replies on the shell and control channels, named as the protocol
// names their fields (snake_case on the wire). Requests carry the protocol's defaults for fields a
// client leaves out.

internal sealed record ExecuteRequest
{
    public string Code { get; init; } = "";

    /// <summary>Run quietly: nothing on IOPub but status, and no history (so no execution count).</summary>
    public bool Silent { get; init; }

    public bool StoreHistory { get; init; } = true;

    public JsonObject? UserExpressions { get; init; }

    public bool AllowStdin { get; init; } = true;

    /// <summary>When the cell fails, abort the execute requests already queued behind it.</summary>
    public bool StopOnError { get; init; } = true;
}

internal sealed record ExecuteReply
{
    public const string Ok = "ok";
    public const string Error = "error";
    public const string Aborted = "aborted";

    public required string Status { get; init; }

    public required int ExecutionCount { get; init; }

    public JsonArray? Payload { get; init; }

    public JsonObject? UserExpressions { get; init; }

    public string? Ename { get; init; }

    public string? Evalue { get; init; }

    public IReadOnlyList<string>? Traceback { get; init; }
}

internal sealed record KernelInfoReply
{
    public string Status { get; init; } = "ok";

    public string ProtocolVersion { get; init; } = MessageHeader.ProtocolVersion;

    public required string Implementation { get; init; }

    public required string ImplementationVersion { get; init; }

    public required LanguageInfo LanguageInfo { get; init; }

    public required string Banner { get; init; }

    public IReadOnlyList<HelpLink> HelpLinks { get; init; } = [];

    public bool Debugger { get; init; }
}

internal sealed record LanguageInfo(string Name, string Version, string Mimetype, string FileExtension, string PygmentsLexer, string CodemirrorMode);

internal sealed record HelpLink(string Text, string Url);

internal sealed record CompleteRequest
{
    public string Code { get; init; } = "";

    /// <summary>In Unicode code points, as protocol 5.2 and later count.</summary>
    public int CursorPos { get; init; }
}

internal sealed record CompleteReply(IReadOnlyList<string> Matches, int CursorStart, int CursorEnd)
{
    public string Status { get; init; } = "ok";

    public JsonObject Metadata { get; init; } = [];
}

internal sealed record InspectRequest
{
    public string Code { get; init; } = "";

    public int CursorPos { get; init; }

    public int DetailLevel { get; init; }
}

internal sealed record InspectReply(bool Found, JsonObject Data)
{
    public string Status { get; init; } = "ok";

    public JsonObject Metadata { get; init; } = [];
}

internal sealed record IsCompleteRequest
{
    public string Code { get; init; } = "";
}

internal sealed record IsCompleteReply(string Status, string? Indent = null)
{
    public const string Complete = "complete";
    public const string Incomplete = "incomplete";
}

internal sealed record CommInfoReply
{
    public string Status { get; init; } = "ok";

    public JsonObject Comms { get; init; } = [];
}

internal sealed record HistoryReply
{
    public string Status { get; init; } = "ok";

    public JsonArray History { get; init; } = [];
}

internal sealed record ConnectReply(int ShellPort, int IopubPort, int StdinPort, int HbPort, int ControlPort)
{
    public string Status { get; init; } = "ok";
}

internal sealed record ShutdownRequest
{
    public bool Restart { get; init; }
}

internal sealed record ShutdownReply(bool Restart)
{
    public string Status { get; init; } = "ok";
}

internal sealed record StatusReply(string Status = "ok");

internal sealed record CommOpen
{
    public string CommId { get; init; } = "";

    public string TargetName { get; init; } = "";
}
