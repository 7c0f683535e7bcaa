namespace DriverNotebooks.Usb;

/// <summary>
/// An input the model cannot accept: an impossible descriptor, a unit it cannot parse, a negative count.
/// Carries the offending field (one of <see cref="UsbInputField"/>), the value as text and a short phrase
/// saying what is allowed, so a command line can print one line and exit with code 2.
/// </summary>
public sealed class UsbInputException : ArgumentException
{
    /// <summary>Creates the exception; <paramref name="message"/> should be one line.</summary>
    public UsbInputException(string field, string value, string allowed, string message)
        : base(message)
    {
        Field = field;
        Value = value;
        Allowed = allowed;
    }

    /// <summary>Which input was bad: one of the camelCase names in <see cref="UsbInputField"/>.</summary>
    public string Field { get; }

    /// <summary>The offending value, as text.</summary>
    public string Value { get; }

    /// <summary>What is allowed, as a short phrase (e.g. <c>512 (USB 2.0 §5.8.3)</c>).</summary>
    public string Allowed { get; }

    /// <summary>Builds the standard one-line message: "<paramref name="what"/> <paramref name="value"/> is not
    /// allowed <paramref name="context"/>; allowed: <paramref name="allowed"/>".</summary>
    internal static UsbInputException NotAllowed(string field, string what, string value, string context, string allowed) =>
        new(field, value, allowed, $"{what} {value} is not allowed {context}; allowed: {allowed}");
}
