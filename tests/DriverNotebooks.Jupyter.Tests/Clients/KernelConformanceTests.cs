using DriverNotebooks.Jupyter.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Clients;

/// <summary>Jupyter's own kernel conformance suite (Debian's python3-jupyter-kernel-test) against drivernb kernel.</summary>
public sealed class KernelConformanceTests
{
    [SkippableFact]
    public void The_jupyter_kernel_test_suite_passes()
    {
        // Given
        var python = RequiredTools.PythonWithKernelTest();
        using var jupyter = new JupyterEnvironment();

        // When
        var result = ExternalProcess.Run(python, ["-m", "unittest", "-v", "drivernb_kernel_conformance"], TimeSpan.FromMinutes(5),
            workingDirectory: Path.Combine(AppContext.BaseDirectory, "Clients"), environment: jupyter.Variables);

        // Then: unittest prints one line per test and "OK" (with skips for what the kernel does not offer, e.g. a pager)
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("\nOK", result.Error);
        Assert.DoesNotContain("FAIL", result.Error);
        foreach (var test in new[] { "test_execute_stdout", "test_completion", "test_is_complete", "test_display_data", "test_execute_result", "test_error", "test_inspect", "test_kernel_info" })
        {
            Assert.Contains($"{test} (drivernb_kernel_conformance.DrivernbKernelTests", result.Error);
            Assert.DoesNotContain($"{test} (drivernb_kernel_conformance.DrivernbKernelTests.{test}) ... skipped", result.Error);
        }
    }
}
