namespace DriverNotebooks.Runner.Tests.Support;

/// <summary>The notebooks under <c>Fixtures/</c>, copied next to the test assembly.</summary>
internal static class Fixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Text(string name) => File.ReadAllText(Path(name));

    /// <summary>Copies a fixture into <paramref name="folder"/> (so a test never writes beside the originals).</summary>
    public static string CopyTo(TempFolder folder, string name)
    {
        var target = folder.File(name);
        File.Copy(Path(name), target);
        return target;
    }
}
