using DriverNotebooks.Cli;

namespace DriverNotebooks.Cli.Tests;

/// <summary>Runs <c>drivernb</c> in memory and returns what it printed and its exit code.</summary>
internal static class CliTester
{
    public sealed record Result(int ExitCode, string Output, string Error);

    public static async Task<Result> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await Cli.RunAsync(args, new CliContext(output, error, CancellationToken.None));
        return new Result(exitCode, output.ToString(), error.ToString());
    }
}
