using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>How the source was registered: added, or already there and updated to the same folder.</summary>
internal enum SourceRegistration
{
    Added,
    Updated,
}

/// <summary>What <c>polyglot install</c> did.</summary>
internal sealed record PolyglotInstallReport(
    CarriedPackage Package,
    string InstalledPackage,
    PolyglotTarget Target,
    SourceRegistration Registration,
    string CachedCopy,
    bool CachedCopyRemoved);

/// <summary>What <c>polyglot uninstall</c> did.</summary>
internal sealed record PolyglotUninstallReport(PolyglotTarget Target, bool SourceRemoved, bool FolderRemoved);

/// <summary>
/// The Polyglot set-up: the carried package copied into a folder, that folder registered as a NuGet source,
/// and the global packages folder's copy of that version removed so a rebuilt package is the one restored.
/// Every check comes before the first change, and a failed step undoes the earlier ones: nothing is left
/// half-registered.
/// </summary>
internal static class PolyglotInstaller
{
    public static PolyglotInstallReport Install(CarriedPackage package, PolyglotTarget target, NuGetCommands nuget)
    {
        var sources = NuGetConfigSources.Read(target.ConfigFile);
        var named = sources.Named(target.SourceName);
        if (named is not null && !NuGetConfigSources.SameFolder(named.Location, target.Folder))
        {
            throw new CommandLineException(
                $"the NuGet source name '{named.Name}' is taken in {target.ConfigFile} by {named.Location}; give another --name, or remove that source: dotnet nuget remove source {named.Name} --configfile {target.ConfigFile}");
        }
        if (named is null && sources.PointingTo(target.Folder) is { } other)
        {
            throw new CommandLineException(
                $"{target.Folder} is already the NuGet source '{other.Name}' in {target.ConfigFile}; give --name {other.Name}, or remove that source: dotnet nuget remove source {other.Name} --configfile {target.ConfigFile}");
        }
        var cachedCopy = Path.Combine(nuget.GlobalPackagesFolder(), package.Id.ToLowerInvariant(), package.Version.ToLowerInvariant());

        var placed = PlacedPackage.Place(package, target.Folder);
        try
        {
            var cachedCopyRemoved = RemoveCachedCopy(cachedCopy);
            var registration = Register(target, named, nuget);
            return new PolyglotInstallReport(package, placed.File, target, registration, cachedCopy, cachedCopyRemoved);
        }
        catch
        {
            placed.Undo();
            throw;
        }
    }

    public static PolyglotUninstallReport Uninstall(PolyglotTarget target, NuGetCommands nuget)
    {
        var named = NuGetConfigSources.Read(target.ConfigFile).Named(target.SourceName);
        if (named is not null && !NuGetConfigSources.SameFolder(named.Location, target.Folder))
        {
            throw new CommandLineException(
                $"the NuGet source '{named.Name}' in {target.ConfigFile} is {named.Location}, not {target.Folder}; left as it is (give the --prefix it was installed with)");
        }
        if (named is not null)
        {
            var removed = nuget.RemoveSource(named.Name, target.ConfigFile);
            if (!removed.Succeeded) throw new CommandLineException($"cannot remove the NuGet source '{named.Name}' from {target.ConfigFile}: {removed.Problem}");
        }
        var folderRemoved = Directory.Exists(target.Folder);
        try
        {
            if (folderRemoved) Directory.Delete(target.Folder, recursive: true);
            // drivernb/ holds nothing else of ours: leave no empty folder behind.
            var parent = Path.GetDirectoryName(target.Folder);
            if (parent is not null && Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any()) Directory.Delete(parent);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"{(named is null ? "" : $"removed the NuGet source '{named.Name}' but ")}cannot remove {target.Folder}: {e.Message}");
        }
        return new PolyglotUninstallReport(target, named is not null, folderRemoved);
    }

    /// <summary>Deletes NuGet's extracted copy of this id and version (only that folder); true when there was one.</summary>
    private static bool RemoveCachedCopy(string cachedCopy)
    {
        if (!Directory.Exists(cachedCopy)) return false;
        try
        {
            Directory.Delete(cachedCopy, recursive: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandLineException($"cannot remove the stale cached copy {cachedCopy} ({e.Message}); close what uses it, such as a running Polyglot kernel, and run again");
        }
    }

    private static SourceRegistration Register(PolyglotTarget target, NuGetSource? existing, NuGetCommands nuget)
    {
        var registration = existing is null ? SourceRegistration.Added : SourceRegistration.Updated;
        var result = existing is null
            ? nuget.AddSource(target.Folder, target.SourceName, target.ConfigFile)
            : nuget.UpdateSource(target.Folder, existing.Name, target.ConfigFile);
        if (result.Succeeded && existing is { Enabled: false }) result = nuget.EnableSource(existing.Name, target.ConfigFile);
        if (!result.Succeeded)
        {
            throw new CommandLineException($"cannot register {target.Folder} as the NuGet source '{target.SourceName}' in {target.ConfigFile}: {result.Problem}");
        }
        return registration;
    }
}
