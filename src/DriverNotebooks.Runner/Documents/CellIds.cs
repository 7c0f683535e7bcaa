using System.Security.Cryptography;
using System.Text;

namespace DriverNotebooks.Runner.Documents;

/// <summary>
/// nbformat 4.5 cell ids (1–64 of <c>[a-zA-Z0-9-_]</c>, unique in a notebook). Ids read from a file
/// are kept; the others are derived from the cell's content, so the same notebook always gets the
/// same ids and editing one cell does not renumber the rest.
/// </summary>
internal static class CellIds
{
    public static bool IsValid(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>One id per cell, in order.</summary>
    public static IReadOnlyList<string> Assign(IReadOnlyList<NotebookCell> cells)
    {
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var kept = new string?[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (cells[i].Id is { } id && IsValid(id) && taken.Add(id)) kept[i] = id;
        }

        var ids = new string[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (kept[i] is { } id)
            {
                ids[i] = id;
                continue;
            }
            var baseId = Derive(cells[i]);
            var candidate = baseId;
            for (var n = 2; !taken.Add(candidate); n++) candidate = $"{baseId}-{n}";
            ids[i] = candidate;
        }
        return ids;
    }

    private static string Derive(NotebookCell cell)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{cell.Kind}\n{cell.KernelName}\n{cell.Source}"));
        return Convert.ToHexStringLower(hash, 0, 6);
    }
}
