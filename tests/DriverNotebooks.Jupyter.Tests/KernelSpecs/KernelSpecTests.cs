using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;
using Microsoft.CodeAnalysis.CSharp;

namespace DriverNotebooks.Jupyter.Tests.KernelSpecs;

public sealed class KernelSpecTests
{
    [Fact]
    public void Under_the_dotnet_host_the_kernel_starts_as_dotnet_and_the_dll()
    {
        Assert.Equal(["/usr/share/dotnet/dotnet", "/opt/drivernb/drivernb.dll"], KernelLauncher.For("/usr/share/dotnet/dotnet", "/opt/drivernb/drivernb.dll"));
    }

    [Fact]
    public void A_published_or_tool_drivernb_starts_itself()
    {
        Assert.Equal(["/home/me/.dotnet/tools/drivernb"], KernelLauncher.For("/home/me/.dotnet/tools/drivernb", "/home/me/.dotnet/tools/.store/drivernb/0.1.0/drivernb.dll"));
    }

    [Fact]
    public void The_kernel_json_starts_drivernb_kernel_with_the_connection_file_and_asks_for_message_interrupts()
    {
        // When
        var json = KernelSpec.For(["/opt/drivernb/drivernb"]).ToJson();

        // Then
        Assert.Equal("""{"argv":["/opt/drivernb/drivernb","kernel","--connection-file","{connection_file}"],"display_name":"C# (DriverNotebooks)","language":"C#","interrupt_mode":"message","metadata":{"debugger":false}}""", json.ToJsonString());
    }

    [Fact]
    public void The_readme_shows_both_argv_forms_the_kernelspec_writes()
    {
        // Given: what KernelSpec writes for an apphost or tool drivernb, and for drivernb.dll under the dotnet host
        static string Shown(IReadOnlyList<string> argv) => "[" + string.Join(", ", argv.Select(a => $"\"{a}\"")) + "]";
        var itself = KernelSpec.For(KernelLauncher.For("/abs/path/drivernb", null)).Argv;
        var hosted = KernelSpec.For(KernelLauncher.For("/abs/path/dotnet", "/abs/path/drivernb.dll")).Argv;

        // When
        var readme = string.Join(' ', File.ReadAllText(Repository.PathOf("README.md")).Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));

        // Then
        Assert.Contains($"`{Shown(itself)}`", readme);
        Assert.Contains($"`{Shown(hosted)}`", readme);
    }

    [Fact]
    public void Installing_writes_kernel_json_and_a_logo_into_a_folder_named_after_the_kernel_and_replaces_an_old_one()
    {
        // Given
        using var folder = new TempFolder();
        var kernels = KernelSpecInstaller.PrefixKernelsDirectory(folder.Path);
        KernelSpecInstaller.Install(kernels, "drivernb", KernelSpec.For(["old"]));

        // When
        var written = KernelSpecInstaller.Install(kernels, "drivernb", KernelSpec.For(["new"]));

        // Then
        Assert.Equal(Path.Combine(folder.Path, "share", "jupyter", "kernels", "drivernb"), written);
        Assert.Equal("new", (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(written, "kernel.json")))!["argv"]![0]);
        Assert.StartsWith("<svg", File.ReadAllText(Path.Combine(written, "logo-svg.svg")));
    }

    [SkippableFact]
    public void The_user_location_on_linux_is_the_one_jupyter_and_vs_code_search()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "the Linux location");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".local", "share", "jupyter", "kernels"), KernelSpecInstaller.UserKernelsDirectory());
    }

    [Theory]
    [InlineData("drivernb", true)]
    [InlineData("drivernb-dev_2.1", true)]
    [InlineData("my kernel", false)]
    [InlineData("", false)]
    [InlineData("../escape", false)]
    public void Kernel_names_follow_jupyters_rule(string name, bool valid)
    {
        Assert.Equal(valid, KernelSpecInstaller.IsValidName(name));
    }

    [Fact]
    public void The_reported_csharp_version_is_the_newest_the_bundled_compiler_compiles_cells_at()
    {
        Assert.Equal(KernelDescription.CSharpVersion, LanguageVersion.Latest.MapSpecifiedToEffectiveVersion().ToDisplayString());
    }
}
