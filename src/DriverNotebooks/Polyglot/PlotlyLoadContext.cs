using System.Reflection;
using System.Runtime.Loader;

namespace DriverNotebooks.Polyglot;

/// <summary>
/// Lets Plotly.NET run inside a host that has already loaded an older FSharp.Core than Plotly.NET was
/// built against. The final <c>dotnet-interactive</c> tool (1.0.712001) ships FSharp.Core 10.0 for its F#
/// kernel, while Plotly.NET 6.0.0 and DynamicObj 8.0.0 reference FSharp.Core 10.1: the default load context
/// cannot bind that reference, so every chart fails with <c>FileNotFoundException</c>.
/// </summary>
/// <remarks>
/// <para>
/// The newer FSharp.Core is loaded into a load context of its own, side by side with the host's, and the
/// default context is told to hand it to whoever asks for that version. The host's F# kernel keeps its own
/// FSharp.Core; Plotly.NET, DynamicObj and a user's own Plotly.NET code get the one they were built against.
/// </para>
/// <para>
/// Giraffe.ViewEngine (Plotly.NET's HTML builder) references an old FSharp.Core that the host's copy would
/// satisfy, so left alone it would bind to the host's copy and exchange F# lists with Plotly.NET across two
/// FSharp.Core versions (<c>MissingMethodException</c> in Plotly.NET's static initializer). It is loaded next
/// to the newer FSharp.Core for that reason. .NET Interactive resolves package assemblies from its own
/// <c>Resolving</c> handler, registered first; ours has to run before it for Giraffe.ViewEngine, so it is put at
/// the front of the default context's handler list. That list is a private field of
/// <see cref="AssemblyLoadContext"/> (<c>_resolving</c>, unchanged since .NET Core 3.0); where it cannot be
/// reached the handler is appended instead and <see cref="Outcome.Detail"/> says what may still fail.
/// </para>
/// <para>In hosts whose FSharp.Core is new enough (drivernb, its Jupyter kernel, tests) nothing is installed.</para>
/// </remarks>
public static class PlotlyLoadContext
{
    /// <summary>What <see cref="Install"/> found and did.</summary>
    public enum Status
    {
        /// <summary>The host's FSharp.Core satisfies Plotly.NET: nothing to do.</summary>
        NotNeeded,

        /// <summary>The newer FSharp.Core is served from a load context of its own.</summary>
        Installed,

        /// <summary>It could not be arranged; <see cref="Outcome.Detail"/> says why and what to do.</summary>
        Unavailable,
    }

    /// <summary>The result of <see cref="Install"/>, with a sentence for the user when it matters.</summary>
    public sealed record Outcome(Status Status, string Detail);

    private const string FSharpCore = "FSharp.Core";
    private const string Giraffe = "Giraffe.ViewEngine";
    private static readonly object Gate = new();
    private static Outcome? _outcome;

    /// <summary>Installs the side-by-side FSharp.Core once per process when the host needs it.</summary>
    public static Outcome Install()
    {
        lock (Gate) return _outcome ??= TryInstall();
    }

    private static Outcome TryInstall()
    {
        Assembly plotly;
        try
        {
            plotly = Assembly.Load(new AssemblyName("Plotly.NET"));
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return new(Status.Unavailable, $"Plotly.NET could not be loaded ({e.Message}); charts cannot be drawn.");
        }
        var needed = plotly.GetReferencedAssemblies().FirstOrDefault(a => a.Name == FSharpCore)?.Version;
        var host = HostVersion(FSharpCore);
        if (needed is null || host is null || host >= needed) return new(Status.NotNeeded, "");

        if (AssemblyLoadContext.Default.Assemblies.Any(a => a.GetName().Name == Giraffe))
        {
            return new(Status.Unavailable,
                $"{Giraffe} was loaded before DriverNotebooks, bound to the host's FSharp.Core {host}; charts need FSharp.Core {needed}. " +
                "Restart the kernel and load DriverNotebooks before any other Plotly.NET package.");
        }

        var directory = Path.GetDirectoryName(plotly.Location);
        var fsharpCore = directory is null ? null : FindFSharpCore(directory, needed);
        if (fsharpCore is null)
        {
            return new(Status.Unavailable, $"FSharp.Core {needed} (needed by Plotly.NET) was not found near {plotly.Location}; charts cannot be drawn.");
        }
        var giraffe = FindPackageAssembly(directory!, Giraffe, "netstandard2.0");

        var context = new SideBySide(fsharpCore, giraffe);
        Func<AssemblyLoadContext, AssemblyName, Assembly?> resolve = (_, name) =>
            (name.Name == FSharpCore && name.Version is { } v && v > host) || (name.Name == Giraffe && giraffe is not null)
                ? context.LoadFromAssemblyName(name)
                : null;
        var first = PutFirst(resolve);
        return new(Status.Installed, first
            ? $"FSharp.Core {needed} for Plotly.NET runs beside the host's {host}."
            : $"FSharp.Core {needed} for Plotly.NET runs beside the host's {host}; {Giraffe} may still bind to the host's copy.");
    }

