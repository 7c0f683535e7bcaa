using System.Diagnostics;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>What one <c>dotnet</c> command printed and how it ended.</summary>
internal sealed record DotnetResult(int ExitCode, string Output, string Error)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>The first line that says what went wrong, for a one-line error.</summary>
    public string Problem =>
        (Error + "\n" + Output).Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0) ?? $"exit code {ExitCode}";
}

/// <summary>
/// The <c>dotnet</c> on PATH, the one VS Code's Polyglot extension and its <c>#r "nuget: …"</c> restore use,
/// run to completion with its output captured and English messages.
/// </summary>
internal sealed class DotnetCli
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private DotnetCli(string path) => Path = path;

    /// <summary>The executable found on PATH.</summary>
    public string Path { get; }

    /// <summary>Finds <c>dotnet</c> on PATH, or fails with one line saying it is needed there.</summary>
    public static DotnetCli FromPath()
    {
        var names = OperatingSystem.IsWindows() ? new[] { "dotnet.exe" } : ["dotnet"];
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var found = folders.SelectMany(f => names.Select(n => System.IO.Path.Combine(f, n))).FirstOrDefault(File.Exists);
        return found is null
            ? throw new CommandLineException("no 'dotnet' on PATH: install the .NET SDK (or add its folder to PATH); Polyglot Notebooks restores packages with it too")
            : new DotnetCli(found);
    }

    /// <summary>Runs <c>dotnet ARGUMENTS</c>; a cancelled run is killed and throws <see cref="OperationCanceledException"/>.</summary>
    public DotnetResult Run(IEnumerable<string> arguments, CancellationToken cancellation, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Messages are read (and quoted in errors) in English, whatever the user's language.
        start.Environment["DOTNET_CLI_UI_LANGUAGE"] = "en";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using (cancellation.Register(() => Kill(process)))
        {
            if (!process.WaitForExit(Limit))
            {
                Kill(process);
                process.WaitForExit();
                return new DotnetResult(-1, output.Result, $"dotnet {string.Join(' ', start.ArgumentList)} did not finish in {Limit.TotalMinutes:0} minutes");
            }
            process.WaitForExit();
        }
        cancellation.ThrowIfCancellationRequested();
        return new DotnetResult(process.ExitCode, output.Result, error.Result);
    }

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
    }
}
