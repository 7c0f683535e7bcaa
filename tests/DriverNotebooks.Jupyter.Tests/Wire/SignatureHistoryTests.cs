using System.Text;

namespace DriverNotebooks.Jupyter.Tests.Wire;

public sealed class SignatureHistoryTests
{
    private static byte[] Signature(int n) => Encoding.ASCII.GetBytes(n.ToString("x64"));

    [Fact]
    public void A_signature_is_accepted_once_in_either_case_and_an_empty_one_always()
    {
        // Given
        var history = new SignatureHistory();

        // Then
        Assert.True(history.TryAdd(Signature(0xabc)));
        Assert.False(history.TryAdd(Signature(0xabc)));
        Assert.False(history.TryAdd(Encoding.ASCII.GetBytes(0xabc.ToString("X64"))));
        Assert.True(history.TryAdd([]));
        Assert.True(history.TryAdd([]));
    }

    [Fact]
    public void The_history_is_bounded_the_oldest_signature_is_forgotten_first()
    {
        // Given: a full history of 3
        var history = new SignatureHistory(capacity: 3);
        foreach (var n in new[] { 1, 2, 3 }) Assert.True(history.TryAdd(Signature(n)));

        // When: a fourth arrives
        Assert.True(history.TryAdd(Signature(4)));

        // Then: the first is forgotten, the three latest are still refused
        Assert.False(history.TryAdd(Signature(2)));
        Assert.False(history.TryAdd(Signature(3)));
        Assert.False(history.TryAdd(Signature(4)));
        Assert.True(history.TryAdd(Signature(1)));
    }
}
