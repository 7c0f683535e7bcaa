using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Polyglot;

/// <summary>
/// The carried package copied into the source folder (through a temporary file, so a folder never holds half
/// a package), and how to take it back out: the folders this created, or else the file if it was new.
/// </summary>
internal sealed class PlacedPackage
{
    private readonly string? _createdFolder;
    private readonly bool _fileIsNew;

    private PlacedPackage(string file, string? createdFolder, bool fileIsNew) => (File, _createdFolder, _fileIsNew) = (file, createdFolder, fileIsNew);

    /// <summary>The package's path in the folder.</summary>
    public string File { get; }

    public static PlacedPackage Place(CarriedPackage package, string folder)
    {
        var createdFolder = FirstMissing(folder);
        var file = Path.Combine(folder, package.FileName);
        var fileIsNew = !System.IO.File.Exists(file);
        var temporary = file + ".partial";
        try
        {
            Directory.CreateDirectory(folder);
            System.IO.File.Copy(package.Path, temporary, overwrite: true);
            System.IO.File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            new PlacedPackage(file, createdFolder, fileIsNew).Undo();
            TryDelete(temporary);
            throw new CommandLineException($"cannot write the package into {folder}: {e.Message}");
        }
        return new PlacedPackage(file, createdFolder, fileIsNew);
    }

    /// <summary>Removes what <see cref="Place"/> added; best effort, as it runs while another error is reported.</summary>
    public void Undo()
    {
        try
        {
            if (_createdFolder is not null)
            {
                if (Directory.Exists(_createdFolder)) Directory.Delete(_createdFolder, recursive: true);
            }
            else if (_fileIsNew)
            {
                TryDelete(File);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }

    /// <summary>The outermost folder of <paramref name="folder"/>'s path that does not exist yet, or null.</summary>
    private static string? FirstMissing(string folder)
    {
        string? missing = null;
        for (var path = folder; path is not null && !Directory.Exists(path); path = Path.GetDirectoryName(path)) missing = path;
        return missing;
    }

    private static void TryDelete(string file)
    {
        try { System.IO.File.Delete(file); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
