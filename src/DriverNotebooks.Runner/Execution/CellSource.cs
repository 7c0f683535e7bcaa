using System.Text.RegularExpressions;
using DriverNotebooks.Commands;
using DriverNotebooks.Runner.Documents;

namespace DriverNotebooks.Runner.Execution;

/// <summary>A magic-command line of a cell and its 1-based line number in the cell.</summary>
internal sealed record MagicLine(int Line, string Text);

/// <summary>
/// A C# cell split into what the runner handles itself and what Roslyn compiles. The leading block of
/// a cell (before the first line of C#) may hold a kernel selector (<c>#!csharp</c>, <c>#!fsharp</c>),
/// magic commands, <c>#i "nuget: …"</c> and <c>#r "nuget: …"</c> lines. Those lines are blanked in
/// <see cref="Code"/> rather than removed, so compiler positions stay relative to the cell.
/// </summary>
internal sealed partial record CellSource
{
    /// <summary>The package the runner already carries; <c>#r "nuget: DriverNotebooks[, version]"</c> is accepted and skipped.</summary>
    public const string OwnPackage = "DriverNotebooks";

    /// <summary>The cell's kernel after a leading <c>#!kernel</c> line, canonical (<c>csharp</c>, <c>fsharp</c> …).</summary>
    public required string KernelName { get; init; }

    public required IReadOnlyList<MagicLine> MagicLines { get; init; }

    /// <summary>The C# to compile, with the handled lines blanked.</summary>
    public required string Code { get; init; }

    /// <summary>A problem found before running anything (a package the runner cannot add), as an error output.</summary>
    public ErrorOutput? Problem { get; init; }

    /// <summary>True when <see cref="Code"/> has anything for the compiler.</summary>
    public bool HasCode => !string.IsNullOrWhiteSpace(Code);

    /// <summary>True when the cell is C# at all (after its kernel selector).</summary>
    public bool IsCSharp => KernelInfo.IsCSharp(KernelName);

    /// <summary>True when a cell of <paramref name="kernelName"/> needs the C# compiler (magic commands alone do not).</summary>
    public static bool HasCSharp(string source, string kernelName = KernelInfo.CSharp)
    {
        var parsed = Parse(source, kernelName, KernelInfo.Default);
        return parsed.IsCSharp && parsed.HasCode;
    }

    public static CellSource Parse(string source, string kernelName, KernelInfo kernelInfo)
    {
        var lines = source.ReplaceLineEndings("\n").Split('\n');
        var magic = new List<MagicLine>();
        ErrorOutput? problem = null;
        var kernel = kernelName;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith("//", StringComparison.Ordinal)) continue;
            if (MagicCommands.IsMagicLine(line))
            {
                if (kernelInfo.Resolve(line[2..]) is { } selected) kernel = selected;
                else magic.Add(new MagicLine(i + 1, line));
            }
            else if (NuGetReference().Match(line) is { Success: true } reference)
            {
                var package = reference.Groups["package"].Value.Trim();
                if (!string.Equals(package, OwnPackage, StringComparison.OrdinalIgnoreCase))
                {
                    problem ??= CellErrors.UnsupportedPackage(i + 1, package);
                }
            }
            else if (!IncludeDirective().IsMatch(line))
            {
                if (line.StartsWith("#r", StringComparison.Ordinal) || line.StartsWith("#load", StringComparison.Ordinal)) continue;
                break;
            }
            lines[i] = "";
        }
        return new CellSource
        {
            KernelName = kernel,
            MagicLines = magic,
            Code = string.Join('\n', lines),
            Problem = problem,
        };
    }

    [GeneratedRegex("""^#r\s+"\s*nuget\s*:\s*(?<package>[^,"]+)(,[^"]*)?"\s*(//.*)?$""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetReference();

    [GeneratedRegex("""^#i\s+"[^"]*"\s*(//.*)?$""")]
    private static partial Regex IncludeDirective();
}
