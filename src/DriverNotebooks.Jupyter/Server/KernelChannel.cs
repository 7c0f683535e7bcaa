namespace DriverNotebooks.Jupyter;

/// <summary>The kernel's message sockets (the heartbeat has its own thread and socket).</summary>
internal enum KernelChannel
{
    /// <summary>Requests from the client: execute, complete, inspect, kernel info … (ROUTER).</summary>
    Shell,

    /// <summary>Urgent requests, answered even while a cell runs: interrupt, shutdown (ROUTER).</summary>
    Control,

    /// <summary>Input requests to the client; bound but unused (cells do not read input) (ROUTER).</summary>
    Stdin,

    /// <summary>Broadcasts: status, outputs, errors (PUB).</summary>
    Iopub,
}
