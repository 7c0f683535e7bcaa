using DriverNotebooks.Cli.Polyglot;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli;

/// <summary>
/// <c>drivernb polyglot uninstall [--user | --prefix DIR] [--name NAME] [--configfile FILE]</c>: removes the
/// NuGet source and the package folder <c>polyglot install</c> added, given the same options.
/// </summary>
internal sealed class PolyglotUninstallVerb : ICliVerb
{
    public CommandDefinition Definition { get; } = new()
    {
        Name = "polyglot-uninstall",
        CliPath = ["polyglot", "uninstall"],
        Description = "Remove what 'drivernb polyglot install' added: the NuGet source and the package folder.",
        Options = PolyglotOptions.All,
        Examples = ["--user", "--prefix /tmp/polyglot --name DriverNotebooks-dev --configfile /tmp/polyglot/NuGet.Config"],
    };

    public Task<int> RunAsync(CommandArguments arguments, CliContext context)
    {
        var folder = PolyglotOptions.CheckAndGetFolder(arguments);
        var nuget = new NuGetCommands(DotnetCli.FromPath(), context.CancellationToken);
        var target = PolyglotOptions.Resolve(arguments, folder, nuget);

        var report = PolyglotInstaller.Uninstall(target, nuget);

        context.Out.WriteLine(report.SourceRemoved
            ? $"Removed the NuGet source '{target.SourceName}' from {target.ConfigFile}"
            : $"No NuGet source '{target.SourceName}' in {target.ConfigFile}: nothing to remove");
        context.Out.WriteLine(report.FolderRemoved ? $"Removed {target.Folder}" : $"No package folder {target.Folder}: nothing to remove");
        return Task.FromResult(0);
    }
}
