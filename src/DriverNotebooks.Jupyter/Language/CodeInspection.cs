using DriverNotebooks.Commands;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Jupyter's <c>inspect_request</c>, kept cheap: on a magic-command line, the command's help; on a
/// C# name, its signature (every overload of a method group) and, for our own libraries, the summary
/// from their XML documentation.
/// </summary>
internal static class CodeInspection
{
    private const int MaxOverloads = 12;

    private static readonly SymbolDisplayFormat Signature = SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMemberOptions(SymbolDisplayMemberOptions.IncludeContainingType)
        .AddKindOptions(SymbolDisplayKindOptions.IncludeTypeKeyword | SymbolDisplayKindOptions.IncludeNamespaceKeyword);

    /// <summary>Plain text describing what is at <paramref name="cursor"/> (a UTF-16 index), or null when nothing is known there.</summary>
    public static string? Inspect(string code, int cursor, Compilation? previous)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (_, line) = CellText.LineAt(code, cursor);
        if (CellText.IsMagicLine(line))
        {
            return MagicCommands.NameOf(line) is { } name && MagicCommands.Find(name) is { } command
                ? HelpText.Render(command.Definition, asMagicCommand: true)
                : null;
        }

        var submission = Submission.Create(CellText.CSharpOf(code), previous);
        var root = submission.Tree.GetRoot();
        var token = root.FindToken(cursor);
        if (!token.IsKind(SyntaxKind.IdentifierToken) && cursor > 0) token = root.FindToken(cursor - 1);
        if (!token.IsKind(SyntaxKind.IdentifierToken) || token.Parent is null) return null;

        var model = submission.Model;
        var node = token.Parent;
        var info = model.GetSymbolInfo(node);
        IReadOnlyList<ISymbol> symbols = info.Symbol is { } symbol ? [symbol]
            : info.CandidateSymbols.Length > 0 ? info.CandidateSymbols
            : model.GetDeclaredSymbol(node) is { } declared ? [declared]
            : node is SimpleNameSyntax simpleName ? model.GetMemberGroup(simpleName)
            : [];
        if (symbols.Count == 0) return null;

        var lines = symbols.Take(MaxOverloads).Select(s => s.ToDisplayString(Signature)).Distinct().ToList();
        if (symbols.Count > MaxOverloads) lines.Add($"(+ {symbols.Count - MaxOverloads} more overloads)");
        if (XmlDocumentation.Summary(symbols[0]) is { Length: > 0 } summary) lines.AddRange(["", summary]);
        return string.Join('\n', lines);
    }
}
