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
        Array.Sort(samples);
        var median = runs % 2 == 1 ? samples[runs / 2] : (samples[runs / 2 - 1] + samples[runs / 2]) / 2;
        return new Timing(name, runs, TimeSpan.FromMilliseconds(median), TimeSpan.FromMilliseconds(samples[0]));
    }
}
