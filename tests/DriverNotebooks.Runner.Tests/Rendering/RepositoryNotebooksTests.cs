using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

/// <summary>The notebooks the repository ships in <c>notebooks/</c>: each renders without a failing cell, validates and draws offline.</summary>
public sealed class RepositoryNotebooksTests
{
    private const string ChartsDrawn = "Array.from(document.querySelectorAll('.drivernb-chart')).every(e => e.querySelectorAll('.main-svg').length > 0)";

    [SkippableFact]
    public async Task Every_shipped_notebook_renders_passes_the_validator_and_draws_in_a_browser_without_errors()
    {
        // Given
        var chromium = RequiredTools.Chromium();
        RequiredTools.Nbformat();
        var notebooks = NotebookDiscovery.Find([RepositoryFolder("notebooks")]);
        using var folder = new TempFolder();
        await using var browser = await DevToolsBrowser.StartAsync(chromium);

        foreach (var path in notebooks)
        {
            // When
            var result = await NotebookRenderer.RenderAsync(NotebookReader.Read(path), new RenderOptions { OutputDirectory = folder.Path });

            // Then
            Assert.True(result.Run.Succeeded, $"{path}: {string.Join("; ", result.Run.Failures.Select(f => f.Describe()))}");
            Nbformat.AssertValid(result.Written[0]);
            var tab = await browser.OpenAsync(new Uri(result.Written[1]).AbsoluteUri);
            Assert.True(await browser.WaitUntilAsync(tab, ChartsDrawn), $"{path}: a chart did not draw");
        }
        Assert.Empty(browser.Problems);
    }

    /// <summary>A folder of the repository, found above the test assembly.</summary>
    private static string RepositoryFolder(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "DriverNotebooks.sln"))) return Path.Combine(directory.FullName, name);
        }
        throw new InvalidOperationException("the tests run outside the repository: DriverNotebooks.sln not found above " + AppContext.BaseDirectory);
    }
}
