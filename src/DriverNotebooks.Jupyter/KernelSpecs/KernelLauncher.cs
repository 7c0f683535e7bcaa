namespace DriverNotebooks.Jupyter;

/// <summary>
/// How to start this same drivernb again, for a kernelspec's <c>argv</c>: the executable it runs as
/// (a published build or the <c>dotnet tool</c> shim), or <c>dotnet</c> and the <c>drivernb.dll</c> it was given.
/// </summary>
internal static class KernelLauncher
{
    /// <param name="processPath">The running executable (<see cref="Environment.ProcessPath"/>).</param>
    /// <param name="entryAssemblyPath">The entry assembly's file, used when the process is the <c>dotnet</c> host.</param>
    public static IReadOnlyList<string> For(string processPath, string? entryAssemblyPath)
    {
        var isDotnetHost = string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase);
        if (!isDotnetHost) return [Path.GetFullPath(processPath)];
        if (string.IsNullOrEmpty(entryAssemblyPath))
            throw new InvalidOperationException("drivernb runs under the dotnet host but its assembly's path is unknown; install from a published drivernb instead");
        return [Path.GetFullPath(processPath), Path.GetFullPath(entryAssemblyPath)];
    }
}
