using System.Runtime.InteropServices;
using DriverNotebooks.Commands;
using DriverNotebooks.Jupyter;
using DriverNotebooks.Runner;
using DriverNotebooks.Runner.Execution;

namespace DriverNotebooks.Cli;

/// <summary>
/// <c>drivernb kernel --connection-file FILE</c>: serves notebooks as a Jupyter kernel until the client
/// shuts it down. Jupyter clients start it through the kernelspec <c>drivernb kernel install</c> writes.
/// Exit codes: 0 after a shutdown request, 2 for a missing or malformed connection file.
/// </summary>
internal sealed class KernelVerb : ICliVerb
{
    public static readonly OptionDefinition ConnectionFile = new("--connection-file", "The connection file the Jupyter client wrote: ports, address and signing key.")
    {
        Aliases = ["-f"],
        ValueName = "FILE",
        Required = true,
    };

    public static readonly OptionDefinition NoChartImages = new("--no-chart-images", "Do not send charts' static SVG images (drawn with headless Chromium after each cell, for viewers that run no script).")
    {
        IsFlag = true,
        ValueName = "",
    };

    public CommandDefinition Definition { get; } = new()
    {
        Name = "kernel",
        CliPath = ["kernel"],
        Description = "Serve notebooks as a Jupyter kernel; Jupyter clients start it through the kernelspec 'drivernb kernel install' writes.",
        Options = [ConnectionFile, NoChartImages],
        Examples = ["--connection-file /run/user/1000/jupyter/kernel-1234.json"],
    };

    public async Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        StartupTiming.Mark("kernel verb");
        var path = arguments.Value(ConnectionFile)!;
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Read(path);
        }
        catch (ConnectionFileException e)
        {
            throw new CommandLineException(e.Message);
        }

        // NetMQ's socket I/O completes on thread-pool threads. The warm-ups below keep the pool's
        // first threads busy for a few hundred milliseconds, and the pool adds threads slowly, so
        // without spare threads the client's first request would wait for the warm-ups to end.
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, 8), Math.Max(completionPorts, 8));
        // Cells cannot read input: Console.ReadLine() returns null rather than waiting on the client's stdin.
        Console.SetIn(TextReader.Null);

        // jupyter_client may send SIGINT (interrupt_mode "signal", or before a shutdown): it interrupts
        // the running cell, never the kernel. Only a shutdown_request (or SIGTERM) ends it.
        KernelServer? server = null;
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true;
            server?.InterruptCell();
        });
        try
        {
            server = KernelServer.Start(connection, new KernelServerOptions { Log = context.Error, ImplementationVersion = Cli.Version, ChartImages = !arguments.Flag(NoChartImages) });
        }
        catch (KernelStartException e)
        {
            throw new CommandLineException($"{path}: {e.Message}");
        }
        // The first cell may be C# or draw a chart: get both going while the client connects.
        _ = RunnerWarmup.StartCharts(documentWriters: false);
        _ = RunnerWarmup.StartCompiler();
        KernelParentWatch.Start(server, context.Error);
        StartupTiming.Mark("kernel listening");
        using (server)
        {
            await server.Completion;
        }
        // Waits (at most the sockets' linger, 1 s) until the shutdown_reply has left.
        NetMQ.NetMQConfig.Cleanup(block: true);
        return 0;
    }
}
