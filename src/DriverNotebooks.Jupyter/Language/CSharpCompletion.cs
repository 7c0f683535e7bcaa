using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Completes C# from Roslyn's semantic model, without the IDE completion service: the members of
/// the expression, type or namespace before a dot, or else every name in scope (the session's
/// variables, imported types, <c>display</c>) and the keywords, that start with the word being typed.
/// </summary>
internal static class CSharpCompletion
{
    private static readonly string[] Keywords =
    [
        .. SyntaxFacts.GetKeywordKinds().Concat(SyntaxFacts.GetContextualKeywordKinds())
            .Select(SyntaxFacts.GetText)
            .Where(k => k.Length > 0 && !k.StartsWith("__", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal),
    ];

    public static Completions Complete(string code, int cursor, Compilation? previous)
    {
        var csharp = CellText.CSharpOf(code);
        var start = cursor;
        while (start > 0 && IsIdentifierChar(csharp[start - 1])) start--;
        if (start < cursor && char.IsAsciiDigit(csharp[start])) return Completions.None(cursor);
        var prefix = csharp[start..cursor];

        var submission = Submission.Create(csharp, previous);
        var root = submission.Tree.GetRoot();
        if (IsInCommentOrLiteral(root, cursor)) return Completions.None(cursor);

        var model = submission.Model;
        var receiver = start > 0 && csharp[start - 1] == '.' ? ReceiverOf(root.FindToken(start - 1)) : null;
        IEnumerable<string> names;
        if (receiver is not null)
        {
            names = MembersOf(model, receiver, start).Where(Referenceable).Select(s => s.Name);
        }
        else if (start > 0 && csharp[start - 1] == '.')
        {
            return Completions.None(cursor);
        }
        else
        {
            names = model.LookupSymbols(start).Where(Referenceable).Select(s => s.Name).Concat(Keywords);
        }

        var matches = names
            .Where(n => n.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .OrderBy(n => n, StringComparer.OrdinalIgnoreCase)
            .ThenBy(n => n, StringComparer.Ordinal)
            .ToList();
        return new Completions(matches, start, cursor);
    }

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static bool Referenceable(ISymbol symbol) =>
        symbol.CanBeReferencedByName && SyntaxFacts.IsValidIdentifier(symbol.Name) && symbol is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.StaticConstructor };

    /// <summary>The expression, type or namespace whose members follow the dot token.</summary>
    private static ExpressionSyntax? ReceiverOf(SyntaxToken dot)
    {
        if (!dot.IsKind(SyntaxKind.DotToken)) return null;
        return dot.Parent switch
        {
            MemberAccessExpressionSyntax access => access.Expression,
            QualifiedNameSyntax qualified => qualified.Left,
            MemberBindingExpressionSyntax binding => binding.FirstAncestorOrSelf<ConditionalAccessExpressionSyntax>()?.Expression,
            _ => null,
        };
    }

    private static IEnumerable<ISymbol> MembersOf(SemanticModel model, ExpressionSyntax receiver, int position)
    {
        var symbol = model.GetSymbolInfo(receiver).Symbol;
        switch (symbol)
        {
            case INamespaceSymbol ns:
                return model.LookupNamespacesAndTypes(position, ns);
            case ITypeSymbol type:
                return model.LookupStaticMembers(position, type).Concat(model.LookupNamespacesAndTypes(position, type));
        }
        var valueType = model.GetTypeInfo(receiver).Type;
        if (valueType is null or IErrorTypeSymbol) return [];
        return model.LookupSymbols(position, valueType, includeReducedExtensionMethods: true)
            .Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
    }

    /// <summary>True when the cursor is inside a comment, a string or a character literal, where names are not completed.</summary>
    private static bool IsInCommentOrLiteral(SyntaxNode root, int cursor)
    {
        if (cursor == 0) return false;
        var trivia = root.FindTrivia(cursor - 1);
        if (trivia.Span.Start < cursor && trivia.Kind() is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia)
        {
            return cursor < trivia.Span.End || trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || !trivia.ToString().EndsWith("*/", StringComparison.Ordinal);
        }
        var token = root.FindToken(cursor - 1);
        if (token.Kind() is not (SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken))
        {
            return false;
        }
        if (token.Span.Start < cursor && cursor < token.Span.End) return true;
        // At the end of a literal: inside only when it is not closed yet.
        var text = token.Text;
        return cursor == token.Span.End && (text.Length < 2 || text[^1] is not ('"' or '\''));
    }
}
