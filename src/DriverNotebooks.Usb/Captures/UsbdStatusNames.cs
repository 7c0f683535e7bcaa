using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// USBD_STATUS values by name, as the Windows DDK's usb.h defines them (USBPcap records the URB's status
/// as returned by the host controller) [C-USBDSTATUS]. The top two bits say how it went: 00 success, 01 pending, 1x error.
/// </summary>
public static class UsbdStatusNames
{
    private static readonly Dictionary<uint, string> Names = new()
    {
        [0x00000000] = "SUCCESS", [0x40000000] = "PENDING",
        [0xC0000001] = "CRC", [0xC0000002] = "BTSTUFF", [0xC0000003] = "DATA_TOGGLE_MISMATCH", [0xC0000004] = "STALL_PID",
        [0xC0000005] = "DEV_NOT_RESPONDING", [0xC0000006] = "PID_CHECK_FAILURE", [0xC0000007] = "UNEXPECTED_PID",
        [0xC0000008] = "DATA_OVERRUN", [0xC0000009] = "DATA_UNDERRUN", [0xC000000A] = "RESERVED1", [0xC000000B] = "RESERVED2",
        [0xC000000C] = "BUFFER_OVERRUN", [0xC000000D] = "BUFFER_UNDERRUN", [0xC000000F] = "NOT_ACCESSED", [0xC0000010] = "FIFO",
        [0xC0000011] = "XACT_ERROR", [0xC0000012] = "BABBLE_DETECTED", [0xC0000013] = "DATA_BUFFER_ERROR", [0xC0000030] = "ENDPOINT_HALTED",
        [0x80000200] = "INVALID_URB_FUNCTION", [0x80000300] = "INVALID_PARAMETER", [0x80000400] = "ERROR_BUSY",
        [0x80000600] = "INVALID_PIPE_HANDLE", [0x80000700] = "NO_BANDWIDTH", [0x80000800] = "INTERNAL_HC_ERROR",
        [0x80000900] = "ERROR_SHORT_TRANSFER", [0xC0000A00] = "BAD_START_FRAME", [0xC0000B00] = "ISOCH_REQUEST_FAILED",
        [0xC0000C00] = "FRAME_CONTROL_OWNED", [0xC0000D00] = "FRAME_CONTROL_NOT_OWNED", [0xC0000E00] = "NOT_SUPPORTED",
        [0xC0000F00] = "INAVLID_CONFIGURATION_DESCRIPTOR", [0xC0001000] = "INSUFFICIENT_RESOURCES", [0xC0002000] = "SET_CONFIG_FAILED",
        [0xC0003000] = "BUFFER_TOO_SMALL", [0xC0004000] = "INTERFACE_NOT_FOUND", [0xC0005000] = "INAVLID_PIPE_FLAGS",
        [0xC0006000] = "TIMEOUT", [0xC0007000] = "DEVICE_GONE", [0xC0008000] = "STATUS_NOT_MAPPED", [0xC0009000] = "HUB_INTERNAL_ERROR",
        [0xC0010000] = "CANCELED", [0xC0020000] = "ISO_NOT_ACCESSED_BY_HW", [0xC0030000] = "ISO_TD_ERROR",
        [0xC0040000] = "ISO_NA_LATE_USBPORT", [0xC0050000] = "ISO_NOT_ACCESSED_LATE", [0xC0100000] = "BAD_DESCRIPTOR",
    };

    /// <summary><c>USBD_STATUS_STALL_PID</c>; <c>USBD_STATUS 0x…</c> for a value without a name here.</summary>
    public static string Name(uint status) =>
        Names.TryGetValue(status, out var name) ? "USBD_STATUS_" + name : "USBD_STATUS 0x" + status.ToString("X8", CultureInfo.InvariantCulture);

    /// <summary>USBD_ERROR: the top bit set.</summary>
    public static bool IsError(uint status) => (status & 0x80000000) != 0;
}
