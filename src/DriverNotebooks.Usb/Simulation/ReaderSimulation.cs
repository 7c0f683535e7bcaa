namespace DriverNotebooks.Usb;

/// <summary>
/// Simulates a reader keeping N requests in flight on a periodic endpoint, at service-interval resolution
/// (see <see cref="ReaderSimulator"/> for the model). Same settings and seed, same result.
/// </summary>
public static class ReaderSimulation
{
    /// <summary>Runs <paramref name="settings"/> on a fresh <see cref="ReaderSimulator"/>.</summary>
    /// <exception cref="UsbInputException">Settings the model rejects (bulk/control endpoints, lengths that are not whole
    /// packets, a FIFO smaller than a packet…).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (checked every few milliseconds of work).</exception>
    public static SimulationResult Run(SimulationSettings settings, CancellationToken cancellationToken = default) =>
        new ReaderSimulator().Run(settings, cancellationToken);
}
