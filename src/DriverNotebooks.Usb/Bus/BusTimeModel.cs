namespace DriverNotebooks.Usb;

/// <summary>Which bus-time formula an admission check charges per transaction.</summary>
public enum BusTimeModel
{
    /// <summary>Linux <c>usb_calc_bus_time</c> (integer, worst-case bit stuffing), as a Linux host schedules.</summary>
    Linux,

    /// <summary>The spec's §5.11.3 formula with the <see cref="AnalysisOptions.Stuffing"/> assumption
    /// (with <see cref="BitStuffing.None"/> it reproduces the chapter 5 tables' byte counts).</summary>
    Spec,
}
