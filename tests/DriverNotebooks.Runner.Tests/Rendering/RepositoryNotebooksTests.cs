using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Rendering;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Runner.Tests.Rendering;

/// <summary>
/// The notebooks the repository ships in <c>notebooks/</c>: each one runs without a failing cell on every
/// machine (no tool needed); validating the written notebooks and drawing the handouts in a browser need
/// nbformat and Chromium and only those checks skip where the tools are missing.
/// </summary>
public sealed class RepositoryNotebooksTests(RepositoryNotebooksTests.Rendered rendered) : IClassFixture<RepositoryNotebooksTests.Rendered>
{
    private const string ChartsDrawn = "Array.from(document.querySelectorAll('.drivernb-chart')).every(e => e.querySelectorAll('.main-svg').length > 0)";

    [Fact]
    public void Every_shipped_notebook_runs_without_a_failing_cell_and_writes_its_notebook_and_handout()
    {
        Assert.NotEmpty(rendered.Results);
        foreach (var (path, result) in rendered.Results)
        {
            Assert.True(result.Run.Succeeded, $"{path}: {string.Join("; ", result.Run.Failures.Select(f => f.Describe()))}");
            Assert.All(result.Written, written => Assert.True(new FileInfo(written).Length > 0, $"{path}: {written} is empty"));
        }
    }

    [SkippableFact]
    public async Task Every_shipped_notebook_passes_the_validator_and_draws_in_a_browser_without_errors()
    {
        // Given
        var chromium = RequiredTools.Chromium();
        RequiredTools.Nbformat();
        await using var browser = await DevToolsBrowser.StartAsync(chromium);

        foreach (var (path, result) in rendered.Results)
        {
            // When
            Nbformat.AssertValid(result.Written[0]);
            var tab = await browser.OpenAsync(new Uri(result.Written[1]).AbsoluteUri);

            // Then
            Assert.True(await browser.WaitUntilAsync(tab, ChartsDrawn), $"{path}: a chart did not draw");
        }
        Assert.Empty(browser.Problems);
    }

    /// <summary>Every shipped notebook rendered once into a temporary folder, shared by both tests.</summary>
    public sealed class Rendered : IAsyncLifetime
    {
        private readonly TempFolder _folder = new();

        internal List<(string Path, RenderResult Result)> Results { get; } = [];

        public async Task InitializeAsync()
        {
            foreach (var path in NotebookDiscovery.Find([RepositoryFolder("notebooks")]))
            {
                Results.Add((path, await NotebookFolder.RunIn(path, () => NotebookRenderer.RenderAsync(NotebookReader.Read(path), new RenderOptions { OutputDirectory = _folder.Path }))));
            }
        }

        public Task DisposeAsync()
        {
            _folder.Dispose();
            return Task.CompletedTask;
        }
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
