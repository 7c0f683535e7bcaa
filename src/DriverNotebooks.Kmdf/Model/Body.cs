namespace DriverNotebooks.Kmdf;

/// <summary>A block of driver code: the steps of one routine, callback or failure path, in order.</summary>
/// <param name="Path">Where it is in the scenario, as a JSON path (e.g. <c>$.driverEntry[0].evtCleanupCallback</c>).</param>
/// <param name="Steps">The statements, in order.</param>
public sealed record Body(string Path, IReadOnlyList<Step> Steps)
{
    /// <summary>An empty body: a callback that is registered but does nothing.</summary>
    public static Body Empty(string path) => new(path, []);
}
