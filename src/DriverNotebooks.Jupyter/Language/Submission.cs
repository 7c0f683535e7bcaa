using DriverNotebooks.Runner.Execution;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// A cell's C# compiled (not run) as the next submission after the session's cells, so the language
/// services see the variables, types and usings the earlier cells left behind.
/// </summary>
internal sealed record Submission(Compilation Compilation, SyntaxTree Tree)
{
    public SemanticModel Model => Compilation.GetSemanticModel(Tree);

    /// <param name="csharp">The cell's C#, as <see cref="CellText.CSharpOf"/> gives it.</param>
    /// <param name="previous">The session's <see cref="NotebookSession.CurrentCompilation"/>; null before any cell compiled.</param>
    public static Submission Create(string csharp, Compilation? previous)
    {
        if (previous is CSharpCompilation before)
        {
            var tree = CSharpSyntaxTree.ParseText(csharp, ScriptEnvironment.ParseOptions);
            var compilation = CSharpCompilation.CreateScriptCompilation(
                "drivernb-language-services", tree, before.References, before.Options, before, typeof(object), typeof(CellGlobals));
            return new Submission(compilation, tree);
        }
        var first = CSharpScript.Create(csharp, ScriptEnvironment.Options, typeof(CellGlobals)).GetCompilation();
        return new Submission(first, first.SyntaxTrees.Last());
    }
}
