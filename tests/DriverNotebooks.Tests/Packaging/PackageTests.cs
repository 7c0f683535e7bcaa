using System.IO.Compression;

namespace DriverNotebooks.Tests.Packaging;

/// <summary>What <c>dotnet pack</c> makes of the notebook layer: the package Polyglot Notebooks loads.</summary>
public class PackageTests
{
    [Fact]
    public void The_package_carries_the_notebook_layer_and_both_engines_under_lib_net10()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Path);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();

        Assert.Contains("lib/net10.0/DriverNotebooks.dll", entries);
        Assert.Contains("lib/net10.0/DriverNotebooks.Usb.dll", entries);
        Assert.Contains("lib/net10.0/DriverNotebooks.Kmdf.dll", entries);
        Assert.Contains("lib/net10.0/DriverNotebooks.Kmdf.Scan.dll", entries);
    }

    [Fact]
    public void The_package_carries_extension_dib_where_the_engine_looks_for_it()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Path);
        var dib = zip.GetEntry("interactive-extensions/dotnet/extension.dib");

        Assert.NotNull(dib);
        using var reader = new StreamReader(dib.Open());
        Assert.Equal(File.ReadAllText(Repository.PathOf("src", "DriverNotebooks", "extension.dib")), reader.ReadToEnd());
    }

    [Fact]
    public void The_engines_are_inside_the_package_not_dependencies_of_it()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Path);
        using var reader = new StreamReader(zip.GetEntry("DriverNotebooks.nuspec")!.Open());
        var nuspec = reader.ReadToEnd();

        Assert.Contains("id=\"Plotly.NET\" version=\"6.0.0\"", nuspec);
        Assert.Contains("id=\"Microsoft.DotNet.Interactive.Formatting\"", nuspec);
        Assert.DoesNotContain("DriverNotebooks.Usb\"", nuspec);
        Assert.DoesNotContain("DriverNotebooks.Kmdf\"", nuspec);
        Assert.DoesNotContain("DriverNotebooks.Kmdf.Scan\"", nuspec);
    }

    [Fact]
    public void The_scan_brings_libclang_as_a_package_dependency_so_a_notebook_restores_the_native_library()
    {
        using var zip = ZipFile.OpenRead(PackedPackage.Path);
        using var reader = new StreamReader(zip.GetEntry("DriverNotebooks.nuspec")!.Open());
        Assert.Contains("id=\"libclang.runtime.linux-x64\" version=\"23.1.5\"", reader.ReadToEnd());
    }
}
