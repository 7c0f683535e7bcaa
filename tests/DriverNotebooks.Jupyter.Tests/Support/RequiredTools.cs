using System.Diagnostics;

namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>
/// The Jupyter clients some tests drive, from Debian's packages. Missing, a test is skipped with the
/// reason; but when <c>DRIVERNB_REQUIRE_TOOLS=1</c> (CI sets it) a missing tool fails the test instead.
/// </summary>
internal static class RequiredTools
{
    /// <summary>Debian's Python: the python3 first on PATH may be another one, without Jupyter.</summary>
    public const string Python = "/usr/bin/python3";

    private static readonly Lazy<bool> KernelTestAvailable = new(() => Imports("jupyter_kernel_test"));
    private static readonly Lazy<bool> NbconvertAvailable = new(() => Imports("nbconvert") && Imports("nbclient"));

    public static bool Required => Environment.GetEnvironmentVariable("DRIVERNB_REQUIRE_TOOLS") == "1";

    /// <summary>Debian's Python with the kernel conformance suite, or skip (fail when required).</summary>
    public static string PythonWithKernelTest() =>
        KernelTestAvailable.Value ? Python : Missing($"the Jupyter kernel conformance suite for {Python}; Debian: apt-get install python3-jupyter-kernel-test");

    /// <summary>Debian's Python with nbconvert and nbclient, or skip (fail when required).</summary>
    public static string PythonWithNbconvert() =>
        NbconvertAvailable.Value ? Python : Missing($"nbconvert and nbclient for {Python}; Debian: apt-get install jupyter-nbconvert python3-nbclient");

    private static bool Imports(string module) =>
        File.Exists(Python) && Run(Python, ["-c", $"import {module}"]).ExitCode == 0;

    private static string Missing(string what)
    {
        if (Required) Assert.Fail($"DRIVERNB_REQUIRE_TOOLS=1 but this test's tool is missing: {what}");
        throw new SkipException($"needs {what}");
    }

    public sealed record ProcessResult(int ExitCode, string Output, string Error)
    {
        public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
    }

    public static ProcessResult Run(string executable, IEnumerable<string> arguments, TimeSpan? timeout = null,
        string? workingDirectory = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            process.StandardInput.Close();
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout ?? TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
                return new ProcessResult(-1, output.Result, error.Result + "\n(killed: it did not finish in time)");
            }
            return new ProcessResult(process.ExitCode, output.Result, error.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return new ProcessResult(-1, "", e.Message);
        }
    }

    /// <summary><c>dotnet drivernb.dll ARGS</c>, the drivernb built beside the tests.</summary>
    public static ProcessResult Drivernb(params string[] arguments) =>
        Run(Repository.Dotnet, [Repository.DrivernbDll, .. arguments]);
}
