namespace DriverNotebooks.Runner.Handouts;

/// <summary>The paper a handout is laid out for.</summary>
internal enum PaperSize
{
    /// <summary>210 × 297 mm, 15 mm side margins: 180 mm of text width.</summary>
    A4,

    /// <summary>8.5 × 11 in, 0.6 in side margins: 7.3 in of text width.</summary>
    Letter,
}

/// <summary>The page geometry of each paper size, as CSS.</summary>
internal static class PaperGeometry
{
    public static string PageSize(PaperSize paper) => paper == PaperSize.Letter ? "letter" : "A4";

    /// <summary>Top/bottom and left/right margins: narrow at top and bottom (every printer manages 12 mm), as wide at the sides as the text width needs.</summary>
    public static (string Vertical, string Horizontal) Margins(PaperSize paper) =>
        paper == PaperSize.Letter ? ("0.5in", "0.6in") : ("12mm", "15mm");

    /// <summary>The width text and charts get: the paper's width less both side margins.</summary>
    public static string ContentWidth(PaperSize paper) => paper == PaperSize.Letter ? "7.3in" : "180mm";
}
