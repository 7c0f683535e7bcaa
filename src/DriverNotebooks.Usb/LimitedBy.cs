namespace DriverNotebooks.Usb;

/// <summary>Which of the two limits binds the throughput.</summary>
public enum LimitedBy
{
    /// <summary>The bus (or the given effective host bulk rate): the descriptor's ceiling.</summary>
    Bus,

    /// <summary>The request pipeline, the driver's side: too few requests in flight for their turnaround, or requests shorter than a service interval carries (the verdict says which).</summary>
    Pipeline,
}
