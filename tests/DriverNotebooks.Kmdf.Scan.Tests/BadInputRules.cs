namespace DriverNotebooks.Kmdf.Scan.Tests;

/// <summary>Bad inputs are one line each; the other inputs are still scanned; exit 2 when nothing was found.</summary>
public sealed class BadInputRules
{
    private static readonly string Good = TestDrivers.Folder("good-cleanup-callback");

    private static void AssertOneLine(ScanReport report, string path, string says)
    {
        var line = Assert.Single(report.BadInputs);
        Assert.StartsWith(path + ":", line, StringComparison.Ordinal);
        Assert.Contains(says, line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
        Assert.Single(report.Drivers);
        Assert.Equal(2, report.ExitCode);
    }

    [Fact]
    public void A_missing_path_is_one_line()
    {
        using var temp = new TempFolder();
        var missing = temp.File("nowhere");
        AssertOneLine(KmdfSourceScanner.Scan([missing, Good]), missing, "no such file or folder");
    }

    [Fact]
    public void A_binary_file_is_one_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("driver.c");
        File.WriteAllBytes(path, [0x7f, (byte)'E', (byte)'L', (byte)'F', 0, 0, 1, 2, .. "WdfDriverCreate"u8.ToArray()]);
        AssertOneLine(KmdfSourceScanner.Scan([path, Good]), path, "a binary file");
    }

    [Fact]
    public void A_source_larger_than_the_limit_is_one_line()
    {
        using var temp = new TempFolder();
        var path = temp.File("huge.c");
        using (var stream = File.Create(path))
        {
            var line = "/* WdfDriverCreate padding padding padding padding padding padding padding */\n"u8.ToArray();
            while (stream.Length <= ScanLimits.MaxSourceBytes) stream.Write(line);
        }
        AssertOneLine(KmdfSourceScanner.Scan([path, Good]), path, $"allowed: sources up to {ScanLimits.MaxSourceBytes / (1024 * 1024)} MB");
    }

    [Fact]
    public void A_symlink_loop_is_one_line_and_the_folder_is_still_scanned()
    {
        using var temp = new TempFolder();
        var driver = Path.Combine(temp.Path, "driver");
        Directory.CreateDirectory(driver);
        File.Copy(Path.Combine(Good, "driver.c"), Path.Combine(driver, "driver.c"));
        var loop = Path.Combine(driver, "loop");
        Directory.CreateSymbolicLink(loop, driver);
        var report = KmdfSourceScanner.Scan([temp.Path]);
        var line = Assert.Single(report.BadInputs);
        Assert.StartsWith(loop + ":", line, StringComparison.Ordinal);
        Assert.Contains("a loop", line, StringComparison.Ordinal);
        Assert.Single(report.Drivers);
    }

    [Fact]
    public void A_folder_without_WdfDriverCreate_is_one_line()
    {
        using var temp = new TempFolder();
        temp.Write("util.c", "int add(int a, int b) { return a + b; }\n");
        AssertOneLine(KmdfSourceScanner.Scan([temp.Path, Good]), temp.Path, "no source in this folder calls WdfDriverCreate");
    }

    [Fact]
    public void A_file_that_is_not_C_or_CPP_is_one_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("notes.txt", "WdfDriverCreate\n");
        AssertOneLine(KmdfSourceScanner.Scan([path, Good]), path, "not a C or C++ source");
    }

    [Fact]
    public void A_source_mentioning_WdfDriverCreate_in_which_no_function_parses_is_one_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("broken.c", "NTSTATUS DriverEntry( {{{ WdfDriverCreate(\n");
        AssertOneLine(KmdfSourceScanner.Scan([path, Good]), path, "no function calling it could be parsed");
    }
}
