namespace DriverNotebooks.TestSupport;

/// <summary>The repository the tests were built in, and the drivernb built beside them.</summary>
public static class Repository
{
    /// <summary>The folder holding DriverNotebooks.sln, found above the test assembly.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>A path inside the repository.</summary>
    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The drivernb built beside the tests (in test projects that reference it).</summary>
    public static string DrivernbDll => Path.Combine(AppContext.BaseDirectory, "drivernb.dll");

    /// <summary>The dotnet host running the tests (or the one on PATH).</summary>
    public static string Dotnet =>
        Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet" ? host : "dotnet";

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DriverNotebooks.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException("the tests run outside the repository: DriverNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
