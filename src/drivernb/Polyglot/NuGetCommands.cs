using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>
/// The <c>dotnet nuget</c> commands the Polyglot set-up uses: where NuGet keeps the user's config and its
/// global packages folder (asked of NuGet itself, so <c>DOTNET_CLI_HOME</c>, <c>NUGET_PACKAGES</c> and the
/// config's <c>globalPackagesFolder</c> are honoured as the engine's restore honours them), and adding,
/// updating, enabling and removing one source in one config file.
/// </summary>
internal sealed class NuGetCommands(DotnetCli dotnet, CancellationToken cancellation)
{
    /// <summary>
    /// The user-level config (<c>~/.nuget/NuGet/NuGet.Config</c>, <c>%APPDATA%\NuGet\NuGet.Config</c>), the one
    /// every restore reads wherever it runs; NuGet creates it when it is missing. Asked from the file system's
    /// root, so the only configs NuGet lists before it would be one in that root, which are skipped.
    /// </summary>
    public string UserConfigFile()
    {
        var root = Path.GetPathRoot(Path.GetTempPath())!;
        var result = Require(dotnet.Run(["nuget", "config", "paths", "--working-directory", root], cancellation, root), "find the user's NuGet config");
        return Lines(result.Output).FirstOrDefault(p => !NuGetConfigSources.SameFolder(Path.GetDirectoryName(p) ?? root, root))
               ?? throw new CommandLineException($"dotnet nuget config paths named no user-level NuGet config: {result.Problem}");
    }

    /// <summary>The global packages folder restores copy packages into, and load them from.</summary>
    public string GlobalPackagesFolder()
    {
        const string label = "global-packages:";
        var result = Require(dotnet.Run(["nuget", "locals", "global-packages", "--list", "--force-english-output"], cancellation), "find NuGet's global packages folder");
        var line = Lines(result.Output).FirstOrDefault(l => l.StartsWith(label, StringComparison.Ordinal))
                   ?? throw new CommandLineException($"dotnet nuget locals global-packages --list did not name the folder: {result.Problem}");
        return Path.TrimEndingDirectorySeparator(line[label.Length..].Trim());
    }

    public DotnetResult AddSource(string folder, string name, string configFile) =>
        dotnet.Run(["nuget", "add", "source", folder, "--name", name, "--configfile", configFile], cancellation);

    public DotnetResult UpdateSource(string folder, string name, string configFile) =>
        dotnet.Run(["nuget", "update", "source", name, "--source", folder, "--configfile", configFile], cancellation);

    public DotnetResult EnableSource(string name, string configFile) =>
        dotnet.Run(["nuget", "enable", "source", name, "--configfile", configFile], cancellation);

    public DotnetResult RemoveSource(string name, string configFile) =>
        dotnet.Run(["nuget", "remove", "source", name, "--configfile", configFile], cancellation);

    private static DotnetResult Require(DotnetResult result, string what) =>
        result.Succeeded ? result : throw new CommandLineException($"cannot {what}: dotnet nuget failed: {result.Problem}");

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
