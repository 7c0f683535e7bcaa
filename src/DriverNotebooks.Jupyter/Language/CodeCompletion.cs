using Microsoft.CodeAnalysis;

namespace DriverNotebooks.Jupyter;

/// <summary>Jupyter's <c>complete_request</c>: magic-command lines from the commands' definitions, C# from Roslyn.</summary>
internal static class CodeCompletion
{
    /// <param name="code">The cell.</param>
    /// <param name="cursor">A UTF-16 index into <paramref name="code"/>.</param>
    /// <param name="previous">The session's compilation so far (null before any cell compiled).</param>
    public static Completions Complete(string code, int cursor, Compilation? previous)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var (lineStart, line) = CellText.LineAt(code, cursor);
        if (CellText.IsMagicLine(line)) return MagicCommandCompletion.Complete(code, lineStart, cursor);
        return CSharpCompletion.Complete(code, cursor, previous);
    }
}
