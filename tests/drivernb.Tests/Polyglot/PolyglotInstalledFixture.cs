using DriverNotebooks.Tests.Polyglot.RealEngine;

namespace DriverNotebooks.Cli.Tests.Polyglot;

/// <summary>
/// One <c>drivernb polyglot install</c> into a sandbox (its own prefix, NuGet config and global packages
/// folder) and the served dotnet-interactive tool, shared by a test class; uninstalled afterwards.
/// </summary>
public sealed class PolyglotInstalledFixture : IDisposable
{
    private readonly Lazy<(PolyglotSandbox Sandbox, string Tool, string Version)> _ready;

    public PolyglotInstalledFixture() => _ready = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    internal PolyglotSandbox Sandbox => _ready.Value.Sandbox;

    /// <summary>The dotnet-interactive executable; skips (or fails in CI) when it cannot be installed.</summary>
    public string Tool => _ready.Value.Tool;

    /// <summary>The version of the package the install put in the sandbox's source folder.</summary>
    public string Version => _ready.Value.Version;

    private static (PolyglotSandbox, string, string) Start()
    {
        var tool = DotnetInteractiveTool.Install(Repository.Dotnet, out var failure)
                   ?? ToolRequirement.Missing<string>($"the dotnet-interactive tool {DotnetInteractiveTool.Version} ({failure})");
        var sandbox = new PolyglotSandbox();
        var install = sandbox.Polyglot("install");
        Assert.True(install.ExitCode == 0, install.ToString());
        var package = Path.GetFileNameWithoutExtension(Directory.GetFiles(sandbox.PackageFolder, "DriverNotebooks.*.nupkg").Single());
        return (sandbox, tool, package["DriverNotebooks.".Length..]);
    }

    public void Dispose()
    {
        if (!_ready.IsValueCreated) return;
        Sandbox.Polyglot("uninstall");
        Sandbox.Dispose();
    }
}
