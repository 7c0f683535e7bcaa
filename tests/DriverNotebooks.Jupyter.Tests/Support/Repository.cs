namespace DriverNotebooks.Jupyter.Tests.Support;

/// <summary>The repository the tests were built in, and the drivernb they run.</summary>
internal static class Repository
{
    /// <summary>A folder of the repository, found above the test assembly.</summary>
    public static string Folder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DriverNotebooks.sln"))) return Path.Combine(directory.FullName, name);
        }
        throw new InvalidOperationException("the tests run outside the repository: DriverNotebooks.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The drivernb built beside the tests.</summary>
    public static string DrivernbDll => Path.Combine(AppContext.BaseDirectory, "drivernb.dll");

    /// <summary>The dotnet host running the tests (or the one on PATH).</summary>
    public static string Dotnet =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";
}
