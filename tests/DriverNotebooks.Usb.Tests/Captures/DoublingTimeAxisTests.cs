using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>The time axis of every series over a capture: 1 ms bins, doubling whenever 512 no longer cover the capture.</summary>
public sealed class DoublingTimeAxisTests
{
    [Fact]
    public void Two_seconds_of_events_end_in_4_ms_bins_with_every_event_still_counted()
    {
        var counts = new long[DoublingTimeAxis.Bins];
        var most = new int[DoublingTimeAxis.Bins];
        var axis = new DoublingTimeAxis(() =>
        {
            DoublingTimeAxis.FoldSum(counts);
            DoublingTimeAxis.FoldMax(most);
        });

        for (var ms = 0; ms < 2000; ms++)
        {
            var i = axis.Bin(ms * 1_000_000L);
            counts[i]++;
            most[i] = Math.Max(most[i], ms);
        }

        // 512 bins of 1 ms cover 0.512 s, of 2 ms 1.024 s, of 4 ms 2.048 s.
        Assert.Equal(4_000_000, axis.WidthNs);
        Assert.Equal(500, axis.Used);
        Assert.Equal(2000, counts.Sum());
        Assert.All(counts.Take(500), c => Assert.Equal(4, c));
        Assert.Equal(3, most[0]);
        Assert.Equal(1999, most[499]);
    }
}
