namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>The tools the runner's tests need: skipped when missing, failed under <c>DRIVERNB_REQUIRE_TOOLS=1</c>.</summary>
internal static class RequiredTools
{
    private static readonly Lazy<bool> NbformatAvailable = new(() => ToolRequirement.PythonImports("nbformat"));

    /// <summary>The Chromium executable.</summary>
    public static string Chromium() =>
        Runner.Handouts.Chromium.Find() ?? ToolRequirement.Missing<string>("Chromium (/usr/bin/chromium or chromium on PATH); Debian: apt-get install chromium");

    /// <summary>Debian's Python with Jupyter's nbformat.</summary>
    public static string Nbformat() =>
        NbformatAvailable.Value
            ? ToolRequirement.DebianPython
            : ToolRequirement.Missing<string>($"Jupyter's nbformat for {ToolRequirement.DebianPython}; Debian: apt-get install python3-nbformat");
}
