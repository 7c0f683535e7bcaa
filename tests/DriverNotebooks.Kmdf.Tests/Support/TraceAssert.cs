using DriverNotebooks.Kmdf;

namespace DriverNotebooks.Kmdf.Tests;

/// <summary>Assertions over traces.</summary>
internal static class TraceAssert
{
    /// <summary>Asserts <paramref name="expected"/> appear in <paramref name="labels"/> in this order (other labels may sit between).</summary>
    public static void InOrder(IReadOnlyList<string> labels, params string[] expected)
    {
        var position = -1;
        foreach (var label in expected)
        {
            var next = -1;
            for (var i = position + 1; i < labels.Count; i++)
            {
                if (labels[i] == label) { next = i; break; }
            }
            Assert.True(next >= 0, $"expected '{label}' after position {position} in: {string.Join(", ", labels)}");
            position = next;
        }
    }

    /// <summary>The index of the first event with this label; fails if there is none.</summary>
    public static int IndexOf(this RunResult result, string label)
    {
        var index = result.Labels.ToList().IndexOf(label);
        Assert.True(index >= 0, $"no '{label}' in: {string.Join(", ", result.Labels)}");
        return index;
    }

    public static TraceEvent Event(this RunResult result, string label) => result.Trace.First(e => e.Label == label);

    public static int Count(this RunResult result, string label) => result.Labels.Count(l => l == label);
}
