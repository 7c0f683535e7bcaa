using System.Globalization;

namespace DriverNotebooks.Kmdf;

/// <summary>An NTSTATUS value with its symbolic name, e.g. <c>STATUS_INSUFFICIENT_RESOURCES</c> (0xC000009A).</summary>
/// <remarks>Values are those of ntstatus.h / wdfstatus.h. Severity bits 31–30: 11 = error, 10 = warning, 00 = success.</remarks>
public readonly record struct NtStatus(uint Code, string Name)
{
    public static readonly NtStatus Success = new(0x00000000, "STATUS_SUCCESS");
    public static readonly NtStatus Unsuccessful = new(0xC0000001, "STATUS_UNSUCCESSFUL");
    public static readonly NtStatus InvalidHandle = new(0xC0000008, "STATUS_INVALID_HANDLE");
    public static readonly NtStatus InvalidParameter = new(0xC000000D, "STATUS_INVALID_PARAMETER");
    public static readonly NtStatus NoMemory = new(0xC0000017, "STATUS_NO_MEMORY");
    public static readonly NtStatus ObjectNameNotFound = new(0xC0000034, "STATUS_OBJECT_NAME_NOT_FOUND");
    public static readonly NtStatus DeletePending = new(0xC0000056, "STATUS_DELETE_PENDING");
    public static readonly NtStatus InsufficientResources = new(0xC000009A, "STATUS_INSUFFICIENT_RESOURCES");
    public static readonly NtStatus DeviceNotConnected = new(0xC000009D, "STATUS_DEVICE_NOT_CONNECTED");
    public static readonly NtStatus NotSupported = new(0xC00000BB, "STATUS_NOT_SUPPORTED");
    public static readonly NtStatus Cancelled = new(0xC0000120, "STATUS_CANCELLED");
    public static readonly NtStatus DriverInternalError = new(0xC0000183, "STATUS_DRIVER_INTERNAL_ERROR");
    public static readonly NtStatus InvalidDeviceState = new(0xC0000184, "STATUS_INVALID_DEVICE_STATE");
    public static readonly NtStatus DeviceBusy = new(0x80000011, "STATUS_DEVICE_BUSY");
    public static readonly NtStatus WdfParentIsSelf = new(0xC020020E, "STATUS_WDF_PARENT_IS_SELF");
    public static readonly NtStatus WdfParentAssignmentNotAllowed = new(0xC020020F, "STATUS_WDF_PARENT_ASSIGNMENT_NOT_ALLOWED");
    public static readonly NtStatus WdfParentNotSpecified = new(0xC0200212, "STATUS_WDF_PARENT_NOT_SPECIFIED");

    /// <summary>Every status this library knows by name.</summary>
    public static IReadOnlyList<NtStatus> Known { get; } =
    [
        Success, Unsuccessful, InvalidHandle, InvalidParameter, NoMemory, ObjectNameNotFound, DeletePending,
        InsufficientResources, DeviceNotConnected, NotSupported, Cancelled, DriverInternalError, InvalidDeviceState,
        DeviceBusy, WdfParentIsSelf, WdfParentAssignmentNotAllowed, WdfParentNotSpecified,
    ];

    /// <summary>NT_SUCCESS: severity is success or informational (the top bit is clear).</summary>
    public bool IsSuccess => (Code & 0x80000000) == 0;

    /// <summary>Parses a symbolic name (<c>STATUS_UNSUCCESSFUL</c>) or a hex code (<c>0xC0000001</c>).</summary>
    public static bool TryParse(string? text, out NtStatus status)
    {
        status = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim();
        foreach (var known in Known)
        {
            if (string.Equals(known.Name, t, StringComparison.OrdinalIgnoreCase)) { status = known; return true; }
        }
        if (t.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            && uint.TryParse(t.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
        {
            status = FromCode(code);
            return true;
        }
        return false;
    }

    /// <summary>Parses like <see cref="TryParse"/> and throws <see cref="FormatException"/> listing the known names otherwise.</summary>
    public static NtStatus Parse(string text) =>
        TryParse(text, out var s)
            ? s
            : throw new FormatException($"unknown status '{text}'; allowed: a hex code such as 0xC000009A or {string.Join(", ", Known.Select(k => k.Name))}");

    /// <summary>The known status with this code, or an unnamed one shown as hex.</summary>
    public static NtStatus FromCode(uint code)
    {
        foreach (var known in Known)
        {
            if (known.Code == code) return known;
        }
        return new NtStatus(code, $"0x{code:X8}");
    }

    /// <summary>The code as printf's <c>0x%x</c> prints it (lower case, no leading zeros), e.g. <c>0xc000009a</c>.</summary>
    public string Hex => $"0x{Code:x}";

    public override string ToString() => Name;
}
