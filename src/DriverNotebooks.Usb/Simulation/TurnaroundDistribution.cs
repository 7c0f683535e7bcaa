using System.Globalization;

namespace DriverNotebooks.Usb;

/// <summary>
/// How long a request takes to come back after it completes (domain file §4.2: interrupt moderation, DPC, client
/// callback, resubmit, host-controller look-ahead). Every distribution is sampled through its <see cref="QuantileTable"/>.
/// </summary>
public abstract class TurnaroundDistribution
{
    private QuantileTable? _table;

    private protected TurnaroundDistribution() { }

    /// <summary>The exact quantile function, seconds, for u in (0, 1).</summary>
    public abstract double QuantileSeconds(double u);

    /// <summary>Mean of the distribution as sampled (the table's mean), seconds.</summary>
    public double MeanSeconds => Table.Mean;

    /// <summary>Median, rounded to the picosecond.</summary>
    public Duration Median => Duration.FromSeconds(QuantileSeconds(0.5));

    /// <summary>True when every draw is the same value.</summary>
    public virtual bool IsFixed => false;

    /// <summary>The quantile table samples are drawn from (built once, on first use).</summary>
    public QuantileTable Table => LazyInitializer.EnsureInitialized(ref _table, BuildTable);

    /// <summary>Short description, e.g. <c>lognormal p50 80 µs, p99 600 µs</c>.</summary>
    public abstract string Describe();

    /// <inheritdoc />
    public override string ToString() => Describe();

    /// <summary>Builds the sampling table; a fixed value overrides this with a constant table.</summary>
    private protected virtual QuantileTable BuildTable() => new(QuantileSeconds);

    /// <summary>Writes the table in units of <paramref name="period"/> into <paramref name="destination"/> (length 4097).</summary>
    internal virtual void FillScaled(double[] destination, Duration period)
    {
        var scale = Duration.PicosecondsPerSecond / (double)period.Picoseconds;
        var knots = Table.GetKnots();
        for (var i = 0; i < knots.Length; i++) destination[i] = knots[i] * scale;
    }

    /// <summary>Always <paramref name="value"/>.</summary>
    public static TurnaroundDistribution Fixed(Duration value) => new FixedTurnaround(value);

    /// <summary>Exponential with the given mean.</summary>
    public static TurnaroundDistribution Exponential(Duration mean) => new ExponentialTurnaround(mean);

    /// <summary>Lognormal with the given median and shape σ (standard deviation of the log).</summary>
    public static TurnaroundDistribution Lognormal(Duration median, double sigma) => new LognormalTurnaround(median, sigma);

    /// <summary>The lognormal whose 50th and 99th percentiles are <paramref name="p50"/> and <paramref name="p99"/>:
    /// σ = ln(p99/p50) / Φ⁻¹(0.99).</summary>
    public static TurnaroundDistribution LognormalFromPercentiles(Duration p50, Duration p99) =>
        FromPercentiles([(50, p50), (99, p99)]);

    /// <summary>A distribution through given percentiles; see <see cref="PercentileTurnaround"/> for the mapping.</summary>
    public static TurnaroundDistribution FromPercentiles(IEnumerable<(double Percentile, Duration Value)> points) =>
        new PercentileTurnaround(points);

    /// <summary>
    /// Parses <c>100us</c> or <c>fixed:100us</c>; <c>exp:80us</c> (mean); <c>lognormal:80us,0.8</c> (median, σ);
    /// <c>lognormal:p50=80us,p99=600us</c>; <c>p50=80us,p99=600us</c> (any two or more percentiles).
    /// </summary>
    /// <exception cref="UsbInputException">Field <c>turnaround</c>.</exception>
    public static TurnaroundDistribution Parse(string text, string field = UsbInputField.Turnaround)
    {
        const string allowed = "a duration (100us), fixed:100us, exp:80us, lognormal:80us,0.8 or percentiles such as p50=80us,p99=600us";
        var s = (text ?? "").Trim();
        UsbInputException Bad(string why) => new(field, text ?? "", allowed, $"{field} \"{text}\" cannot be read ({why}); allowed: {allowed}");
        try
        {
            var colon = s.IndexOf(':');
            var kind = colon >= 0 ? s[..colon].Trim().ToLowerInvariant() : "";
            var args = colon >= 0 ? s[(colon + 1)..].Trim() : s;
            if (kind.Length == 0 && args.StartsWith('p') && args.Contains('=')) kind = "percentiles";
            switch (kind)
            {
                case "" or "fixed":
                    return Fixed(Quantities.ParseDuration(args, field));
                case "exp" or "exponential":
                    return Exponential(Quantities.ParseDuration(args, field));
                case "lognormal" or "lognorm":
                    if (args.Contains('=') && args.TrimStart().StartsWith('p')) return FromPercentiles(ParsePercentiles(args, field, Bad));
                    var parts = args.Split(',', StringSplitOptions.TrimEntries);
                    if (parts.Length != 2) throw Bad("lognormal needs a median and a sigma, e.g. lognormal:80us,0.8");
                    var sigmaText = parts[1].StartsWith("sigma=", StringComparison.OrdinalIgnoreCase) ? parts[1][6..] : parts[1];
                    var medianText = parts[0].StartsWith("median=", StringComparison.OrdinalIgnoreCase) ? parts[0][7..] : parts[0];
                    if (!double.TryParse(sigmaText, NumberStyles.Float, CultureInfo.InvariantCulture, out var sigma))
                        throw Bad($"\"{parts[1]}\" is not a number");
                    return Lognormal(Quantities.ParseDuration(medianText, field), sigma);
                case "percentiles" or "pct":
                    return FromPercentiles(ParsePercentiles(args, field, Bad));
                default:
                    throw Bad($"unknown distribution \"{kind}\"");
            }
        }
        catch (ArgumentException ex) when (ex is not UsbInputException)
        {
            throw Bad(ex.Message.Split(" (Parameter")[0]);
        }
    }

    private static List<(double, Duration)> ParsePercentiles(string args, string field, Func<string, UsbInputException> bad)
    {
        var points = new List<(double, Duration)>();
        foreach (var item in args.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = item.IndexOf('=');
            if (eq < 2 || item[0] is not ('p' or 'P')) throw bad($"\"{item}\" is not of the form p50=80us");
            if (!double.TryParse(item[1..eq], NumberStyles.Float, CultureInfo.InvariantCulture, out var p))
                throw bad($"\"{item[1..eq]}\" is not a percentile");
            points.Add((p, Quantities.ParseDuration(item[(eq + 1)..], field)));
        }
        return points;
    }

    private protected static string Format(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
