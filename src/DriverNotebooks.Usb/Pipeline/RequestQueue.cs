namespace DriverNotebooks.Usb;

/// <summary>Who keeps the N requests in flight, and therefore which rules apply to N and L.</summary>
public enum RequestQueue
{
    /// <summary>KMDF continuous reader (WdfUsbTargetPipeConfigContinuousReader): bulk or interrupt IN only;
    /// NumPendingReads 0 → 2, capped at 10; TransferLength a non-zero multiple of the max packet size. [S12]</summary>
    KmdfContinuousReader,

    /// <summary>Any driver or library that keeps N requests queued (WDM URBs, WinUSB, libusb): N ≥ 1, L ≥ 1.</summary>
    Generic,
}
