namespace DriverNotebooks.Usb;

/// <summary>What a simulation's ceiling (<see cref="SimulationResult.BusLimitBytesPerSecond"/>) is, so a report can name it.</summary>
public enum SimulationCeiling
{
    /// <summary>Periodic: the bandwidth the endpoint's descriptor reserves, served once per service interval.</summary>
    DescriptorReservation,

    /// <summary>Bulk: the spec's bus budget, served in packet slots.</summary>
    BusBudget,

    /// <summary>Bulk: the host's rate (measured hosts or a given rate), served in packet slots.</summary>
    HostRate,
}
