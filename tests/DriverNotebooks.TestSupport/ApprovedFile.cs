using System.Runtime.CompilerServices;
using Xunit;

namespace DriverNotebooks.TestSupport;

/// <summary>
/// The project's own approved-file check: a contract (help text, error lines, JSON shapes, public API)
/// is compared with <c>Approved/NAME.txt</c> beside the test's source file. On a difference the text
/// received is written to <c>Approved/NAME.received.txt</c> and the test fails with the first differing
/// line. With <c>DRIVERNB_APPROVE=1</c> the approved file is rewritten instead, and the test passes.
/// </summary>
public static class ApprovedFile
{
    /// <summary>The switch that accepts the texts received as the new approved files.</summary>
    public const string ApproveVariable = "DRIVERNB_APPROVE";

    public static bool Approving => Environment.GetEnvironmentVariable(ApproveVariable) == "1";

    /// <summary>Checks <paramref name="received"/> against the approved file <paramref name="name"/> (no extension).</summary>
    public static void Verify(string received, string name, [CallerFilePath] string callerFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(callerFile)!, "Approved");
        var approvedPath = Path.Combine(folder, name + ".txt");
        var receivedPath = Path.Combine(folder, name + ".received.txt");
        var text = received.ReplaceLineEndings("\n").TrimEnd('\n') + "\n";

        if (Approving)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllText(approvedPath, text);
            File.Delete(receivedPath);
            return;
        }

        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : null;
        if (approved == text)
        {
            File.Delete(receivedPath);
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(receivedPath, text);
        var hint = approved is null ? "no approved file yet" : FirstDifference(approved, text);
        Assert.Fail($"{name}: {hint}; see {receivedPath}, or run with {ApproveVariable}=1 to approve it");
    }

    private static string FirstDifference(string approved, string received)
    {
        var a = approved.Split('\n');
        var r = received.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, r.Length); i++)
        {
            var left = i < a.Length ? a[i] : "(end)";
            var right = i < r.Length ? r[i] : "(end)";
            if (left != right) return $"line {i + 1} was «{Clip(left)}», now «{Clip(right)}»";
        }
        return "they differ";
    }

    private static string Clip(string line) => line.Length <= 120 ? line : line[..117] + "...";
}
