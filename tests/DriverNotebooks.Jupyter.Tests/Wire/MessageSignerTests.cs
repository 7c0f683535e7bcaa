using System.Text;

namespace DriverNotebooks.Jupyter.Tests.Wire;

public sealed class MessageSignerTests
{
    private const string Key = "a0436f6c-1916-498b-8eb9-e81ab9368e84";
    private static readonly byte[] Header = """{"msg_id":"1"}"""u8.ToArray();
    private static readonly byte[] Parent = "{}"u8.ToArray();
    private static readonly byte[] Metadata = "{}"u8.ToArray();
    private static readonly byte[] Content = """{"code":"1+1"}"""u8.ToArray();

    /// <summary>Computed by jupyter_client 7.4.9's <c>Session(key=…).sign(parts)</c>.</summary>
    private const string JupyterClientSignature = "571f54ca20ac469366661f0eb466e6d650eee65ae12436bc786b76a5eb890b86";

    [Fact]
    public void The_signature_is_the_one_jupyter_client_computes()
    {
        // When
        var signature = new MessageSigner(Key).Sign(Header, Parent, Metadata, Content);

        // Then
        Assert.Equal(JupyterClientSignature, signature);
    }

    [Fact]
    public void Verification_accepts_the_right_signature_in_either_case_and_rejects_any_change()
    {
        // Given
        var signer = new MessageSigner(Key);
        var right = Encoding.ASCII.GetBytes(JupyterClientSignature);

        // Then
        Assert.True(signer.Verify(right, Header, Parent, Metadata, Content));
        Assert.True(signer.Verify(Encoding.ASCII.GetBytes(JupyterClientSignature.ToUpperInvariant()), Header, Parent, Metadata, Content));
        Assert.False(signer.Verify(right, Header, Parent, Metadata, """{"code":"1+2"}"""u8));
        Assert.False(signer.Verify(right, Parent, Header, Metadata, Content));
        Assert.False(new MessageSigner("another key").Verify(right, Header, Parent, Metadata, Content));
        Assert.False(signer.Verify(right.AsSpan(0, 63), Header, Parent, Metadata, Content));
        Assert.False(signer.Verify("zz"u8.ToArray().Concat(right.Skip(2)).ToArray(), Header, Parent, Metadata, Content));
    }

    [Fact]
    public void With_an_empty_key_messages_are_neither_signed_nor_checked()
    {
        // Given
        var signer = new MessageSigner("");

        // Then
        Assert.False(signer.IsEnabled);
        Assert.Equal("", signer.Sign(Header, Parent, Metadata, Content));
        Assert.True(signer.Verify(""u8, Header, Parent, Metadata, Content));
    }
}
