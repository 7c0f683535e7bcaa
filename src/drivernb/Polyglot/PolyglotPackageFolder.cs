namespace DriverNotebooks.Cli.Polyglot;

/// <summary>
/// Where <c>drivernb polyglot install</c> puts the package: the user's data folder (<c>~/.local/share</c> or
/// <c>$XDG_DATA_HOME</c> on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on
/// Windows) under <c>drivernb/packages</c>, or <c>DIR/share/drivernb/packages</c> for <c>--prefix DIR</c>,
/// as <c>kernel install --prefix</c> uses <c>DIR/share/jupyter</c>.
/// </summary>
internal static class PolyglotPackageFolder
{
    public static string ForUser() =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify), "drivernb", "packages");

    public static string ForPrefix(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "drivernb", "packages");
}
