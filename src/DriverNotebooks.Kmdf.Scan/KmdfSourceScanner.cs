using System.Text;
using DriverNotebooks.Kmdf.Scan.Extraction;
using DriverNotebooks.Kmdf.Scan.Findings;
using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan;

/// <summary>One scanned driver: a function that calls WdfDriverCreate, in a folder of sources.</summary>
/// <param name="Folder">The folder of the driver's sources, as given or found.</param>
/// <param name="UnresolvedIncludes">Headers neither the folder nor the stub provides (their declarations are unknown to the scan).</param>
/// <param name="ParseErrors">How many errors the compiler reported in the driver's own files (unknown types and macros; the scan goes on).</param>
public sealed record DriverScan(string Folder, DriverAnalysis Analysis, IReadOnlyList<string> UnresolvedIncludes, int ParseErrors)
{
    public IReadOnlyList<ScanFinding> Findings => Analysis.Findings;
    public bool IsClean => Analysis.IsClean;
}

/// <summary>Everything a scan produced: each driver's analysis and one line per input it could not use.</summary>
public sealed record ScanReport(IReadOnlyList<DriverScan> Drivers, IReadOnlyList<string> BadInputs)
{
    public int FindingCount => Drivers.Sum(d => d.Findings.Count);

    /// <summary>1 when any driver has findings, else 2 when some input was bad, else 0.</summary>
    public int ExitCode => FindingCount > 0 ? 1 : BadInputs.Count > 0 ? 2 : 0;
}

/// <summary>Limits of what the scan reads.</summary>
public static class ScanLimits
{
    /// <summary>Bigger source files are refused (a driver source is a few hundred KB at most).</summary>
    public const long MaxSourceBytes = 4L * 1024 * 1024;

    public static readonly IReadOnlyList<string> SourceExtensions = [".c", ".cpp", ".cc", ".cxx"];
}

/// <summary>
/// <c>drivernb kmdf scan PATH...</c>: reads C and C++ driver sources with libclang, finds every function that calls
/// WdfDriverCreate, makes each one a KMDF scenario and runs it through the lifecycle and the fault sweep.
/// Bad inputs (missing paths, binary or huge files, symlink loops, sources libclang cannot read, folders with no
/// WdfDriverCreate) are one line each; everything else is still scanned.
/// </summary>
public static class KmdfSourceScanner
{
    public static ScanReport Scan(IReadOnlyList<string> paths, CancellationToken cancellationToken = default)
    {
        var bad = new List<string>();
        var folders = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var before = folders.Values.Sum(v => v.Count);
            if (File.Exists(path))
            {
                if (!ScanLimits.SourceExtensions.Contains(Path.GetExtension(path).ToLowerInvariant()))
                {
                    bad.Add($"{path}: not a C or C++ source; allowed: {string.Join(", ", ScanLimits.SourceExtensions)} files or folders");
                    continue;
                }
                AddFolder(folders, Path.GetDirectoryName(path) is { Length: > 0 } d ? d : ".", bad);
                if (!ContainsCreate(path)) bad.Add($"{path}: no WdfDriverCreate in this file; allowed: a KMDF driver source that calls WdfDriverCreate, or its folder");
            }
            else if (Directory.Exists(path))
            {
                var found = new List<string>();
                Walk(path, new HashSet<string>(StringComparer.Ordinal), found, bad);
                foreach (var folder in found) AddFolder(folders, folder, bad);
                if (found.Count == 0) bad.Add($"{path}: no source in this folder calls WdfDriverCreate; allowed: folders of KMDF driver sources");
            }
            else
            {
                bad.Add($"{path}: no such file or folder; allowed: C/C++ driver sources or folders holding them");
            }
        }

