using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter;

// The contents the kernel publishes on IOPub.

internal sealed record KernelStatus(string ExecutionState)
{
    public const string Busy = "busy";
    public const string Idle = "idle";
}

internal sealed record ExecuteInput(string Code, int ExecutionCount);

internal sealed record StreamContent(string Name, string Text);

internal sealed record DisplayDataContent(JsonObject Data)
{
    public JsonObject Metadata { get; init; } = [];

    public JsonObject Transient { get; init; } = [];
}

internal sealed record ExecuteResultContent(int ExecutionCount, JsonObject Data)
{
    public JsonObject Metadata { get; init; } = [];
}

internal sealed record ErrorContent(string Ename, string Evalue, IReadOnlyList<string> Traceback);

internal sealed record CommCloseContent(string CommId)
{
    public JsonObject Data { get; init; } = [];
}
