using System.Text.RegularExpressions;

namespace DriverNotebooks.Tests.Docs;

/// <summary>docs/SOURCES.md is the one place citations resolve: every key and research-note reference used in
/// src/, notebooks/ and README.md must be defined there.</summary>
public partial class SourcesTests
{
    [GeneratedRegex(@"\[(S\d+[a-z]?|K-[A-Z]+|C-[A-Z]+)\]")]
    private static partial Regex CitationKey();

    [GeneratedRegex(@"\b([a-z][a-z0-9-]*\.md) §(\d+(?:\.\d+)*)")]
    private static partial Regex NoteReference();

    [GeneratedRegex(@"^\|\s*([^|]+?)\s*\|", RegexOptions.Multiline)]
    private static partial Regex FirstCell();

    private static HashSet<string> Defined()
    {
        var sources = File.ReadAllText(Repository.PathOf("docs", "SOURCES.md"));
        return FirstCell().Matches(sources).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<(string File, string Reference)> Citations()
    {
        var files = Directory.EnumerateFiles(Repository.PathOf("src"), "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".dib", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                     && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Repository.PathOf("notebooks"), "*.dib"))
            .Append(Repository.PathOf("README.md"));
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            var name = Path.GetRelativePath(Repository.Root, file);
            foreach (Match m in CitationKey().Matches(text)) yield return (name, m.Value);
            foreach (Match m in NoteReference().Matches(text)) yield return (name, $"{m.Groups[1].Value} §{m.Groups[2].Value}");
        }
    }

    private static bool Resolves(string reference, HashSet<string> defined) =>
        defined.Contains(reference)
        // A sub-item such as [S22b] resolves through its parent row [S22], which lists the items.
        || (reference.StartsWith("[S", StringComparison.Ordinal) && char.IsLower(reference[^2]) && defined.Contains(reference[..^2] + "]"));

    [Fact]
    public void Every_citation_key_and_research_note_reference_resolves_in_docs_SOURCES_md()
    {
        var defined = Defined();
        var citations = Citations().ToList();
        Assert.Contains(citations, c => c.Reference == "[S2]");
        var unresolved = citations.Where(c => !Resolves(c.Reference, defined))
            .Select(c => $"{c.File}: {c.Reference}").Distinct().ToList();
        Assert.True(unresolved.Count == 0, "not defined in docs/SOURCES.md: " + string.Join("; ", unresolved));
    }

    [Fact]
    public void Every_source_row_names_a_url_or_says_why_there_is_none()
    {
        var rows = File.ReadAllLines(Repository.PathOf("docs", "SOURCES.md"))
            .Where(l => l.StartsWith("| [", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.True(row.Contains("http", StringComparison.Ordinal) || row.Contains("no public URL", StringComparison.Ordinal), row));
    }
}
