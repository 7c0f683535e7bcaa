using Xunit;

namespace DriverNotebooks.TestSupport;

/// <summary>
/// External tools some tests need (Chromium, Debian's Python with Jupyter's packages). Missing, a test
/// is skipped with the reason; when <c>DRIVERNB_REQUIRE_TOOLS=1</c> (CI sets it) it fails instead.
/// </summary>
public static class ToolRequirement
{
    /// <summary>Debian's Python: the python3 first on PATH may be another one, without Jupyter's modules.</summary>
    public const string DebianPython = "/usr/bin/python3";

    public static bool Required => Environment.GetEnvironmentVariable("DRIVERNB_REQUIRE_TOOLS") == "1";

    /// <summary>Skips the test, or fails it when tools are required, naming what is missing.</summary>
    public static T Missing<T>(string what)
    {
        if (Required) Assert.Fail($"DRIVERNB_REQUIRE_TOOLS=1 but this test's tool is missing: {what}");
        throw new SkipException($"needs {what}");
    }

    /// <summary>True when Debian's Python can import every module named.</summary>
    public static bool PythonImports(params string[] modules) =>
        File.Exists(DebianPython) && modules.All(m => ExternalProcess.Run(DebianPython, ["-c", $"import {m}"]).ExitCode == 0);
}
