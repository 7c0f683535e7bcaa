using System.Diagnostics;

namespace DriverNotebooks.Bench;

/// <summary>Repeats an action and reports the median and the best wall-clock time.</summary>
public static class Measure
{
    public sealed record Timing(string Name, int Runs, TimeSpan Median, TimeSpan Best)
    {
        public override string ToString() =>
            $"{Name}: median {Median.TotalMilliseconds:F2} ms, best {Best.TotalMilliseconds:F2} ms over {Runs} runs";
    }

    public static Timing Repeat(string name, int warmups, int runs, Action action)
    {
        for (var i = 0; i < warmups; i++) action();
        var samples = new double[runs];
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            action();
            samples[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }
        return new Timing(name, runs, TimeSpan.FromMilliseconds(Median(samples)), TimeSpan.FromMilliseconds(samples.Min()));
    }

    /// <summary>The middle sample (the mean of the two middle ones for an even count).</summary>
    public static double Median(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        var n = sorted.Length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
