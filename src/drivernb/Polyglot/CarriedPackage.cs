using System.IO.Compression;
using System.Xml.Linq;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>
/// The <c>DriverNotebooks</c> package drivernb carries: packed from src/DriverNotebooks when drivernb is built
/// (drivernb.csproj) and copied to <c>polyglot/</c> beside drivernb.dll, so installing needs no source tree.
/// Its id and version are read from the package's own nuspec.
/// </summary>
internal sealed record CarriedPackage(string Path, string Id, string Version)
{
    public const string FolderName = "polyglot";

    /// <summary>The file name NuGet gives it, and a folder source expects: <c>DriverNotebooks.0.1.0.nupkg</c>.</summary>
    public string FileName => $"{Id}.{Version}.nupkg";

    public static CarriedPackage Find(string baseDirectory)
    {
        var folder = System.IO.Path.Combine(baseDirectory, FolderName);
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "DriverNotebooks.*.nupkg") : [];
        if (files.Length != 1)
        {
            throw new CommandLineException(
                $"this drivernb carries {(files.Length == 0 ? "no" : files.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))} DriverNotebooks package in {folder} (expected one); rebuild it: dotnet build src/drivernb");
        }
        var (id, version) = ReadIdentity(files[0]);
        return new CarriedPackage(files[0], id, version);
    }

    private static (string Id, string Version) ReadIdentity(string nupkg)
    {
        try
        {
            using var archive = ZipFile.OpenRead(nupkg);
            var nuspec = archive.Entries.Single(e => !e.FullName.Contains('/') && e.FullName.EndsWith(".nuspec", StringComparison.OrdinalIgnoreCase));
            using var stream = nuspec.Open();
            var metadata = XDocument.Load(stream).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
            string Field(string name) => metadata.Elements().Single(e => e.Name.LocalName == name).Value.Trim();
            return (Field("id"), Field("version"));
        }
        catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Xml.XmlException)
        {
            throw new CommandLineException($"the package drivernb carries, {nupkg}, cannot be read ({e.Message}); rebuild it: dotnet build src/drivernb");
        }
    }
}
