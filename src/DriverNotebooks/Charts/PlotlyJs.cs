using System.Reflection;

namespace DriverNotebooks.Charts;

/// <summary>
/// plotly.js as shipped inside Plotly.NET.dll, so charts draw with no network.
/// Plotly.NET's own HTML loads the library from a CDN, which draws nothing offline.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The manifest resource that Plotly.NET 6.0.0 embeds.</summary>
    public const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";

    /// <summary>The plotly.js version inside that resource.</summary>
    public const string Version = "2.28.0";

    /// <summary>The id given to the one script element that carries the library in a document.</summary>
    public const string ScriptElementId = "drivernb-plotly-js";

    private static readonly Lazy<string> Source = new(LoadSource, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly Lazy<string> Element = new(
        () => $"<script type=\"text/javascript\" id=\"{ScriptElementId}\">{EscapeForScriptElement(GlobalScript)}</script>",
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The minified library text.</summary>
    public static string Library => Source.Value;

    /// <summary>
    /// The library wrapped so that it always sets <c>window.Plotly</c>. plotly.js is a UMD bundle: on a page
    /// with require.js (Jupyter Notebook's classic front end) it would register an anonymous AMD module
    /// instead, which require.js rejects ("Mismatched anonymous define()") and no chart draws. Hiding
    /// <c>define</c>, <c>module</c> and <c>exports</c> from it leaves the global as the only way out.
    /// </summary>
    public static string GlobalScript => Wrapped.Value;

    private static readonly Lazy<string> Wrapped = new(
        () => "(function(define,module,exports){\n" + Source.Value + "\n}).call(self);",
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// A complete <c>&lt;script&gt;</c> element carrying the library, safe to place in a page once.
    /// Built once per process: escaping 3.5 MB of script is not free.
    /// </summary>
    public static string ScriptElement() => Element.Value;

    /// <summary>
    /// Makes text safe inside a script element: a literal <c>&lt;/script</c> would end the element early.
    /// </summary>
    public static string EscapeForScriptElement(string javaScript) =>
        javaScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);

    private static string LoadSource()
    {
        var assembly = typeof(Plotly.NET.GenericChart).Assembly;
        using var stream = assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException(
                $"{assembly.GetName().Name} {assembly.GetName().Version} does not carry the resource '{ResourceName}'; charts need Plotly.NET 6.0.0.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
