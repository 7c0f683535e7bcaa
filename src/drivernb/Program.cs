using DriverNotebooks.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancellation.Cancel();
};
return await Cli.RunAsync(args, new CliContext(Console.Out, Console.Error, cancellation.Token));
