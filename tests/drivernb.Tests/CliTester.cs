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

/// <summary>A fresh folder for one test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder() => Path = Directory.CreateTempSubdirectory("drivernb-cli-").FullName;

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string Write(string name, string text)
    {
        var path = File(name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    public IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories).Select(f => System.IO.Path.GetRelativePath(Path, f)).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
