namespace DriverNotebooks.Usb;

/// <summary>Which of the two limits binds the throughput.</summary>
public enum LimitedBy
{
    /// <summary>The bus (or the given effective host bulk rate): the descriptor's ceiling.</summary>
    Bus,

    /// <summary>The request pipeline: too few requests in flight for their turnaround.</summary>
    Pipeline,
}
