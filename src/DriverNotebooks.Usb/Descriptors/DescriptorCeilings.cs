namespace DriverNotebooks.Usb;

/// <summary>
/// Computes the bus ceiling of every endpoint of a dump with the existing bus model (<see cref="EndpointValidator"/>,
/// <see cref="BusLimit.Compute"/>), and the bandwidth each alternate setting reserves.
/// </summary>
public static class DescriptorCeilings
{
    /// <summary>Ceilings and reservations under <paramref name="options"/> (the spec policy by default).</summary>
    public static DescriptorReport Analyze(DescriptorDump dump, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(dump);
        options ??= AnalysisOptions.Default;
        var ceilings = new List<EndpointCeiling>();
        foreach (var device in dump.Devices)
        {
            foreach (var (configuration, setting, endpoint) in device.Endpoints)
                ceilings.Add(Ceiling(device, configuration.Value, setting, endpoint, options));
        }

        var reservations = new List<AlternateSettingReservation>();
        foreach (var device in dump.Devices)
        {
            foreach (var configuration in device.Configurations)
            {
                var multiple = configuration.Interfaces.GroupBy(i => i.Number).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet();
                foreach (var setting in configuration.Interfaces.Where(i => multiple.Contains(i.Number)))
                {
                    var periodic = ceilings.Where(c => c.Device == device && c.Configuration == configuration.Value && ReferenceEquals(c.Interface, setting)
                                                       && EndpointRules.IsPeriodic(c.Endpoint.Type)).ToList();
                    reservations.Add(new AlternateSettingReservation(device, configuration.Value, setting.Number, setting.AlternateSetting, periodic.Count,
                        periodic.Where(c => c.Limit is not null).Sum(c => c.Limit!.BytesPerSecond), periodic.Count(c => c.Problem is not null)));
                }
            }
        }
        return new DescriptorReport(dump, options, ceilings, reservations);
    }

    /// <summary>The ceiling of one endpoint of <paramref name="device"/>; an endpoint with max packet 0 gets neither a ceiling nor a problem.</summary>
    public static EndpointCeiling Ceiling(DumpedDevice device, int configuration, DumpedInterface setting, DumpedEndpoint endpoint, AnalysisOptions options)
    {
        // A zero max packet reserves nothing: what the default setting of an isochronous interface must do (USB 2.0 §5.6.3).
        if (endpoint.MaxPacketSize == 0) return new EndpointCeiling(device, configuration, setting, endpoint, null, null, null);
        try
        {
            var validated = EndpointValidator.Validate(endpoint.ToDescriptor(device.Speed.Speed), null, options).Endpoint;
            return new EndpointCeiling(device, configuration, setting, endpoint, validated, BusLimit.Compute(validated, options), null);
        }
        catch (UsbInputException e)
        {
            return new EndpointCeiling(device, configuration, setting, endpoint, null, null, e.Message);
        }
    }
}
