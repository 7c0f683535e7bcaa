using System.Diagnostics;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>
/// External tools some tests need. Missing, a test is skipped with the reason; but when
/// <c>DRIVERNB_REQUIRE_TOOLS=1</c> (CI sets it) a missing tool fails the test instead.
/// </summary>
internal static class RequiredTools
{
    public const string NbformatPython = "/usr/bin/python3";

    private static readonly Lazy<bool> NbformatAvailable = new(() => Run(NbformatPython, ["-c", "import nbformat"]).ExitCode == 0);

    public static bool Required => Environment.GetEnvironmentVariable("DRIVERNB_REQUIRE_TOOLS") == "1";

    /// <summary>The Chromium executable, or skip (fail when required).</summary>
    public static string Chromium() =>
        Runner.Handouts.Chromium.Find() ?? Missing<string>("Chromium (/usr/bin/chromium or chromium on PATH); Debian: apt-get install chromium");

    /// <summary>Debian's Python with nbformat, or skip (fail when required).</summary>
    public static string Nbformat() =>
        File.Exists(NbformatPython) && NbformatAvailable.Value
            ? NbformatPython
            : Missing<string>($"Jupyter's nbformat for {NbformatPython}; Debian: apt-get install python3-nbformat");

    private static T Missing<T>(string what)
    {
        if (Required) Assert.Fail($"DRIVERNB_REQUIRE_TOOLS=1 but this test's tool is missing: {what}");
        throw new SkipException($"needs {what}");
    }

    public static (int ExitCode, string Output, string Error) Run(string executable, IEnumerable<string> arguments, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                return (-1, output.Result, error.Result + "\n(killed: it did not finish in time)");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }
}
