using System.Diagnostics;

namespace DriverNotebooks.Tests.Packaging;

/// <summary>
/// The notebook layer packed once per test run by <c>dotnet pack</c>, with a version of its own so that a
/// NuGet cache holding an earlier build of the same version can never stand in for this one.
/// </summary>
public static class PackedPackage
{
    private static readonly Lazy<(string Path, string Version)> Packed = new(Pack, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The .nupkg file.</summary>
    public static string Path => Packed.Value.Path;

    /// <summary>The folder holding it, usable as a NuGet source.</summary>
    public static string Folder => System.IO.Path.GetDirectoryName(Path)!;

    /// <summary>The package version, e.g. <c>0.1.0-test.20261204001500</c>.</summary>
    public static string Version => Packed.Value.Version;

    private static (string, string) Pack()
    {
        var version = $"0.1.0-test.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var output = Directory.CreateTempSubdirectory("dn-pack-").FullName;
        var result = ExternalProcess.Run(Repository.Dotnet,
            ["pack", Repository.PathOf("src", "DriverNotebooks", "DriverNotebooks.csproj"), "-c", "Release", "-o", output, "--nologo", $"-p:PackageVersion={version}"],
            TimeSpan.FromMinutes(5));
        Assert.True(result.ExitCode == 0, $"dotnet pack failed:\n{result}");
        return (Directory.GetFiles(output, "DriverNotebooks.*.nupkg").Single(), version);
    }
}
