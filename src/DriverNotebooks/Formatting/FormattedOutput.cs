namespace DriverNotebooks.Formatting;

/// <summary>One rendering of a displayed value: a MIME type and the text in that type.</summary>
public sealed record FormattedOutput(string MimeType, string Text)
{
    public const string Html = "text/html";
    public const string PlainText = "text/plain";
}
