using DriverNotebooks.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl-C asks the running work to stop (the command then exits 130); a second one, when
    // something does not stop, ends the process at once as Ctrl-C normally does.
    if (cancellation.IsCancellationRequested) return;
    e.Cancel = true;
    cancellation.Cancel();
    _ = Task.Delay(TimeSpan.FromSeconds(2)).ContinueWith(
        _ => Console.Error.WriteLine("drivernb: still stopping (a cell that does not check its CancellationToken cannot be stopped); press Ctrl-C again to quit"),
        TaskScheduler.Default);
};
var exitCode = await Cli.RunAsync(args, new CliContext(Console.Out, Console.Error, cancellation.Token));
// The work is done: a foreground thread a cell started (new Thread(...).Start()) must not keep the process
// alive after "rendered" or after the kernel's shutdown_reply, as returning from Main would wait for it.
Console.Out.Flush();
Console.Error.Flush();
Environment.Exit(exitCode);
return exitCode;
