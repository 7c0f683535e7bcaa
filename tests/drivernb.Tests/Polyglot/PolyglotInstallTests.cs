namespace DriverNotebooks.Cli.Tests.Polyglot;

/// <summary>
/// <c>drivernb polyglot install</c> and <c>uninstall</c> against a real <c>dotnet nuget</c>, in a sandbox with
/// its own NuGet config and global packages folder (the user's real ones are never touched).
/// </summary>
public sealed class PolyglotInstallTests
{
    private const string PackageFile = "DriverNotebooks.0.1.0.nupkg";

    [Fact]
    public void Install_puts_the_package_in_the_prefix_and_registers_that_folder_as_a_source_in_the_config()
    {
        using var sandbox = new PolyglotSandbox();

        var result = sandbox.Polyglot("install");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(sandbox.PackageFolder, PackageFile)), result.ToString());
        Assert.Contains(("DriverNotebooks", sandbox.PackageFolder), sandbox.Sources());
        Assert.Contains($"added the NuGet source 'DriverNotebooks' for {sandbox.PackageFolder} to {sandbox.ConfigFile}", result.Output);
        Assert.Contains($"Undo: drivernb polyglot uninstall --prefix {sandbox.Prefix} --configfile {sandbox.ConfigFile}", result.Output);
    }

    [Fact]
    public void A_second_install_updates_the_source_and_never_registers_it_twice()
    {
        using var sandbox = new PolyglotSandbox();
        var first = sandbox.Polyglot("install");
        Assert.True(first.ExitCode == 0, first.ToString());
        var sourcesAfterFirst = sandbox.Sources();

        var second = sandbox.Polyglot("install");

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("was already there: updated", second.Output);
        Assert.Equal(sourcesAfterFirst, sandbox.Sources());
        Assert.Single(sandbox.Sources(), s => s.Name == "DriverNotebooks");
    }

    [Fact]
    public void Install_removes_the_cached_copy_of_its_own_version_and_nothing_else_from_the_global_packages_folder()
    {
        using var sandbox = new PolyglotSandbox();
        var stale = Directory.CreateDirectory(Path.Combine(sandbox.GlobalPackages, "drivernotebooks", "0.1.0")).FullName;
        File.WriteAllText(Path.Combine(stale, "drivernotebooks.0.1.0.nupkg"), "an earlier build");
        var older = Directory.CreateDirectory(Path.Combine(sandbox.GlobalPackages, "drivernotebooks", "0.0.9")).FullName;
        var other = Directory.CreateDirectory(Path.Combine(sandbox.GlobalPackages, "plotly.net", "0.1.0")).FullName;

        var result = sandbox.Polyglot("install");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(Directory.Exists(stale));
        Assert.True(Directory.Exists(older));
        Assert.True(Directory.Exists(other));
        Assert.Contains($"removed NuGet's cached copy of 0.1.0, {stale}", result.Output);
    }

    [Fact]
    public void Uninstall_removes_the_source_and_the_folder_and_leaves_the_other_sources()
    {
        using var sandbox = new PolyglotSandbox();
        var before = sandbox.Sources();
        var install = sandbox.Polyglot("install");
        Assert.True(install.ExitCode == 0, install.ToString());

        var result = sandbox.Polyglot("uninstall");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(before, sandbox.Sources());
        Assert.DoesNotContain(sandbox.Sources(), s => s.Name == "DriverNotebooks" || s.Location == sandbox.PackageFolder);
        Assert.False(Directory.Exists(sandbox.PackageFolder));
        Assert.Contains($"Removed the NuGet source 'DriverNotebooks' from {sandbox.ConfigFile}", result.Output);
    }

    [Fact]
    public void Without_configfile_the_source_goes_into_the_users_own_nuget_config()
    {
        using var sandbox = new PolyglotSandbox();

        var result = sandbox.Drivernb($"polyglot install --prefix {sandbox.Prefix} --name DriverNotebooks-dev");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(("DriverNotebooks-dev", sandbox.PackageFolder), sandbox.Sources());
        var undo = sandbox.Drivernb($"polyglot uninstall --prefix {sandbox.Prefix} --name DriverNotebooks-dev");
        Assert.True(undo.ExitCode == 0, undo.ToString());
        Assert.DoesNotContain(sandbox.Sources(), s => s.Name == "DriverNotebooks-dev");
    }
}
