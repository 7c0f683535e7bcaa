using System.Diagnostics;

namespace DriverNotebooks.Bench;

/// <summary>Child processes for the harnesses that time whole programs: publishing and running them.</summary>
internal static class Processes
{
    public static string Publish(string root, string project, string folder, string executable, bool readyToRun)
    {
        var publish = Execute("dotnet", ["publish", project, "-c", "Release", "-r", "linux-x64", $"-p:PublishReadyToRun={readyToRun}", "--self-contained", "false", "-o", folder, "-nologo"], root);
        if (publish.ExitCode != 0) throw new InvalidOperationException($"dotnet publish {project} failed:\n{publish.Output}\n{publish.Error}");
        return Path.Combine(folder, executable);
    }

    public sealed record ProcessRun(int ExitCode, TimeSpan Elapsed, string Output, string Error);

    /// <param name="started">Called with the child's process id as soon as it runs (the memory benchmark watches it).</param>
    public static ProcessRun Execute(string executable, IEnumerable<string> arguments, string? directory = null, Action<int>? started = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        started?.Invoke(process.Id);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        var elapsed = clock.Elapsed;
        return new ProcessRun(process.ExitCode, elapsed, output.Result, error.Result);
    }

    /// <summary>
    /// Runs this harness again in a fresh process with <paramref name="arguments"/>: through <c>dotnet DLL</c> when it was
    /// started that way, or its own apphost when started by <c>dotnet run</c>.
    /// </summary>
    public static ProcessRun ExecuteSelf(IEnumerable<string> arguments)
    {
        var self = Environment.ProcessPath!;
        var viaDotnet = Path.GetFileNameWithoutExtension(self) == "dotnet";
        return Execute(self, viaDotnet ? [typeof(Processes).Assembly.Location, .. arguments] : arguments);
    }

    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DriverNotebooks.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("run the benchmark from inside the repository (DriverNotebooks.sln not found above the binary)");
    }
}
