using System.Diagnostics;

namespace DriverNotebooks.Cli;

/// <summary>
/// How to start drivernb again as a child process, whoever is running now: the published apphost starts
/// itself; anything else (<c>dotnet drivernb.dll</c>, a test host) starts <c>dotnet</c> with drivernb.dll.
/// </summary>
internal static class DrivernbProcess
{
    /// <summary>A start description with stdout and stderr redirected, for drivernb with <paramref name="arguments"/>.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var host = Environment.ProcessPath;
        var hostName = host is null ? "" : Path.GetFileNameWithoutExtension(host);
        if (host is not null && hostName == Path.GetFileNameWithoutExtension(typeof(Cli).Assembly.Location))
        {
            start.FileName = host;
        }
        else
        {
            start.FileName = host is not null && hostName == "dotnet" ? host : "dotnet";
            start.ArgumentList.Add(typeof(Cli).Assembly.Location);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return start;
    }
}
