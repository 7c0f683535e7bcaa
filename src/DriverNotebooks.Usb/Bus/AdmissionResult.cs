namespace DriverNotebooks.Usb;

/// <summary>One endpoint's place in a periodic schedule, or how far it is from fitting.</summary>
/// <param name="Position">1-based position in the list checked (endpoints are admitted in order, as a host configures them).</param>
/// <param name="Endpoint">The endpoint.</param>
/// <param name="CostNanoseconds">Bus time it needs in every (micro)frame it is scheduled in (all its transactions).</param>
/// <param name="PeriodNativeIntervals">Scheduling period in (micro)frames (a power of two; see <paramref name="PeriodRoundedDown"/>).</param>
/// <param name="PeriodRoundedDown">True when the decoded period was not a power of two and was rounded down to schedule it.</param>
/// <param name="Fits">Whether it was admitted.</param>
/// <param name="Phase">The (micro)frame offset it was placed at, or the best offset tried.</param>
/// <param name="PeakLoadNanoseconds">Periodic load of the busiest (micro)frame it occupies, including itself.</param>
/// <param name="OverByNanoseconds">How far that peak is above the budget (0 when it fits).</param>
/// <param name="OverByBytes">The same at this speed's byte time, rounded up.</param>
/// <param name="OverByPercentOfFrame">The same as a percentage of a whole (micro)frame.</param>
public sealed record AdmissionEntry(
    int Position,
    EndpointDescriptor Endpoint,
    long CostNanoseconds,
    int PeriodNativeIntervals,
    bool PeriodRoundedDown,
    bool Fits,
    int Phase,
    long PeakLoadNanoseconds,
    long OverByNanoseconds,
    long OverByBytes,
    double OverByPercentOfFrame);

/// <summary>Result of <see cref="PeriodicAdmission.Check(UsbSpeed, IEnumerable{EndpointDescriptor}, AnalysisOptions?, BusTimeModel)"/>.</summary>
/// <param name="Speed">Bus speed checked.</param>
/// <param name="FrameNanoseconds">One (micro)frame.</param>
/// <param name="PeriodicPercent">Share reserved for periodic traffic (80 HS, 90 FS/LS, 90 SS).</param>
/// <param name="BudgetNanoseconds">Periodic budget per (micro)frame.</param>
/// <param name="Model">Bus-time formula charged.</param>
/// <param name="Entries">One entry per endpoint, in order.</param>
/// <param name="Summary">One or two sentences: all fit, or which do not and by how much.</param>
public sealed record AdmissionResult(
    UsbSpeed Speed,
    long FrameNanoseconds,
    int PeriodicPercent,
    long BudgetNanoseconds,
    BusTimeModel Model,
    IReadOnlyList<AdmissionEntry> Entries,
    string Summary)
{
    /// <summary>True when every endpoint was admitted.</summary>
    public bool AllFit => Entries.All(e => e.Fits);
}
