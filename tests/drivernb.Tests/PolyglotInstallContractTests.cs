using System.Text;
using DriverNotebooks.Cli.Tests.Polyglot;
using DriverNotebooks.Commands;

namespace DriverNotebooks.Cli.Tests;

/// <summary>
/// The bad input <c>drivernb polyglot install</c> meets in a user's environment: each is one approved line and
/// exit code 2, with nothing half-registered (the NuGet config byte for byte as it was, no package folder).
/// </summary>
public sealed class PolyglotInstallContractTests
{
    [Fact]
    public void Each_kind_of_bad_environment_gets_the_approved_one_line_error_exit_code_2_and_changes_nothing()
    {
        var text = new StringBuilder();
        Check(text, "no dotnet on PATH", sandbox => sandbox.Polyglot("install", path: Directory.CreateDirectory(Path.Combine(sandbox.Root, "empty-path")).FullName));
        Check(text, "a source name already taken by another folder", sandbox => sandbox.Polyglot("install"), arrange: sandbox =>
        {
            var elsewhere = Directory.CreateDirectory(Path.Combine(sandbox.Root, "elsewhere")).FullName;
            var taken = ExternalProcess.Run(Repository.Dotnet, ["nuget", "add", "source", elsewhere, "--name", "DriverNotebooks", "--configfile", sandbox.ConfigFile], environment: sandbox.Environment);
            Assert.True(taken.ExitCode == 0, taken.ToString());
        });
        Check(text, "a prefix that cannot be written", sandbox =>
        {
            var prefix = UnwritableFolder(sandbox);
            var result = sandbox.Drivernb($"polyglot install --prefix {prefix} --configfile {sandbox.ConfigFile}");
            Assert.False(Directory.Exists(Path.Combine(prefix, "share")));
            return result with { Error = result.Error.Replace(prefix, "<unwritable>", StringComparison.Ordinal) };
        });
        ApprovedFile.Verify(text.ToString(), "errors-polyglot");
    }

    private static void Check(StringBuilder text, string kind, Func<PolyglotSandbox, ExternalProcess.Result> run, Action<PolyglotSandbox>? arrange = null)
    {
        using var sandbox = new PolyglotSandbox();
        arrange?.Invoke(sandbox);
        var configBefore = File.ReadAllBytes(sandbox.ConfigFile);

        var result = run(sandbox);

        var error = result.Error.TrimEnd('\r', '\n');
        Assert.True(result.ExitCode == CommandLineException.ExitCode, $"{kind}: {result}");
        Assert.False(error.Contains('\n', StringComparison.Ordinal), $"{kind}: more than one line: {error}");
        Assert.DoesNotContain("Exception", error);
        Assert.Equal("", result.Output);
        Assert.False(Directory.Exists(sandbox.Prefix), $"{kind}: the prefix was created");
        Assert.Equal(configBefore, File.ReadAllBytes(sandbox.ConfigFile));
        text.Append("# ").AppendLine(kind).AppendLine(sandbox.Placeholders(error)).AppendLine();
    }

    /// <summary>
    /// A folder nothing can be created in: one without write permission, or, for root (whom permissions do not
    /// stop), Linux's /sys, where the kernel refuses new folders.
    /// </summary>
    private static string UnwritableFolder(PolyglotSandbox sandbox)
    {
        if (OperatingSystem.IsWindows()) return ToolRequirement.Missing<string>("a Unix file system, for a folder without write permission");
        var folder = Directory.CreateDirectory(Path.Combine(sandbox.Root, "read-only")).FullName;
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        try
        {
            Directory.CreateDirectory(Path.Combine(folder, "probe")).Delete();
        }
        catch (UnauthorizedAccessException)
        {
            return folder;
        }
        var sysfs = OperatingSystem.IsLinux() && File.ReadAllLines("/proc/mounts").Any(l => l.Split(' ') is [_, "/sys", "sysfs", ..]);
        return sysfs ? "/sys" : ToolRequirement.Missing<string>("a folder this user cannot write to (root ignores permissions and /sys is not sysfs)");
    }
}
