namespace DriverNotebooks.Kmdf.Scan.Extraction;

/// <summary>
/// Finds the functions that call WdfDriverCreate and reads each one's DriverEntry: the function itself, or DriverEntry
/// when DriverEntry reaches it through helpers (the helpers' steps are then part of DriverEntry's paths).
/// </summary>
public static class DriverEntryExtractor
{
    public static IReadOnlyList<DriverEntryModel> Extract(DriverSource source)
    {
        var creators = source.Functions.Where(f => f.Body.DescendantsAndSelf().Any(n => n.Kind == Reading.SyntaxKind.CallExpr && CallClassifier.CalleeOf(n) == "WdfDriverCreate")).ToArray();
        var models = new List<DriverEntryModel>();
        var entries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var creator in creators)
        {
            var entry = creator;
            if (creator.Name != "DriverEntry" && source.TryGet("DriverEntry", out var driverEntry) && source.Reaches(driverEntry, creator.Name)) entry = driverEntry;
            if (!entries.Add(entry.Name)) continue;
            var walker = new RoutineWalker(source);
            var steps = walker.SuccessPath(entry);
            models.Add(new DriverEntryModel(new RoutineBody(entry.Name, entry.SourceFile, entry.Line, steps), creator.Name, walker.DeadCallbacks, walker.Notes.Distinct().ToArray()));
        }
        return models;
    }
}
