using DriverNotebooks.Tests.Packaging;

namespace DriverNotebooks.Tests.Polyglot.RealEngine;

/// <summary>
/// The served <c>Microsoft.dotnet-interactive</c> tool, installed with <c>dotnet tool install --tool-path</c>,
/// started once for a test class with this build's package loaded through <c>#i</c> and <c>#r "nuget: …"</c>,
/// exactly as a user of Polyglot Notebooks would.
/// </summary>
public sealed class RealEngineFixture : IDisposable
{
    /// <summary>The final release of the tool, the one VS Code's Polyglot Notebooks extension starts.</summary>
    public const string ToolVersion = "1.0.712001";

    private readonly TempFolder _work = new();
    private readonly Lazy<(DotnetInteractiveSession Session, Submission Load)> _started;

    public RealEngineFixture() => _started = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The running engine with the package loaded; skips (or fails in CI) when the tool cannot be installed.</summary>
    public DotnetInteractiveSession Session => _started.Value.Session;

    /// <summary>What the <c>#i</c>/<c>#r</c> cell produced.</summary>
    public Submission Load => _started.Value.Load;

    private (DotnetInteractiveSession, Submission) Start()
    {
        var tool = InstallTool();
        var session = new DotnetInteractiveSession(tool, _work.Path);
        var load = session.Submit(
            $"#i \"nuget: {PackedPackage.Folder}\"\n#r \"nuget: DriverNotebooks, {PackedPackage.Version}\"",
            timeout: TimeSpan.FromMinutes(5));
        return (session, load);
    }

    /// <summary>Installs the tool once per machine into a folder of its own (a few seconds from the served feed).</summary>
    private static string InstallTool()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"drivernb-dotnet-interactive-{ToolVersion}");
        var executable = Path.Combine(folder, "dotnet-interactive");
        if (File.Exists(executable)) return executable;
        var result = ExternalProcess.Run(Repository.Dotnet,
            ["tool", "install", "Microsoft.dotnet-interactive", "--version", ToolVersion, "--tool-path", folder],
            TimeSpan.FromMinutes(5));
        return result.ExitCode == 0 && File.Exists(executable)
            ? executable
            : ToolRequirement.Missing<string>($"the dotnet-interactive tool {ToolVersion} (dotnet tool install failed: {result.Error.Trim()} {result.Output.Trim()})");
    }

    public void Dispose()
    {
        if (_started.IsValueCreated) _started.Value.Session.Dispose();
        _work.Dispose();
        // The package's copy in the NuGet cache carries a one-off version: remove it.
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        if (_started.IsValueCreated)
        {
            var copy = Path.Combine(cache, "drivernotebooks", PackedPackage.Version.ToLowerInvariant());
            try { if (Directory.Exists(copy)) Directory.Delete(copy, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
