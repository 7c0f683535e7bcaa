using System.Text.Json;
using System.Text.Json.Nodes;

namespace DriverNotebooks.Jupyter.Tests.Contracts;

/// <summary>
/// The kernel's <c>kernel_info_reply</c> content, as the server serializes it, is the approved text in
/// <c>Approved/kernel_info_reply.txt</c>, with the volatile parts (drivernb's and .NET's versions) replaced
/// by placeholders. Regenerate with <c>DRIVERNB_APPROVE=1</c>.
/// </summary>
public sealed class KernelInfoContractTests
{
    [Fact]
    public void The_kernel_info_reply_is_the_approved_one_apart_from_versions()
    {
        var reply = KernelDescription.KernelInfo("<version>");
        var json = JsonSerializer.Serialize(reply, JupyterJson.Context.KernelInfoReply);

        var text = JsonNode.Parse(json)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })
            .Replace($".NET {Environment.Version}", ".NET <dotnet>", StringComparison.Ordinal);
        Assert.DoesNotContain(Environment.Version.ToString(), text, StringComparison.Ordinal);
        ApprovedFile.Verify(text, "kernel_info_reply");
    }
}
