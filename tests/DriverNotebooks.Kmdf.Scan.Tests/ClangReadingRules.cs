using DriverNotebooks.Kmdf.Scan.Reading;

namespace DriverNotebooks.Kmdf.Scan.Tests;

/// <summary>libclang loads from the NuGet package and reads driver sources without the WDK.</summary>
public sealed class ClangReadingRules
{
    [Fact]
    public void Libclang_parses_a_driver_and_its_functions_come_out_with_their_lines()
    {
        var path = Path.Combine(TestDrivers.Folder("good-cleanup-callback"), "driver.c");
        var unit = TranslationUnitReader.Read(path, File.ReadAllBytes(path), "driver.c");
        Assert.Equal(["DriverEntry", "DriverCleanup", "DeviceAdd"], unit.Functions.Select(f => f.Name));
        Assert.Equal(TestDrivers.LineOf("good-cleanup-callback", "driver.c", "NTSTATUS DriverEntry("), unit.Functions[0].Line);
        Assert.Empty(unit.Errors);
    }

    [Fact]
    public void A_missing_header_does_not_stop_the_parse_and_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("driver.c", "#include \"vendor_private.h\"\nNTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r) { return STATUS_SUCCESS; }\n");
        var unit = TranslationUnitReader.Read(path, File.ReadAllBytes(path), "driver.c");
        Assert.Equal(["vendor_private.h"], unit.UnresolvedIncludes);
        Assert.Equal("DriverEntry", Assert.Single(unit.Functions).Name);
    }

    [Fact]
    public void Unknown_macros_and_types_are_errors_the_scan_counts_and_reads_past()
    {
        using var temp = new TempFolder();
        var path = temp.Write("driver.c", "NTSTATUS DriverEntry(PDRIVER_OBJECT d, PUNICODE_STRING r)\n{\n    VENDOR_TYPE x = VENDOR_MACRO(1);\n    WPP_INIT_TRACING(d, r);\n    return STATUS_SUCCESS;\n}\n");
        var unit = TranslationUnitReader.Read(path, File.ReadAllBytes(path), "driver.c");
        Assert.NotEmpty(unit.Errors);
        Assert.Contains(unit.Functions[0].Body.DescendantsAndSelf(), n => n.Kind == SyntaxKind.CallExpr && n.Spelling == "WPP_INIT_TRACING" && n.Line == 4);
    }
}
