using System.Diagnostics;

namespace DriverNotebooks.Tests.Polyglot.RealEngine;

/// <summary>
/// The served <c>Microsoft.dotnet-interactive</c> tool, installed once per machine into a folder of its own,
/// and the clean-up of the one-off package versions loaded into it. Shared by the real-engine tests and the
/// <c>polyglot</c> benchmark (linked into bench/).
/// </summary>
public static class DotnetInteractiveTool
{
    /// <summary>The final release of the tool, the one VS Code's Polyglot Notebooks extension starts.</summary>
    public const string Version = "1.0.712001";

    /// <summary>Installs the tool (a few seconds from the served feed) unless it is there; returns its path, or null and why not.</summary>
    public static string? Install(string dotnet, out string failure)
    {
        failure = "";
        var folder = Path.Combine(Path.GetTempPath(), $"drivernb-dotnet-interactive-{Version}");
        var executable = Path.Combine(folder, "dotnet-interactive");
        if (File.Exists(executable)) return executable;
        var start = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "tool", "install", "Microsoft.dotnet-interactive", "--version", Version, "--tool-path", folder }) start.ArgumentList.Add(argument);
        using var install = Process.Start(start)!;
        var output = install.StandardOutput.ReadToEndAsync();
        var error = install.StandardError.ReadToEndAsync();
        if (!install.WaitForExit(TimeSpan.FromMinutes(5))) install.Kill(entireProcessTree: true);
        install.WaitForExit();
        if (install.ExitCode == 0 && File.Exists(executable)) return executable;
        failure = $"dotnet tool install failed: {error.Result.Trim()} {output.Result.Trim()}".Trim();
        return null;
    }

    /// <summary>Deletes the NuGet cache's copy of DriverNotebooks <paramref name="version"/> (one-off versions built for a run).</summary>
    public static void RemoveFromNuGetCache(string version)
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var copy = Path.Combine(cache, "drivernotebooks", version.ToLowerInvariant());
        try { if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