        var work = folders.ToArray();
        var results = new (List<DriverScan> Drivers, List<string> Bad)[work.Length];
        Parallel.For(0, work.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = cancellationToken },
            i => results[i] = ScanFolder(work[i].Key, work[i].Value, cancellationToken));
        var drivers = results.SelectMany(r => r.Drivers).ToArray();
        bad.AddRange(results.SelectMany(r => r.Bad));
        return new ScanReport(drivers, bad.Distinct().ToArray());
    }

    private static void AddFolder(SortedDictionary<string, List<string>> folders, string folder, List<string> bad)
    {
        if (folders.ContainsKey(folder)) return;
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!ScanLimits.SourceExtensions.Contains(Path.GetExtension(file).ToLowerInvariant())) continue;
            files.Add(file);
        }
        folders[folder] = files;
    }

    /// <summary>Folders under <paramref name="folder"/> holding a source that mentions WdfDriverCreate; a symlink back to a folder already walked is reported once.</summary>
    private static void Walk(string folder, HashSet<string> visited, List<string> found, List<string> bad)
    {
        string real;
        try
        {
            real = new DirectoryInfo(folder).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(folder);
        }
        catch (IOException)
        {
            bad.Add($"{folder}: a symbolic link that cannot be resolved (a loop); allowed: folders without link cycles");
            return;
        }
        if (!visited.Add(real.TrimEnd('/')))
        {
            bad.Add($"{folder}: a symbolic link back to {real} (a loop); skipped");
            return;
        }
        string[] files, subfolders;
        try
        {
            files = Directory.GetFiles(folder).Order(StringComparer.Ordinal).ToArray();
            subfolders = Directory.GetDirectories(folder).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bad.Add($"{folder}: cannot list it ({e.Message})");
            return;
        }
        if (files.Any(f => ScanLimits.SourceExtensions.Contains(Path.GetExtension(f).ToLowerInvariant()) && ContainsCreate(f))) found.Add(folder);
        foreach (var sub in subfolders) Walk(sub, visited, found, bad);
    }

    private static readonly byte[] CreateBytes = Encoding.ASCII.GetBytes("WdfDriverCreate");

    /// <summary>A quick byte search choosing which folders to parse at all; the analysis itself reads the parsed tree.</summary>
    private static bool ContainsCreate(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > ScanLimits.MaxSourceBytes) return true; // reported when read
            return File.ReadAllBytes(file).AsSpan().IndexOf(CreateBytes) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static (List<DriverScan>, List<string>) ScanFolder(string folder, List<string> files, CancellationToken cancellationToken)
    {
        var bad = new List<string>();
        var mentions = new List<TranslationUnit>();
        var later = new List<(string, byte[])>();
        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Load(file, bad) is not { } bytes) continue;
            if (bytes.AsSpan().IndexOf(CreateBytes) < 0)
            {
                later.Add((file, bytes));
                continue;
            }
            if (Parse(file, bytes, bad) is { } unit) mentions.Add(unit);
        }
        var source = new DriverSource(folder, mentions, later, (file, bytes) => Parse(file, bytes, bad));
        var drivers = new List<DriverScan>();
        var models = DriverEntryExtractor.Extract(source);
        if (models.Count == 0)
        {
            foreach (var unit in mentions.Where(u => u.Errors.Count > 0))
            {
                var first = unit.Errors[0];
                bad.Add($"{unit.SourceFile}: mentions WdfDriverCreate, but no function calling it could be parsed ({unit.Errors.Count} errors, the first at line {first.Line}: {first.Message}); allowed: C or C++ source that compiles");
            }
        }
        foreach (var model in models)
        {
            var name = ScenarioName(folder, model.Entry.Name, models.Count > 1);
            try
            {
                var scenario = ScenarioFromSource.Build(model, name, $"{model.Entry.Name} in {folder}");
                var analysis = FailurePathAnalysis.Analyze(model, scenario, cancellationToken);
                var unresolved = source.Units.SelectMany(u => u.UnresolvedIncludes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
                drivers.Add(new DriverScan(folder, analysis, unresolved, source.Units.Sum(u => u.Errors.Count)));
            }
            catch (ScenarioFormatException e)
            {
                bad.Add($"{model.Entry.SourceFile}:{model.Entry.Line}: {model.Entry.Name} could not be made into a scenario: {e.Message}");
            }
        }
        return (drivers, bad);
    }

    private static byte[]? Load(string file, List<string> bad)
    {
        byte[] bytes;
        try
        {
            var info = new FileInfo(file);
            if (info.Length > ScanLimits.MaxSourceBytes)
            {
                bad.Add($"{file}: {info.Length / (1024 * 1024)} MB; allowed: sources up to {ScanLimits.MaxSourceBytes / (1024 * 1024)} MB");
                return null;
            }
            bytes = File.ReadAllBytes(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            bad.Add($"{file}: cannot read it ({e.Message})");
            return null;
        }
        if (bytes.AsSpan(0, Math.Min(bytes.Length, 8192)).IndexOf((byte)0) >= 0)
        {
            bad.Add($"{file}: a binary file; allowed: C or C++ source text");
            return null;
        }
        return bytes;
    }

    private static TranslationUnit? Parse(string file, byte[] bytes, List<string> bad)
    {
        try
        {
            return TranslationUnitReader.Read(file, bytes, file);
        }
        catch (SourceReadException e)
        {
            bad.Add(e.Message);
            return null;
        }
    }

    private static string ScenarioName(string folder, string entry, bool several)
    {
        var parts = folder.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p is not "." and not "..").TakeLast(3);
        var name = CallClassifier.Sanitize(string.Join("-", parts).Replace('.', '-'));
        return several ? $"{name}-{CallClassifier.Sanitize(entry)}" : name;
    }
}
