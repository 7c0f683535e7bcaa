using System.Text;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Handouts;

public sealed class PdfTests
{
    [SkippableFact]
    public async Task A_handout_prints_to_the_same_pdf_bytes_every_time_on_the_chosen_paper()
    {
        // Given
        RequiredTools.Chromium();
        using var folder = new TempFolder();
        var notebook = NotebookReader.Read(Fixtures.CopyTo(folder, "charts.dib"));

        // When
        await NotebookRenderer.RenderAsync(notebook, new RenderOptions { OutputDirectory = folder.File("a"), Pdf = true, Paper = PaperSize.Letter });
        await NotebookRenderer.RenderAsync(notebook, new RenderOptions { OutputDirectory = folder.File("b"), Pdf = true, Paper = PaperSize.Letter });

        // Then
        var first = File.ReadAllBytes(folder.File("a/charts.pdf"));
        Assert.StartsWith("%PDF-", Encoding.Latin1.GetString(first, 0, 5));
        Assert.Equal(first, File.ReadAllBytes(folder.File("b/charts.pdf")));
        var text = Encoding.Latin1.GetString(first);
        Assert.Contains("/MediaBox [0 0 612 792]", text);
        Assert.DoesNotContain(folder.Files(), f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Print_timestamps_are_fixed_without_moving_any_byte()
    {
        // Given
        var pdf = Encoding.Latin1.GetBytes("%PDF-1.4\n<</CreationDate (D:20261123194531+00'00')\n/ModDate (D:20261123194532+00'00')>>\n");

        // When
        var fixedPdf = Encoding.Latin1.GetString(PdfPrinter.RemoveTimestamps((byte[])pdf.Clone()));

        // Then
        Assert.Equal("%PDF-1.4\n<</CreationDate (D:20000101000000+00'00')\n/ModDate (D:20000101000000+00'00')>>\n", fixedPdf);
        Assert.Equal(pdf.Length, fixedPdf.Length);
    }
}
