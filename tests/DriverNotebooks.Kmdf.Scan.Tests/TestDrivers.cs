using DriverNotebooks.Kmdf.Scan;

namespace DriverNotebooks.Kmdf.Scan.Tests;

/// <summary>The small drivers in TestData (written for these tests, one per pattern) and helpers to read them.</summary>
internal static class TestDrivers
{
    /// <summary>Notebook 1's two drivers (<c>notebooks/data/drivers</c>) are named <c>notebook/NAME</c>; the rest are in TestData.</summary>
    public static string Folder(string name) => name.StartsWith("notebook/", StringComparison.Ordinal)
        ? Repository.PathOf("notebooks", "data", "drivers", name["notebook/".Length..])
        : Repository.PathOf("tests", "DriverNotebooks.Kmdf.Scan.Tests", "TestData", name);

    /// <summary>Scans one test driver's folder and returns its single driver.</summary>
    public static DriverScan Scan(string name)
    {
        var report = KmdfSourceScanner.Scan([Folder(name)]);
        Assert.Empty(report.BadInputs);
        return Assert.Single(report.Drivers);
    }

    /// <summary>The 1-based line of the first line of <paramref name="file"/> in driver <paramref name="name"/> containing <paramref name="text"/>.</summary>
    public static int LineOf(string name, string file, string text)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder(name), file));
        var index = Array.FindIndex(lines, l => l.Contains(text, StringComparison.Ordinal));
        Assert.True(index >= 0, $"'{text}' not in {name}/{file}");
        return index + 1;
    }
}
