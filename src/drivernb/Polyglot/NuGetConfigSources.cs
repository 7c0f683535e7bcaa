using System.Xml;
using System.Xml.Linq;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>One package source a NuGet config registers: its name, where it points (a full path for a folder) and whether it is on.</summary>
internal sealed record NuGetSource(string Name, string Location, bool Enabled);

/// <summary>
/// The package sources one NuGet config file registers, read from its XML (<c>packageSources</c> and
/// <c>disabledPackageSources</c>) so that nothing depends on how <c>dotnet nuget list</c> words its output.
/// Source names compare as NuGet compares them, ignoring case.
/// </summary>
internal sealed record NuGetConfigSources(string ConfigFile, IReadOnlyList<NuGetSource> Sources)
{
    public static NuGetConfigSources Read(string configFile)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(configFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or XmlException)
        {
            throw new CommandLineException($"cannot read the NuGet config {configFile}: {e.Message}");
        }
        var folder = Path.GetDirectoryName(configFile)!;
        var root = document.Root;
        var disabled = Adds(root, "disabledPackageSources")
            .Where(a => string.Equals((string?)a.Attribute("value"), "true", StringComparison.OrdinalIgnoreCase))
            .Select(a => (string?)a.Attribute("key"))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var sources = Adds(root, "packageSources")
            .Where(a => a.Attribute("key") is not null && a.Attribute("value") is not null)
            .Select(a => new NuGetSource((string)a.Attribute("key")!, Resolve(folder, (string)a.Attribute("value")!), !disabled.Contains((string)a.Attribute("key")!)))
            .ToList();
        return new NuGetConfigSources(configFile, sources);
    }

    /// <summary>The source registered under <paramref name="name"/>, if any.</summary>
    public NuGetSource? Named(string name) => Sources.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>The source that points to <paramref name="folder"/>, if any.</summary>
    public NuGetSource? PointingTo(string folder) => Sources.FirstOrDefault(s => SameFolder(s.Location, folder));

    /// <summary>True when two source locations name the same folder.</summary>
    public static bool SameFolder(string a, string b) =>
        string.Equals(Normalize(a), Normalize(b), OperatingSystem.IsWindows() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

    private static string Normalize(string location) =>
        Uri.TryCreate(location, UriKind.Absolute, out var uri) && !uri.IsFile ? location : Path.TrimEndingDirectorySeparator(Path.GetFullPath(location));

    private static IEnumerable<XElement> Adds(XElement? root, string section) =>
        root?.Elements().Where(e => e.Name.LocalName == section).Elements().Where(e => e.Name.LocalName == "add") ?? [];

    /// <summary>A folder source's location as NuGet reads it: relative to the config file's folder; a URL as it is.</summary>
    private static string Resolve(string configFolder, string value)
    {
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && !uri.IsFile) return value;
        return Path.GetFullPath(Path.IsPathRooted(value) ? value : Path.Combine(configFolder, value));
    }
}
