using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Execution;

/// <summary>How a cell ended.</summary>
internal enum CellStatus
{
    Succeeded,

    /// <summary>It did not compile, threw, or a magic command or directive failed; state up to the failure is kept.</summary>
    Failed,

    /// <summary>It ran past the session's cell timeout; it may still be running in the background.</summary>
    TimedOut,

    /// <summary>It was interrupted through its cancellation token.</summary>
    Cancelled,
}

/// <summary>The end of one execution: its count, how it ended and, unless it succeeded, the error it reported.</summary>
internal sealed record CellResult(int ExecutionCount, CellStatus Status, ErrorOutput? Error = null)
{
    public bool Succeeded => Status == CellStatus.Succeeded;
}
