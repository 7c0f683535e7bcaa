namespace DriverNotebooks.Usb;

/// <summary>
/// The ceiling a prediction uses for one endpoint: the bus limit, or for bulk and control the host's rate when one is
/// asked for (<c>--bulk-rate measured</c> or a given rate). One place for the rule: the analysis and the simulation
/// both read it.
/// </summary>
/// <param name="BytesPerSecond">The ceiling B.</param>
/// <param name="HostRateGiven">True when B is the host's rate rather than the bus limit.</param>
/// <param name="HostRateLabel">With the measured hosts' rate: the phrase that names it and its sources.</param>
/// <param name="Expectation">What measured hosts give a bulk endpoint (null where the rule does not apply).</param>
internal sealed record EffectiveCeiling(double BytesPerSecond, bool HostRateGiven, string? HostRateLabel, HostRateExpectation? Expectation)
{
    /// <summary>Resolves the ceiling for <paramref name="e"/> under <paramref name="options"/>; notes go to <paramref name="warnings"/>.</summary>
    /// <exception cref="UsbInputException">A given bulk rate that is not positive or exceeds the bus limit.</exception>
    internal static EffectiveCeiling Resolve(ValidatedEndpoint e, BusLimit bus, AnalysisOptions options, ValidatedPipeline? pipeline, List<string> warnings)
    {
        var expectation = HostRateExpectation.For(e, bus.BytesPerSecond, pipeline);
        if (options.BulkRateBytesPerSecond is null && options.BulkCeiling == BulkCeiling.MeasuredHosts)
        {
            if (expectation is not null)
            {
                var ceiling = expectation.CeilingBytesPerSecond;
                return new EffectiveCeiling(ceiling, true,
                    $"the rate {HostRateExpectation.Label} reach ({Quantities.FormatRate(ceiling)}, the low end of {expectation.Published.Range} {expectation.Published.Keys}; the spec allows {Quantities.FormatRate(bus.BytesPerSecond)})",
                    expectation);
            }
            warnings.Add(e.IsPeriodic
                ? $"the measured host bulk rate applies to bulk endpoints; ignored for {UsbNames.Describe(e.Type)}"
                : $"no published host rate is kept for a {UsbNames.Describe(e.Speed)} {UsbNames.Describe(e.Type)} {(e.Direction == TransferDirection.In ? "IN" : "OUT")} endpoint; the spec's ceiling is used");
            return new EffectiveCeiling(bus.BytesPerSecond, false, null, expectation);
        }
        if (options.BulkRateBytesPerSecond is { } rate)
        {
            if (double.IsNaN(rate) || rate <= 0 || double.IsInfinity(rate))
                throw UsbInputException.NotAllowed(UsbInputField.BulkRate, "bulk rate", Quantities.FormatRate(rate), "", "a positive rate, e.g. 40MB/s");
            if (e.IsPeriodic)
            {
                warnings.Add($"the effective bulk rate ({Quantities.FormatRate(rate)}) applies to bulk and control endpoints; ignored for {UsbNames.Describe(e.Type)}");
                return new EffectiveCeiling(bus.BytesPerSecond, false, null, expectation);
            }
            if (rate > bus.BytesPerSecond * (1 + 1e-12))
                throw UsbInputException.NotAllowed(UsbInputField.BulkRate, "bulk rate", Quantities.FormatRate(rate),
                    $"for this {UsbNames.Describe(e.Speed)} {UsbNames.Describe(e.Type)} endpoint",
                    $"up to the bus limit of {Quantities.FormatRate(bus.BytesPerSecond)}");
            return new EffectiveCeiling(rate, true, null, expectation);
        }
        return new EffectiveCeiling(bus.BytesPerSecond, false, null, expectation);
    }
}
