using System.Reflection;
using DriverNotebooks.Formatting;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace DriverNotebooks.Runner.Execution;

/// <summary>
/// The compilation environment every cell shares: the default imports of Polyglot's C# kernel and
/// references to the DriverNotebooks libraries, Plotly.NET, FSharp.Core and the formatting library.
/// The references are created once per process, so every session and the warm-up share their metadata.
/// </summary>
internal static class ScriptEnvironment
{
    /// <summary>The namespaces every cell imports, as Polyglot Notebooks' C# kernel does.</summary>
    public static IReadOnlyList<string> Imports { get; } =
        ["System", "System.Collections.Generic", "System.Linq", "System.Text", "System.Threading.Tasks"];

    /// <summary>The assemblies cells can use besides the .NET runtime's.</summary>
    public static IReadOnlyList<string> ReferencedAssemblyNames { get; } =
    [
        "DriverNotebooks",
        "DriverNotebooks.Usb",
        "DriverNotebooks.Kmdf",
        "DriverNotebooks.Runner",
        "Plotly.NET",
        "DynamicObj",
        "FSharp.Core",
        "Microsoft.DotNet.Interactive.Formatting",
    ];

    /// <summary>
    /// Framework assemblies referenced by name on top of Roslyn's defaults (which lack System.Linq),
    /// resolved from the running .NET: what cells commonly use, and netstandard for Plotly.NET's types.
    /// </summary>
    public static IReadOnlyList<string> FrameworkAssemblyNames { get; } =
    [
        "System.Linq",
        "System.Linq.Expressions",
        "System.ObjectModel",
        "System.Runtime.Numerics",
        "System.Text.Json",
        "System.Net.Http",
        "System.Memory",
        "Microsoft.CSharp",
        "netstandard",
    ];

    private static readonly Lazy<ScriptOptions> Shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Options with the shared references and imports; resolves <c>#r</c> paths from the current directory.</summary>
    public static ScriptOptions Options => Shared.Value;

    /// <summary>The shared options resolving <c>#r</c> and <c>#load</c> paths from <paramref name="baseDirectory"/>.</summary>
    public static ScriptOptions For(string? baseDirectory) =>
        baseDirectory is null
            ? Options
            : Options
                .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
                .WithSourceResolver(new SourceFileResolver([], baseDirectory));

    /// <summary>
    /// Options for a cell after the first: the same, without references. A submission inherits every reference of
    /// the one before it, and Roslyn appends the references given again without removing the duplicates, so a
    /// chain given the full set each time grew by all of them per cell (about 40 entries kept per earlier cell, in
    /// every later compilation: retained memory grew with the square of the number of cells).
    /// </summary>
    public static ScriptOptions ForContinuation(ScriptOptions options) => options.WithReferences(Array.Empty<MetadataReference>());

    /// <summary>Parse options for cells: C# script, the newest language version.</summary>
    public static CSharpParseOptions ParseOptions { get; } =
        new(LanguageVersion.Latest, DocumentationMode.None, SourceCodeKind.Script);

    private static ScriptOptions Create()
    {
        var assemblies = new List<Assembly> { typeof(NotebookFormatters).Assembly, typeof(CellGlobals).Assembly };
        foreach (var name in ReferencedAssemblyNames)
        {
            if (assemblies.Any(a => a.GetName().Name == name)) continue;
            try
            {
                assemblies.Add(Assembly.Load(new AssemblyName(name)));
            }
            catch (FileNotFoundException)
            {
                // A library that is not deployed with this host cannot be referenced; cells simply do not see it.
            }
        }
        var byName = ScriptOptions.Default.AddReferences(FrameworkAssemblyNames);
        return byName
            .WithReferences(Resolved(byName))
            .AddReferences(assemblies.Select(a => MetadataReference.CreateFromFile(a.Location)))
            .WithImports(Imports)
            .WithLanguageVersion(LanguageVersion.Latest)
            .WithOptimizationLevel(OptimizationLevel.Release)
            .WithEmitDebugInformation(false)
            .WithAllowUnsafe(true);
    }

    /// <summary>
    /// The framework references resolved to files once. Left by name, they would be resolved again for every
    /// submission, each time to new reference objects whose metadata Roslyn maps and reads anew: that kept
    /// about 13 MB per executed cell. The same objects in every submission share one copy of their metadata.
    /// </summary>
    private static IEnumerable<MetadataReference> Resolved(ScriptOptions options)
    {
        foreach (var reference in options.MetadataReferences)
        {
            if (reference is not UnresolvedMetadataReference byName)
            {
                yield return reference;
                continue;
            }
            var files = options.MetadataResolver.ResolveReference(byName.Reference, baseFilePath: null, byName.Properties);
            // One that does not resolve stays by name, so its compilation error is the one it always was.
            if (files.IsDefaultOrEmpty) yield return reference;
            else foreach (var file in files) yield return file;
        }
    }
}
