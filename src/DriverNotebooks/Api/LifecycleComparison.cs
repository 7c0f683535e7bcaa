using DriverNotebooks.Kmdf;

namespace DriverNotebooks;

/// <summary>
/// Several KMDF runs side by side: which driver callbacks ran in each, in order, and what each leaked.
/// Made by <c>Lifecycle.Compare</c>. Displayed as one table, then each run's trace chart unless
/// <see cref="WithoutTraces"/> leaves them out (when the cells above already showed those runs).
/// </summary>
public sealed record LifecycleComparison(IReadOnlyList<LifecycleReport> Runs)
{
    /// <summary>Whether the display adds each run's trace chart under the table.</summary>
    public bool ShowsTraces { get; init; } = true;

    /// <summary>The same comparison, displayed as its table only.</summary>
    public LifecycleComparison WithoutTraces() => this with { ShowsTraces = false };

    /// <summary>
    /// Every callback into the driver that ran in at least one run, in the order it first ran (runs read
    /// left to right), with whether it ran in each run.
    /// </summary>
    public IReadOnlyList<(string Callback, IReadOnlyList<bool> RanIn)> Callbacks
    {
        get
        {
            var order = new List<string>();
            foreach (var run in Runs)
            {
                var position = 0;
                foreach (var label in run.Run.CallbackLabels.Distinct())
                {
                    var at = order.IndexOf(label);
                    if (at < 0) order.Insert(position++, label);
                    else position = at + 1;
                }
            }
            return order.Select(label => (label, (IReadOnlyList<bool>)Runs.Select(r => r.Run.CallbackLabels.Contains(label)).ToArray())).ToList();
        }
    }
}
