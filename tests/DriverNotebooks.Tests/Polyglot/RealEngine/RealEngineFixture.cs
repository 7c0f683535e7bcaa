using DriverNotebooks.Tests.Packaging;

namespace DriverNotebooks.Tests.Polyglot.RealEngine;

/// <summary>
/// The served <c>Microsoft.dotnet-interactive</c> tool, installed with <c>dotnet tool install --tool-path</c>,
/// started once for a test class with this build's package loaded through <c>#i</c> and <c>#r "nuget: …"</c>,
/// exactly as a user of Polyglot Notebooks would.
/// </summary>
public sealed class RealEngineFixture : IDisposable
{
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

    private static string InstallTool() =>
        DotnetInteractiveTool.Install(Repository.Dotnet, out var failure)
        ?? ToolRequirement.Missing<string>($"the dotnet-interactive tool {DotnetInteractiveTool.Version} ({failure})");

    public void Dispose()
    {
        if (_started.IsValueCreated) _started.Value.Session.Dispose();
        _work.Dispose();
        // The package's copy in the NuGet cache carries a one-off version: remove it.
        if (_started.IsValueCreated) DotnetInteractiveTool.RemoveFromNuGetCache(PackedPackage.Version);
    }
}
