namespace DriverNotebooks.Runner.Handouts;

/// <summary>A PDF could not be made: Chromium is missing or failed. The message is one line.</summary>
internal sealed class PdfException(string message) : Exception(message);

/// <summary>
/// Prints an HTML handout to PDF with headless Chromium, offline, after giving charts time to draw.
/// Chromium stamps the time of printing into the PDF; those stamps are set to a fixed date (same
/// length, so the file's offsets stay valid), which makes the same handout print to the same bytes.
/// </summary>
internal static class PdfPrinter
{
    /// <summary>Virtual time Chromium lets the page run before printing: plotly draws within it.</summary>
    public static TimeSpan DrawingTime { get; } = TimeSpan.FromSeconds(10);

    public static TimeSpan Timeout { get; } = TimeSpan.FromMinutes(2);

    public const string MissingChromium =
        "--pdf needs Chromium, which was not found (looked for /usr/bin/chromium and chromium on PATH); install it (Debian: apt-get install chromium) or leave out --pdf";

    /// <summary>Prints <paramref name="htmlPath"/> to <paramref name="pdfPath"/>.</summary>
    /// <exception cref="PdfException">Chromium is missing, failed or wrote no PDF.</exception>
    public static async Task PrintAsync(string htmlPath, string pdfPath, CancellationToken cancellationToken = default)
    {
        var chromium = Chromium.Find() ?? throw new PdfException(MissingChromium);
        var arguments = new[]
        {
            "--no-pdf-header-footer",
            "--run-all-compositor-stages-before-draw",
            $"--virtual-time-budget={(int)DrawingTime.TotalMilliseconds}",
            "--print-to-pdf=" + pdfPath,
            new Uri(Path.GetFullPath(htmlPath)).AbsoluteUri,
        };
        (int ExitCode, string Output, string Error) run;
        try
        {
            run = await Chromium.RunAsync(chromium, arguments, Timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new PdfException($"printing {htmlPath} to PDF failed: {e.Message}");
        }
        if (run.ExitCode != 0 || !IsPdf(pdfPath))
        {
            var detail = run.Error.ReplaceLineEndings("\n").Split('\n').LastOrDefault(l => l.Trim().Length > 0)?.Trim() ?? "no message";
            throw new PdfException($"Chromium could not print {htmlPath} to PDF (exit code {run.ExitCode}): {detail}");
        }
        await File.WriteAllBytesAsync(pdfPath, RemoveTimestamps(await File.ReadAllBytesAsync(pdfPath, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);
    }

    private static bool IsPdf(string path)
    {
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[5];
        using var stream = File.OpenRead(path);
        return stream.Read(head) == 5 && head.SequenceEqual("%PDF-"u8);
    }

    /// <summary>Sets every <c>/CreationDate</c> and <c>/ModDate</c> to 2000-01-01, keeping each one's length.</summary>
    internal static byte[] RemoveTimestamps(byte[] pdf)
    {
        foreach (var key in new[] { "/CreationDate (D:"u8.ToArray(), "/ModDate (D:"u8.ToArray() })
        {
            var from = 0;
            while (true)
            {
                var at = pdf.AsSpan(from).IndexOf(key);
                if (at < 0) break;
                var position = from + at + key.Length;
                var fixedDigits = "20000101000000"u8;
                var digit = 0;
                for (; position < pdf.Length && pdf[position] != (byte)')'; position++)
                {
                    if (pdf[position] is >= (byte)'0' and <= (byte)'9')
                        pdf[position] = digit < fixedDigits.Length ? fixedDigits[digit++] : (byte)'0';
                }
                from = position;
            }
        }
        return pdf;
    }
}
