using DriverNotebooks.Commands;

using System.Xml.Linq;

namespace DriverNotebooks.Cli.Tests.Polyglot;

/// <summary>
/// A NuGet set-up of its own for <c>drivernb polyglot</c>: <c>DOTNET_CLI_HOME</c> gives it its own user-level
/// NuGet config, <c>NUGET_PACKAGES</c> its own global packages folder and <c>HOME</c> its own
/// <c>~/.packagemanagement</c> (where the Polyglot tool caches what each <c>#r "nuget: …"</c> resolved to), so
/// the user's real ones are never touched nor used; drivernb (and the Polyglot tool) run in it as child processes.
/// </summary>
internal sealed class PolyglotSandbox : IDisposable
{
    private readonly TempFolder _folder = new();

    public PolyglotSandbox()
    {
        Directory.CreateDirectory(CliHome);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(GlobalPackages);
        // NuGet creates this user's config as it would for a new user; it must be inside the sandbox.
        var paths = ExternalProcess.Run(Repository.Dotnet, ["nuget", "config", "paths", "--working-directory", "/"], environment: Environment);
        ConfigFile = paths.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .First(p => !p.StartsWith("/nuget.config", StringComparison.OrdinalIgnoreCase));
        Assert.True(ConfigFile.StartsWith(CliHome, StringComparison.Ordinal) && File.Exists(ConfigFile), $"the user-level NuGet config is not the sandbox's own: {paths}");
    }

    public string Root => _folder.Path;

    public string CliHome => System.IO.Path.Combine(Root, "dotnet-home");

    public string Home => System.IO.Path.Combine(Root, "home");

    public string GlobalPackages => System.IO.Path.Combine(Root, "nuget-packages");

    public string Prefix => System.IO.Path.Combine(Root, "prefix");

    /// <summary>Where <c>--prefix <see cref="Prefix"/></c> puts the package.</summary>
    public string PackageFolder => System.IO.Path.Combine(Prefix, "share", "drivernb", "packages");

    /// <summary>The sandbox user's NuGet config, the one a restore in the sandbox reads.</summary>
    public string ConfigFile { get; }

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string>
    {
        ["DOTNET_CLI_HOME"] = CliHome,
        ["NUGET_PACKAGES"] = GlobalPackages,
        ["HOME"] = Home,
    };

    /// <summary>Runs <c>drivernb ARGUMENTS</c> in the sandbox; <paramref name="path"/> replaces PATH.</summary>
    public ExternalProcess.Result Drivernb(string arguments, string? path = null)
    {
        var environment = new Dictionary<string, string>(Environment);
        if (path is not null) environment["PATH"] = path;
        return ExternalProcess.Run(Repository.Dotnet, [Repository.DrivernbDll, .. CommandLineTokenizer.Split(arguments)], TimeSpan.FromMinutes(3), environment: environment);
    }

    /// <summary><c>polyglot install</c> or <c>uninstall</c> with the sandbox's prefix and config.</summary>
    public ExternalProcess.Result Polyglot(string verb, string more = "", string? path = null) =>
        Drivernb($"polyglot {verb} --prefix {Prefix} --configfile {ConfigFile} {more}", path);

    /// <summary>The sources the config registers: name and location.</summary>
    public IReadOnlyList<(string Name, string Location)> Sources() =>
        [.. XDocument.Load(ConfigFile).Root!.Element("packageSources")!.Elements("add").Select(a => ((string)a.Attribute("key")!, (string)a.Attribute("value")!))];

    /// <summary>Replaces the sandbox's paths in a message with placeholders, for approved files.</summary>
    public string Placeholders(string text) => text.Replace(Root, "<sandbox>", StringComparison.Ordinal);

    public void Dispose() => _folder.Dispose();
}
