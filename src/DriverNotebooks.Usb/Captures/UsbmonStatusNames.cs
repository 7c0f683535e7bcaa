using System.Globalization;

namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// usbmon status values by name: the negative Linux errno codes that USB host controller drivers return
/// (Linux Documentation/driver-api/usb/error-codes.rst, [C-ERRNO]), e.g. -71 is <c>-EPROTO</c>, -32 <c>-EPIPE</c> (stall).
/// </summary>
public static class UsbmonStatusNames
{
    /// <summary>-EINPROGRESS: the status usbmon records for a URB just submitted.</summary>
    public const int InProgress = -115;

    private static readonly Dictionary<int, string> Names = new()
    {
        [1] = "EPERM", [2] = "ENOENT", [3] = "ESRCH", [4] = "EINTR", [5] = "EIO", [6] = "ENXIO", [8] = "ENOEXEC",
        [11] = "EAGAIN", [12] = "ENOMEM", [16] = "EBUSY", [18] = "EXDEV", [19] = "ENODEV", [22] = "EINVAL",
        [27] = "EFBIG", [28] = "ENOSPC", [32] = "EPIPE", [62] = "ETIME", [63] = "ENOSR", [70] = "ECOMM",
        [71] = "EPROTO", [75] = "EOVERFLOW", [84] = "EILSEQ", [90] = "EMSGSIZE", [104] = "ECONNRESET",
        [108] = "ESHUTDOWN", [110] = "ETIMEDOUT", [113] = "EHOSTUNREACH", [115] = "EINPROGRESS", [121] = "EREMOTEIO",
    };

    /// <summary><c>0</c>, <c>-EPROTO</c>, or the number for an errno without a name here.</summary>
    public static string Name(int status) =>
        status < 0 && Names.TryGetValue(-status, out var name) ? "-" + name : status.ToString(CultureInfo.InvariantCulture);
}
