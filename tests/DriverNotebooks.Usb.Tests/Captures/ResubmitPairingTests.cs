using DriverNotebooks.Usb.Captures;

namespace DriverNotebooks.Usb.Tests.Captures;

/// <summary>The driver's turnaround pairs each resubmit with the completion it follows.</summary>
public sealed class ResubmitPairingTests
{
    [Fact]
    public void A_request_resubmitted_under_its_own_id_is_paired_with_its_own_completion_not_the_oldest()
    {
        var pairing = new ResubmitPairing(capacity: 16);
        pairing.Completed(id: 0xA, at: 100);
        pairing.Completed(id: 0xB, at: 200);

        Assert.True(pairing.Resubmitted(0xB, out var b));
        Assert.True(pairing.Resubmitted(0xA, out var a));

        Assert.Equal(200, b);
        Assert.Equal(100, a);
    }

    [Fact]
    public void A_submit_under_a_new_id_takes_the_oldest_completion_still_waiting()
    {
        var pairing = new ResubmitPairing(capacity: 16);
        pairing.Completed(id: 0xA, at: 100);
        pairing.Completed(id: 0xB, at: 200);
        pairing.Completed(id: 0xC, at: 300);

        Assert.True(pairing.Resubmitted(0xB, out _));
        Assert.True(pairing.Resubmitted(0x1, out var first));
        Assert.True(pairing.Resubmitted(0x2, out var second));

        Assert.Equal(100, first);
        Assert.Equal(300, second);
        Assert.False(pairing.Resubmitted(0x3, out _));
    }

    [Fact]
    public void A_million_reused_requests_behind_one_that_never_returns_keep_the_queue_bounded()
    {
        var pairing = new ResubmitPairing(capacity: 4096);
        pairing.Completed(id: 0xDEAD, at: 0);
        for (var i = 1; i <= 1_000_000; i++)
        {
            var id = (ulong)(i % 4);
            pairing.Completed(id, at: i * 10);
            Assert.True(pairing.Resubmitted(id, out var at));
            Assert.Equal(i * 10, at);
        }

        Assert.InRange(pairing.Queued, 1, 2 * 2 + 64);
    }
}
