using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>Where the Polyglot set-up goes: the package folder, the source's name and the NuGet config holding it.</summary>
internal sealed record PolyglotTarget(string Folder, string SourceName, string ConfigFile);

/// <summary>
/// The options <c>polyglot install</c> and <c>polyglot uninstall</c> share, one definition each, and how they
/// resolve into a <see cref="PolyglotTarget"/>: user mistakes first, before anything runs or is written.
/// </summary>
internal static class PolyglotOptions
{
    public const string DefaultSourceName = "DriverNotebooks";

    public static readonly OptionDefinition User = new("--user", "For the current user (the default): the package in the user's data folder, the source in the user's NuGet config.")
    {
        IsFlag = true,
        ValueName = "",
    };

    public static readonly OptionDefinition Prefix = new("--prefix", "The package folder is DIR/share/drivernb/packages instead of the user's data folder, e.g. a test folder.")
    {
        ValueName = "DIR",
    };

    public static readonly OptionDefinition Name = new("--name", "The NuGet source's name.")
    {
        ValueName = "NAME",
        DefaultValue = DefaultSourceName,
    };

    public static readonly OptionDefinition ConfigFile = new("--configfile", "The NuGet config that holds the source, instead of the user-level one every restore reads (~/.nuget/NuGet/NuGet.Config, %APPDATA%\\NuGet\\NuGet.Config).")
    {
        ValueName = "FILE",
    };

    public static IReadOnlyList<OptionDefinition> All { get; } = [User, Prefix, Name, ConfigFile];

    /// <summary>Checks the options' values without running anything; returns the package folder.</summary>
    public static string CheckAndGetFolder(CommandArguments arguments)
    {
        if (arguments.Has(User) && arguments.Has(Prefix)) throw new CommandLineException("give --user or --prefix, not both");
        var name = arguments.Value(Name)!;
        if (!IsValidSourceName(name)) throw arguments.BadValue(Name, name, "use letters, digits, '.', '_' and '-'");
        var prefix = arguments.Value(Prefix);
        if (prefix is not null && string.IsNullOrWhiteSpace(prefix))
            throw arguments.BadValue(Prefix, prefix, "empty; allowed: a folder path (the package goes into DIR/share/drivernb/packages)");
        var config = arguments.Value(ConfigFile);
        if (config is not null && !File.Exists(config))
            throw arguments.BadValue(ConfigFile, config, "no such file; give an existing NuGet config, or leave --configfile out for the user's own");
        return prefix is null ? PolyglotPackageFolder.ForUser() : arguments.Convert(Prefix, PolyglotPackageFolder.ForPrefix)!;
    }

    /// <summary>The target, with the user's NuGet config asked of NuGet when no <c>--configfile</c> names one.</summary>
    public static PolyglotTarget Resolve(CommandArguments arguments, string folder, NuGetCommands nuget) =>
        new(folder, arguments.Value(Name)!, arguments.Convert(ConfigFile, Path.GetFullPath) ?? nuget.UserConfigFile());

    /// <summary>The command line that reaches the same target, e.g. to undo an install.</summary>
    public static string Repeat(string verb, CommandArguments arguments)
    {
        var words = new List<string> { "drivernb", "polyglot", verb };
        foreach (var option in new[] { Prefix, ConfigFile })
        {
            if (arguments.Value(option) is { } value) words.AddRange([option.Name, Quote(Path.GetFullPath(value))]);
        }
        if (arguments.Value(Name) is { } name && name != DefaultSourceName) words.AddRange([Name.Name, name]);
        return string.Join(' ', words);
    }

    private static bool IsValidSourceName(string name) =>
        name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    private static string Quote(string path) => path.Contains(' ', StringComparison.Ordinal) ? $"\"{path}\"" : path;
}
