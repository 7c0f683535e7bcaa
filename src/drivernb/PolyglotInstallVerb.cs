using DriverNotebooks.Cli.Polyglot;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli;

/// <summary>
/// <c>drivernb polyglot install [--user | --prefix DIR] [--name NAME] [--configfile FILE]</c>: puts the
/// DriverNotebooks package where VS Code's Polyglot Notebooks finds it, so the shipped notebooks run as they
/// are, and says what it did and how to undo it. The counterpart of <c>kernel install</c> for Polyglot.
/// </summary>
internal sealed class PolyglotInstallVerb : ICliVerb
{
    public CommandDefinition Definition { get; } = new()
    {
        Name = "polyglot-install",
        CliPath = ["polyglot", "install"],
        Description = "Make the notebooks' #r \"nuget: DriverNotebooks, …\" work in Polyglot Notebooks: the package in a user folder registered as a user-level NuGet source.",
        Options = PolyglotOptions.All,
        Examples = ["--user", "--prefix /tmp/polyglot --name DriverNotebooks-dev --configfile /tmp/polyglot/NuGet.Config"],
    };

    public Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        var folder = PolyglotOptions.CheckAndGetFolder(arguments);
        var package = CarriedPackage.Find(AppContext.BaseDirectory);
        var nuget = new NuGetCommands(DotnetCli.FromPath(), context.CancellationToken);
        var target = PolyglotOptions.Resolve(arguments, folder, nuget);

        var report = PolyglotInstaller.Install(package, target, nuget);

        var output = context.Out;
        output.WriteLine($"Installed {package.Id} {package.Version} for Polyglot Notebooks: {report.InstalledPackage}");
        output.WriteLine(report.Registration == SourceRegistration.Added
            ? $"  added the NuGet source '{target.SourceName}' for {target.Folder} to {target.ConfigFile}"
            : $"  the NuGet source '{target.SourceName}' in {target.ConfigFile} was already there: updated, still {target.Folder}");
        output.WriteLine(report.CachedCopyRemoved
            ? $"  removed NuGet's cached copy of {package.Version}, {report.CachedCopy}, so this build is the one restored"
            : $"  NuGet had no cached copy of {package.Version} ({report.CachedCopy}) to remove");
        output.WriteLine($"Open notebooks/*.dib in VS Code with Polyglot Notebooks and run all: their first cell, #r \"nuget: {package.Id}, {package.Version}\", loads it from there.");
        output.WriteLine($"Undo: {PolyglotOptions.Repeat("uninstall", arguments)}");
        return Task.FromResult(0);
    }
}
