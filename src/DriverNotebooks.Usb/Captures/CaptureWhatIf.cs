namespace DriverNotebooks.Usb.Captures;

/// <summary>One lever and what the model predicts with it, the measured turnaround unchanged.</summary>
/// <param name="Lever">What changes, in words: <c>4 requests in flight</c>, <c>transfers of 8,192 B</c>.</param>
/// <param name="PendingReads">N with the lever.</param>
/// <param name="TransferLength">L with the lever.</param>
/// <param name="PredictedBytesPerSecond">The analytic prediction min(ceiling, pipeline).</param>
/// <param name="LimitedBy">Which binds with the lever.</param>
public sealed record CaptureWhatIf(string Lever, int PendingReads, long TransferLength, double PredictedBytesPerSecond, LimitedBy LimitedBy);
