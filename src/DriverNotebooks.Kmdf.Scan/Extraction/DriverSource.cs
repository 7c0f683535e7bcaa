using System.Text;
using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>
/// The functions defined in one driver's sources (the files of one folder), by name; the first definition wins.
/// The files that call WdfDriverCreate are parsed up front; another file of the folder is parsed only when a routine
/// the scan follows is not defined yet and that file has a line starting with the routine's name and a parenthesis
/// (where a C definition begins), so big folders cost only the files the driver's DriverEntry reaches.
/// </summary>
public sealed class DriverSource
{
    private readonly Dictionary<string, FunctionDefinition> _functions = new(StringComparer.Ordinal);
    private readonly List<TranslationUnit> _units = [];
    private readonly List<(string Path, byte[] Bytes)> _unparsed;
    private readonly Func<string, byte[], TranslationUnit?> _read;
    private readonly HashSet<string> _missing = new(StringComparer.Ordinal);

    public DriverSource(string folder, IEnumerable<TranslationUnit> units)
        : this(folder, units, [], (_, _) => null)
    {
    }

    /// <param name="later">Files of the folder not parsed yet, with their bytes.</param>
    /// <param name="read">Parses one of them (null when it cannot be read).</param>
    public DriverSource(string folder, IEnumerable<TranslationUnit> units, IEnumerable<(string Path, byte[] Bytes)> later, Func<string, byte[], TranslationUnit?> read)
    {
        Folder = folder;
        foreach (var unit in units) Add(unit);
        _unparsed = later.ToList();
        _read = read;
    }

    /// <summary>The folder, as the scan names it.</summary>
    public string Folder { get; }

    /// <summary>The files parsed so far.</summary>
    public IReadOnlyList<TranslationUnit> Units => _units;

    public IEnumerable<FunctionDefinition> Functions => _functions.Values;

    private void Add(TranslationUnit unit)
    {
        _units.Add(unit);
        foreach (var f in unit.Functions) _functions.TryAdd(f.Name, f);
    }

    public bool TryGet(string name, out FunctionDefinition function)
    {
        if (_functions.TryGetValue(name, out function!)) return true;
        if (name.Length == 0 || _missing.Contains(name)) return false;
        var pattern = Encoding.ASCII.GetBytes(name);
        for (var i = 0; i < _unparsed.Count; i++)
        {
            if (!StartsALine(_unparsed[i].Bytes, pattern)) continue;
            var (path, bytes) = _unparsed[i];
            _unparsed.RemoveAt(i--);
            if (_read(path, bytes) is { } unit) Add(unit);
            if (_functions.TryGetValue(name, out function!)) return true;
        }
        _missing.Add(name);
        return false;
    }

    /// <summary>Whether some line of <paramref name="text"/> begins (column 0) with a word ending in <paramref name="name"/> followed by '('.</summary>
    private static bool StartsALine(byte[] text, byte[] name)
    {
        var span = text.AsSpan();
        var at = 0;
        while (at < span.Length)
        {
            var found = span[at..].IndexOf(name);
            if (found < 0) return false;
            var start = at + found;
            var end = start + name.Length;
            at = end;
            if (start > 0 && IsWord(span[start - 1])) continue;
            var next = end;
            while (next < span.Length && span[next] is (byte)' ' or (byte)'\t') next++;
            if (next >= span.Length || span[next] != (byte)'(') continue;
            var lineStart = span[..start].LastIndexOf((byte)'\n') + 1;
            if (lineStart < span.Length && span[lineStart] is not ((byte)' ' or (byte)'\t')) return true;
        }
        return false;
    }

    private static bool IsWord(byte b) => b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'_';

    /// <summary>Whether <paramref name="function"/> calls <paramref name="callee"/>, directly or through routines defined here (a few levels deep).</summary>
    public bool Reaches(FunctionDefinition function, string callee, int depth = 4)
    {
        var calls = function.Body.DescendantsAndSelf().Where(n => n.Kind == SyntaxKind.CallExpr).Select(CallClassifier.CalleeOf).Distinct().ToArray();
        if (calls.Contains(callee)) return true;
        return depth > 0 && calls.Any(c => c != function.Name && TryGet(c, out var next) && Reaches(next, callee, depth - 1));
    }
}
