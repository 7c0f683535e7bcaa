namespace DriverNotebooks.Kmdf.Scan.Reading;

/// <summary>
/// One node of a function's syntax tree as libclang parsed it, copied out of the native tree so that the analysis is
/// plain C#: the cursor kind, its spelling (a called function's or declared name), where it is and its source text.
/// </summary>
/// <param name="Kind">The cursor kind.</param>
/// <param name="Spelling">clang_getCursorSpelling: the callee of a call, the name of a declaration or label.</param>
/// <param name="Line">1-based line of the node in <see cref="SourceFile"/> (macro uses map to where the macro is used).</param>
/// <param name="Text">The node's source text as written (macro names unexpanded), whitespace as in the file.</param>
/// <param name="Children">Child nodes in source order.</param>
public sealed record SyntaxNode(SyntaxKind Kind, string Spelling, string SourceFile, int Line, string Text, IReadOnlyList<SyntaxNode> Children)
{
    /// <summary>The node and all its descendants, depth first.</summary>
    public IEnumerable<SyntaxNode> DescendantsAndSelf()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var d in child.DescendantsAndSelf()) yield return d;
        }
    }

    public override string ToString() => $"{Kind} '{Spelling}' {SourceFile}:{Line}";
}

/// <summary>A function defined in a driver's source: its name, where it is, and its body.</summary>
public sealed record FunctionDefinition(string Name, string SourceFile, int Line, SyntaxNode Body);

/// <summary>A problem the compiler reported while reading a file (kept when it is an error; missing headers are listed apart).</summary>
public sealed record ParseDiagnostic(string SourceFile, int Line, string Message);

/// <summary>One source file as read: the functions it defines, the headers it could not find, and its errors.</summary>
public sealed record TranslationUnit(string SourceFile, IReadOnlyList<FunctionDefinition> Functions, IReadOnlyList<string> UnresolvedIncludes, IReadOnlyList<ParseDiagnostic> Errors);
