namespace DriverNotebooks.Usb.Captures;

/// <summary>What limited an endpoint in a capture, as <see cref="CaptureVerdict"/> decides it.</summary>
public enum MeasuredLimit
{
    /// <summary>Too few transfers, or measurements the rules cannot place: nothing is claimed.</summary>
    Undetermined,

    /// <summary>At the ceiling the descriptor reserves (periodic) or the bus or host rate allows (bulk).</summary>
    Bus,

    /// <summary>Too few requests in flight for their turnaround: the bus went unused between completions.</summary>
    Pipeline,

    /// <summary>Requests waited in flight while the bus had room: the device had no data.</summary>
    Device,

    /// <summary>One request at a time at a steady cadence: a polling loop, not a reader.</summary>
    Application,
}