    /// <summary>The FSharp.Core version the default context has loaded or would load from its trusted platform list.</summary>
    private static Version? HostVersion(string name)
    {
        var loaded = AssemblyLoadContext.Default.Assemblies.FirstOrDefault(a => a.GetName().Name == name);
        if (loaded is not null) return loaded.GetName().Version;
        var trusted = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        var path = trusted.Split(Path.PathSeparator).FirstOrDefault(p => Path.GetFileNameWithoutExtension(p) == name);
        return path is null ? null : AssemblyName.GetAssemblyName(path).Version;
    }

    /// <summary>
    /// FSharp.Core next to Plotly.NET (an app folder), or in the NuGet packages folder that Plotly.NET came from
    /// (<c>ROOT/plotly.net/VERSION/lib/TFM/Plotly.NET.dll</c>): the lowest package version whose assembly is new enough.
    /// </summary>
    private static string? FindFSharpCore(string plotlyDirectory, Version needed)
    {
        var beside = Path.Combine(plotlyDirectory, FSharpCore + ".dll");
        if (File.Exists(beside) && AssemblyName.GetAssemblyName(beside).Version >= needed) return beside;
        return PackageVersions(plotlyDirectory, FSharpCore)
            .Select(v => Path.Combine(v, "lib", "netstandard2.1", FSharpCore + ".dll"))
            .Where(File.Exists)
            .FirstOrDefault(p => AssemblyName.GetAssemblyName(p).Version is { } v && v >= needed && v.Major == needed.Major);
    }

    private static string? FindPackageAssembly(string plotlyDirectory, string name, string framework)
    {
        var beside = Path.Combine(plotlyDirectory, name + ".dll");
        if (File.Exists(beside)) return beside;
        return PackageVersions(plotlyDirectory, name)
            .Select(v => Path.Combine(v, "lib", framework, name + ".dll"))
            .LastOrDefault(File.Exists);
    }

    /// <summary>The version folders of a package in the packages folder, oldest first.</summary>
    private static IEnumerable<string> PackageVersions(string plotlyDirectory, string package)
    {
        var root = Path.GetFullPath(Path.Combine(plotlyDirectory, "..", "..", "..", ".."));
        var folder = Path.Combine(root, package.ToLowerInvariant());
        if (!Directory.Exists(folder)) return [];
        return Directory.GetDirectories(folder)
            .Select(d => (Path: d, Version: NuGetVersion(Path.GetFileName(d))))
            .Where(d => d.Version is not null)
            .OrderBy(d => d.Version)
            .Select(d => d.Path);
    }

    private static Version? NuGetVersion(string folderName) =>
        Version.TryParse(folderName.Split('-', '+')[0], out var v) ? v : null;

    /// <summary>Puts the handler before the host's own; false when it could only be appended.</summary>
    private static bool PutFirst(Func<AssemblyLoadContext, AssemblyName, Assembly?> handler)
    {
        var field = typeof(AssemblyLoadContext).GetField("_resolving", BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.FieldType == typeof(Func<AssemblyLoadContext, AssemblyName, Assembly?>))
        {
            var existing = (Delegate?)field.GetValue(AssemblyLoadContext.Default);
            field.SetValue(AssemblyLoadContext.Default, Delegate.Combine(handler, existing));
            return true;
        }
        AssemblyLoadContext.Default.Resolving += handler;
        return false;
    }

    /// <summary>Holds the newer FSharp.Core and the F# libraries that must bind to it; everything else comes from the default context.</summary>
    private sealed class SideBySide(string fsharpCore, string? giraffe) : AssemblyLoadContext("DriverNotebooks.FSharpCore")
    {
        protected override Assembly? Load(AssemblyName name) => name.Name switch
        {
            FSharpCore => LoadFromAssemblyPath(fsharpCore),
            Giraffe when giraffe is not null => LoadFromAssemblyPath(giraffe),
            _ => null,
        };
    }
}
