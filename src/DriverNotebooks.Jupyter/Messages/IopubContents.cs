using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter;

// The contents the kernel publishes on IOPub.

public sealed record KernelStatus(string ExecutionState)
{
    public const string Busy = "busy";
    public const string Idle = "idle";
}

public sealed record ExecuteInput(string Code, int ExecutionCount);

public sealed record StreamContent(string Name, string Text);

public sealed record DisplayDataContent(JsonObject Data)
{
    public JsonObject Metadata { get; init; } = [];

    public JsonObject Transient { get; init; } = [];
}

public sealed record ExecuteResultContent(int ExecutionCount, JsonObject Data)
{
    public JsonObject Metadata { get; init; } = [];
}

public sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback);

public sealed record CommCloseContent(string CommId)
{
    public JsonObject Data { get; init; } = [];
}
