namespace DriverNotebooks.Usb.Captures;

/// <summary>
/// The verdict of every endpoint in a capture (<see cref="EndpointVerdict"/>), each from the same rules as the charted
/// endpoint's (<see cref="CaptureVerdict.Decide"/>) at <see cref="VerdictDetail.Analytic"/>: the measurements and the
/// analytic model, no simulation and no what-if levers, so a capture with dozens of endpoints costs microseconds each.
/// </summary>
public static class EndpointVerdicts
{
    /// <summary>
    /// One verdict per endpoint of <paramref name="report"/>, in its order. Endpoints with fewer than
    /// <see cref="CaptureVerdict.MinTransfers"/> transfers say so without looking up a descriptor. Descriptors come from
    /// <paramref name="dump"/> for the devices it describes (those it names by bus:address; when it names none, the device
    /// of <paramref name="decided"/>, else of the busiest endpoint) and from the capture's own GET_DESCRIPTOR responses for
    /// the others. An endpoint whose descriptor is missing, ambiguous or rejected by the model gets no verdict and says why;
    /// nothing here throws for one endpoint's sake. <paramref name="decided"/>, a verdict already decided in full for one
    /// endpoint (the charted one), is kept as it is.
    /// </summary>
    public static IReadOnlyList<EndpointVerdict> Decide(CaptureReport report, DescriptorDump? dump = null, UsbSpeed? speed = null,
        AnalysisOptions? options = null, EndpointVerdict? decided = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var dumpDevice = decided?.Endpoint ?? (report.Endpoints.Count == 1 ? report.Endpoints[0] : report.Busiest);
        var verdicts = new List<EndpointVerdict>(report.Endpoints.Count);
        foreach (var m in report.Endpoints)
        {
            if (decided is not null && SameEndpoint(decided.Endpoint, m))
            {
                verdicts.Add(decided);
                continue;
            }
            verdicts.Add(Decide(report, m, Describes(dump, m, dumpDevice) ? dump : null, speed, options));
        }
        return verdicts;
    }

    /// <summary>The verdict of <paramref name="m"/> at <see cref="VerdictDetail.Analytic"/>, its descriptor from
    /// <paramref name="dump"/> when given, else from the capture's own responses.</summary>
    public static EndpointVerdict Decide(CaptureReport report, EndpointMeasurement m, DescriptorDump? dump, UsbSpeed? speed = null, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(m);
        if (m.Transfers < CaptureVerdict.MinTransfers) return EndpointVerdict.From(m, null, null);
        EndpointSource source;
        try
        {
            source = CaptureDescriptors.EndpointFor(report, m, dump, speed);
        }
        catch (DescriptorDumpException e)
        {
            return EndpointVerdict.From(m, new EndpointSource(null, dump?.Source ?? "", e.Message), null);
        }
        catch (UsbInputException e)
        {
            return EndpointVerdict.From(m, new EndpointSource(null, "", $"the descriptor of {m.EndpointName} cannot be modelled: {e.Message}"), null);
        }
        if (source.Descriptor is not { } descriptor) return EndpointVerdict.From(m, source, null);
        try
        {
            return EndpointVerdict.From(m, source, CaptureVerdict.Decide(m, descriptor, options, detail: VerdictDetail.Analytic));
        }
        catch (UsbInputException e)
        {
            return EndpointVerdict.From(m, source with { Missing = $"the model rejects the endpoint's descriptor: {e.Message}" }, null);
        }
    }

    /// <summary>Whether <paramref name="dump"/> describes <paramref name="m"/>'s device: it names that bus:address, or it names
    /// no device by bus:address and <paramref name="m"/> is on the device of <paramref name="dumpDevice"/>.</summary>
    private static bool Describes(DescriptorDump? dump, EndpointMeasurement m, EndpointMeasurement? dumpDevice)
    {
        if (dump is null) return false;
        if (dump.Devices.Any(d => d.Bus is not null && d.Address is not null))
            return dump.Devices.Any(d => d.Bus == m.Bus && d.Address == m.Device);
        return dumpDevice is not null && dumpDevice.Bus == m.Bus && dumpDevice.Device == m.Device;
    }

    private static bool SameEndpoint(EndpointMeasurement a, EndpointMeasurement b) =>
        a.Bus == b.Bus && a.Device == b.Device && a.EndpointAddress == b.EndpointAddress;
}
