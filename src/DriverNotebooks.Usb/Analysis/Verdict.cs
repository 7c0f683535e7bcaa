namespace DriverNotebooks.Usb;

/// <summary>
/// One or two sentences naming the binding limit and the change that would lift it, plus that change as data.
/// </summary>
/// <param name="Text">The sentences.</param>
/// <param name="Limit">The binding limit; null when no pipeline was described.</param>
/// <param name="Remedies">The suggested changes, most effective first.</param>
public sealed record Verdict(string Text, LimitedBy? Limit, IReadOnlyList<Remedy> Remedies)
{
    /// <summary>The sentences.</summary>
    public override string ToString() => Text;

    internal static Verdict For(ValidatedEndpoint endpoint, BusLimit bus, double ceiling, ValidatedPipeline? pipeline,
        PipelineLimit? pipe, LimitedBy? limit, bool hostRateGiven, IReadOnlyList<BusAlternative> alternatives)
    {
        var lift = alternatives.Count == 0 ? "nothing on the device side lifts it" : "to go faster use " + Join(alternatives.Select(a => a.Suggestion).ToList());
        var busRemedies = alternatives.Select(a => a.Remedy).ToList();
        var ceilingText = Quantities.FormatRate(ceiling);
        var source = hostRateGiven
            ? $"the effective host bulk rate you gave ({ceilingText})"
            : endpoint.IsPeriodic
                ? $"the descriptor ({Quantities.FormatBytes(bus.BytesPerInterval)} every {bus.ServicePeriod})"
                : $"the bus ({bus.TransactionsPerInterval} × {endpoint.MaxPacketSize} B per {UsbNames.IntervalName(endpoint.Speed)})";

        if (pipeline is null || pipe is null || limit is null)
            return new Verdict($"The bus allows {ceilingText}, set by {source}; {lift}.", null, busRemedies);

        var n = pipeline.EffectivePendingReads;
        var l = Quantities.FormatBytes(pipeline.TransferLength);
        var t = pipeline.Turnaround;
        if (limit == LimitedBy.Bus)
        {
            return new Verdict(
                $"Bus-limited at {ceilingText}: {n} pending read{S(n)} of {l} cover a turnaround of up to {pipe.TurnaroundBudget} " +
                $"(here {t}), so the driver keeps the endpoint busy and is not the bottleneck. The ceiling is {source}; {lift}.",
                LimitedBy.Bus, busRemedies);
        }

        var remedies = new List<Remedy>();
        var options = new List<string>();
        var kmdfCapped = pipeline.Settings.Queue == RequestQueue.KmdfContinuousReader && !pipeline.Settings.AllowPendingReadsBeyondFrameworkMax;
        var x = Quantities.FormatRate(pipe.BytesPerSecond);
        string why;
        if (pipe.RequestSizeLimited)
        {
            var bpi = endpoint.BytesPerInterval;
            var lastFill = pipeline.TransferLength - (long)(pipe.IntervalsPerRequest!.Value - 1) * bpi;
            why = $"the host serves one request per service interval, and a {l} read fills only {Quantities.FormatBytes(lastFill)} " +
                  $"of the {Quantities.FormatBytes(bpi)} its last interval could carry";
            remedies.Add(Remedy.LongerTransfers);
            options.Add($"transfers of {Quantities.FormatBytes(bpi)} or a multiple");
        }
        else
        {
            if (pipe.Form == PipelineForm.Periodic)
            {
                var s = pipe.LostIntervalsPerRequest!.Value;
                var k = pipe.IntervalsPerRequest!.Value;
                var sText = s == Math.Floor(s) ? $"{s:0}" : $"about {s:0.##}";
                why = $"each read's {t} turnaround loses {sText} service interval{(s == 1 ? "" : "s")}, so {n} read{S(n)} of {l} " +
                      $"keep{(n == 1 ? "s" : "")} the endpoint busy only {(long)n * k} of every {Fmt(k + s)} intervals";
            }
            else
            {
                var service = Duration.FromSeconds(pipeline.TransferLength / ceiling);
                why = $"each {l} read spends {service} on the bus and {t} turning around, which {n} read{S(n)} cannot cover";
            }
            var needN = pipe.PendingReadsForCeiling;
            var nText = kmdfCapped && needN > ContinuousReader.NumPendingReadsMax
                ? $"{needN} pending reads (above the framework's cap of {ContinuousReader.NumPendingReadsMax}: a what-if only)"
                : $"{needN} pending reads";
            var lengthOption = pipe.TransferLengthForCeiling is { } needL ? $"transfers of {Quantities.FormatBytes(needL)}" : null;
            if (kmdfCapped && needN > ContinuousReader.NumPendingReadsMax && lengthOption is not null)
            {
                remedies.Add(Remedy.LongerTransfers); options.Add(lengthOption);
                remedies.Add(Remedy.MorePendingReads); options.Add(nText);
            }
            else
            {
                remedies.Add(Remedy.MorePendingReads); options.Add(nText);
                if (lengthOption is not null) { remedies.Add(Remedy.LongerTransfers); options.Add(lengthOption); }
            }
            remedies.Add(Remedy.FasterCompletionPath);
            options.Add(pipe.TurnaroundBudget.Picoseconds > 0
                ? $"a faster completion path (turnaround under {pipe.TurnaroundBudget})"
                : "a faster completion path");
        }
        return new Verdict(
            $"Pipeline-limited at {x} while the bus allows {ceilingText}: {why}. To lift it use {Join(options)}.",
            LimitedBy.Pipeline, remedies);
    }

    private static string S(long n) => n == 1 ? "" : "s";

    private static string Fmt(double v) => v == Math.Floor(v) ? v.ToString("0") : v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    private static string Join(IReadOnlyList<string> parts) => parts.Count switch
    {
        0 => "",
        1 => parts[0],
        2 => parts[0] + " or " + parts[1],
        _ => string.Join(", ", parts.Take(parts.Count - 1)) + " or " + parts[^1],
    };
}
