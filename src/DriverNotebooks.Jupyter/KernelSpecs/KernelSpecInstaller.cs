using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Writes a kernelspec folder (<c>kernel.json</c> and a logo) where Jupyter clients look: the user's
/// Jupyter data folder, or <c>PREFIX/share/jupyter/kernels</c>. VS Code's Jupyter extension searches
/// the same user folders, <c>/usr/share</c>, <c>/usr/local/share</c> and every <c>JUPYTER_PATH</c> entry.
/// </summary>
internal static partial class KernelSpecInstaller
{
    public const string KernelFileName = "kernel.json";
    public const string LogoFileName = "logo-svg.svg";

    /// <summary>The script Jupyter Notebook's classic front end loads from a kernelspec when the kernel starts.</summary>
    public const string KernelScriptFileName = "kernel.js";

    /// <summary>plotly.js as the kernelspec carries it, wrapped to set <c>window.Plotly</c> (see <see cref="DriverNotebooks.Charts.PlotlyJs.GlobalScript"/>).</summary>
    public static readonly string PlotlyFileName = $"plotly-{DriverNotebooks.Charts.PlotlyJs.Version}.min.js";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The user's kernels folder, as jupyter_core and VS Code have it: <c>~/.local/share/jupyter/kernels</c>
    /// on Linux, <c>~/Library/Jupyter/kernels</c> on macOS, <c>%APPDATA%\jupyter\kernels</c> on Windows.
    /// </summary>
    public static string UserKernelsDirectory()
    {
        if (OperatingSystem.IsWindows())
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return OperatingSystem.IsMacOS()
            ? Path.Combine(home, "Library", "Jupyter", "kernels")
            : Path.Combine(home, ".local", "share", "jupyter", "kernels");
    }

    /// <summary><c>PREFIX/share/jupyter/kernels</c>: where a client looks when <c>PREFIX/share/jupyter</c> is on its Jupyter path.</summary>
    public static string PrefixKernelsDirectory(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");

    /// <summary>Jupyter's rule for kernel names: ASCII letters, digits, '.', '_' and '-'.</summary>
    public static bool IsValidName(string name) => KernelName().IsMatch(name);

    /// <summary>Writes <paramref name="spec"/> as <c>KERNELS/NAME/kernel.json</c> (replacing one there) and returns the folder.</summary>
    public static string Install(string kernelsDirectory, string name, KernelSpec spec)
    {
        if (!IsValidName(name)) throw new ArgumentException($"'{name}' is not a kernel name; use letters, digits, '.', '_' and '-'", nameof(name));
        var folder = Path.Combine(kernelsDirectory, name);
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, KernelFileName), spec.ToJson().ToJsonString(Indented) + "\n");
        File.WriteAllText(Path.Combine(folder, LogoFileName), Logo);
        File.WriteAllText(Path.Combine(folder, PlotlyFileName), DriverNotebooks.Charts.PlotlyJs.GlobalScript);
        File.WriteAllText(Path.Combine(folder, KernelScriptFileName), KernelScript);
        return folder;
    }

    /// <summary>
    /// Loads the kernelspec's own plotly.js into a classic Jupyter Notebook page when the kernel starts, so
    /// every chart's HTML output draws on opening the notebook, even after the output that carried the library
    /// was cleared. The script sits beside this file; <c>module.uri</c> is this file's URL.
    /// </summary>
    private static string KernelScript => $$"""
        // drivernb: makes plotly.js available to chart outputs in Jupyter Notebook's classic front end.
        define(['module'], function (module) {
          return {
            onload: function () {
              if (window.Plotly || document.getElementById('drivernb-kernelspec-plotly')) return;
              var script = document.createElement('script');
              script.id = 'drivernb-kernelspec-plotly';
              script.src = module.uri.replace(/[^\/]*$/, '{{PlotlyFileName}}');
              document.head.appendChild(script);
            }
          };
        });

        """;

    /// <summary>A small logo for kernel pickers: "C#" on a chip.</summary>
    private const string Logo = """
        <svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64">
          <g stroke="#4b2a6b" stroke-width="3" stroke-linecap="round">
            <path d="M20 4v8M32 4v8M44 4v8M20 52v8M32 52v8M44 52v8M4 20h8M4 32h8M4 44h8M52 20h8M52 32h8M52 44h8"/>
          </g>
          <rect x="10" y="10" width="44" height="44" rx="6" fill="#68217a"/>
          <text x="32" y="40" font-family="Segoe UI, Helvetica, Arial, sans-serif" font-size="20" font-weight="bold" fill="#ffffff" text-anchor="middle">C#</text>
        </svg>

        """;

    [GeneratedRegex("^[a-zA-Z0-9._-]+$")]
    private static partial Regex KernelName();
}
