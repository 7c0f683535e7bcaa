using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>The functions defined in one driver's sources (the files of one folder), by name; the first definition wins.</summary>
public sealed class DriverSource
{
    private readonly Dictionary<string, FunctionDefinition> _functions = new(StringComparer.Ordinal);

    public DriverSource(string folder, IEnumerable<TranslationUnit> units)
    {
        Folder = folder;
        Units = units.ToArray();
        foreach (var f in Units.SelectMany(u => u.Functions)) _functions.TryAdd(f.Name, f);
    }

    /// <summary>The folder, as the scan names it.</summary>
    public string Folder { get; }

    public IReadOnlyList<TranslationUnit> Units { get; }

    public IEnumerable<FunctionDefinition> Functions => _functions.Values;

    public bool TryGet(string name, out FunctionDefinition function) => _functions.TryGetValue(name, out function!);

    /// <summary>Whether <paramref name="function"/> calls <paramref name="callee"/>, directly or through routines defined here (a few levels deep).</summary>
    public bool Reaches(FunctionDefinition function, string callee, int depth = 4)
    {
        var calls = function.Body.DescendantsAndSelf().Where(n => n.Kind == SyntaxKind.CallExpr).Select(CallClassifier.CalleeOf).Distinct().ToArray();
        if (calls.Contains(callee)) return true;
        return depth > 0 && calls.Any(c => c != function.Name && TryGet(c, out var next) && Reaches(next, callee, depth - 1));
    }
}
