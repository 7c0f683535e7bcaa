namespace DriverNotebooks.Usb;

/// <summary>
/// A device that produces data at a steady rate into a FIFO and sends only whole max-size packets: with less than one
/// packet buffered it NAKs. Data produced while the FIFO is full is dropped.
/// </summary>
/// <param name="RateBytesPerSecond">Production rate, B/s.</param>
/// <param name="FifoDepthBytes">FIFO capacity in bytes; at least one max-size packet.</param>
public sealed record DeviceSource(double RateBytesPerSecond, long FifoDepthBytes);
