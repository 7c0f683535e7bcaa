using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>One kernel process and client shared by the protocol tests (a kernel start costs a second or two).</summary>
public sealed class SharedKernel : IDisposable
{
    public SharedKernel()
    {
        Process = KernelProcess.Start();
        Client = Process.Connect();
        Client.WaitUntilReady(TimeSpan.FromSeconds(60));
    }

    internal KernelProcess Process { get; }

    internal KernelClient Client { get; }

    public void Dispose()
    {
        try
        {
            Client.Request(KernelChannel.Control, MessageTypes.ShutdownRequest, new JsonObject { ["restart"] = false }, TimeSpan.FromSeconds(10));
            Process.WaitForExit(TimeSpan.FromSeconds(10));
        }
        catch (TimeoutException)
        {
            // Killed below.
        }
        Client.Dispose();
        Process.Dispose();
    }
}

[CollectionDefinition(nameof(SharedKernel))]
public sealed class SharedKernelCollection : ICollectionFixture<SharedKernel>;
