using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using DriverNotebooks.Jupyter.Tests.Support;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Tests.Support;

namespace DriverNotebooks.Jupyter.Tests.Clients;

/// <summary>
/// A real notebook front end in a real browser: Debian's Jupyter Notebook 6 (the classic front end, which
/// has require.js on its pages and no plotly renderer of its own) with the drivernb kernelspec, driven in
/// headless Chromium over DevTools.
/// </summary>
public sealed class ClassicNotebookBrowserTests
{
    /// <summary>Chart elements drawn by plotly.js (it adds its SVG layers inside the element).</summary>
    private const string DrawnCharts = "Array.from(document.querySelectorAll('.output_area .drivernb-chart')).filter(e => e.querySelector('.main-svg')).length";

    private const string AllCharts = "document.querySelectorAll('.output_area .drivernb-chart').length";

    [SkippableFact]
    public async Task After_run_all_every_chart_draws_and_after_clearing_the_first_chart_and_reloading_the_others_still_draw()
    {
        // Given: a shipped notebook without outputs, the kernelspec installed, a Notebook server on loopback
        var python = RequiredTools.PythonWithClassicNotebook();
        var chromium = RequiredTools.Chromium();
        using var jupyter = new JupyterEnvironment();
        var folder = Directory.CreateDirectory(Path.Combine(jupyter.Folder, "notebooks")).FullName;
        var notebook = JsonNode.Parse(IpynbWriter.Write(NotebookReader.Read(Repository.PathOf("notebooks", "02-global-data-shared-by-devices.dib"))))!;
        notebook["metadata"]!["kernelspec"]!["name"] = JupyterEnvironment.KernelName;
        var file = Path.Combine(folder, "shared.ipynb");
        File.WriteAllText(file, notebook.ToJsonString());
        using var server = NotebookServer.Start(python, folder, jupyter.Variables);
        await using var browser = await DevToolsBrowser.StartAsync(chromium, loopback: true);
        var url = $"{server.BaseUrl}notebooks/shared.ipynb";

        // When: run all
        var tab = await browser.OpenAsync(url);
        Assert.True(await browser.WaitUntilAsync(tab, KernelReady), "the notebook's kernel never became ready: " + await StateAsync(browser, tab));
        await browser.EvaluateAsync(tab, "Jupyter.notebook.execute_all_cells(), true");
        Assert.True(await browser.WaitUntilAsync(tab, AllCodeCellsRan), "run all did not finish");

        // Then: every chart draws
        var charts = (await browser.EvaluateAsync(tab, AllCharts))!.GetValue<int>();
        Assert.True(charts >= 3, $"expected the notebook's charts, found {charts}");
        Assert.True(await browser.WaitUntilAsync(tab, $"{DrawnCharts} === {charts}"),
            $"{(await browser.EvaluateAsync(tab, DrawnCharts))!.GetValue<int>()} of {charts} charts drew after run all");
        Assert.DoesNotContain(browser.Problems, p => p.Contains("define", StringComparison.OrdinalIgnoreCase));

        // When: the first chart's output (the one that carried plotly.js) is cleared, the notebook saved and reopened
        var first = (await browser.EvaluateAsync(tab,
            "Jupyter.notebook.get_cells().findIndex(c => c.element[0].querySelector('.output_area .drivernb-chart'))"))!.GetValue<int>();
        var cleared = (await browser.EvaluateAsync(tab,
            $"Jupyter.notebook.get_cell({first}).element[0].querySelectorAll('.output_area .drivernb-chart').length"))!.GetValue<int>();
        await browser.EvaluateAsync(tab, $"Jupyter.notebook.get_cell({first}).clear_output(); Jupyter.notebook.save_notebook().then(() => true)");
        Assert.DoesNotContain(PlotlyJsMarker, File.ReadAllText(file));

        var reopened = await browser.OpenAsync(url);
        Assert.True(await browser.WaitUntilAsync(reopened, KernelReady), "the reopened notebook's kernel never became ready: " + await StateAsync(browser, reopened));

        // Then: the other charts still draw, with plotly.js from the kernelspec
        Assert.Equal(charts - cleared, (await browser.EvaluateAsync(reopened, AllCharts))!.GetValue<int>());
        Assert.True(await browser.WaitUntilAsync(reopened, $"{DrawnCharts} === {charts - cleared}"),
            $"{(await browser.EvaluateAsync(reopened, DrawnCharts))!.GetValue<int>()} of {charts - cleared} charts drew after reopening");
    }

    private static async Task<string> StateAsync(DevToolsBrowser browser, string tab) =>
        (await browser.EvaluateAsync(tab,
            "JSON.stringify({jupyter: !!window.Jupyter, notebook: !!(window.Jupyter && Jupyter.notebook), kernel: !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel), " +
            "connected: !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()), title: document.title})"))?.ToString()
        + "; problems: " + string.Join(" | ", browser.Problems.Take(5));

    private const string PlotlyJsMarker = "id=\\\"drivernb-plotly-js\\\"";

    private const string KernelReady =
        "!!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.trusted !== undefined)";

    private const string AllCodeCellsRan =
        "Jupyter.notebook.get_cells().filter(c => c.cell_type === 'code' && c.get_text().trim().length > 0).every(c => typeof c.input_prompt_number === 'number')";

    /// <summary>A Jupyter Notebook 6 server on a free loopback port, without token or browser, killed on dispose.</summary>
    private sealed class NotebookServer : IDisposable
    {
        private readonly Process _process;

        private NotebookServer(Process process, string baseUrl)
        {
            _process = process;
            BaseUrl = baseUrl;
        }

        public string BaseUrl { get; }

        public static NotebookServer Start(string python, string folder, IReadOnlyDictionary<string, string> environment)
        {
            var port = FreePort();
            var start = new ProcessStartInfo(python)
            {
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            foreach (var argument in new[]
            {
                "-m", "notebook", "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0",
                "--NotebookApp.token=", "--NotebookApp.password=", $"--notebook-dir={folder}", "--allow-root",
            })
            {
                start.ArgumentList.Add(argument);
            }
            foreach (var (name, value) in environment) start.Environment[name] = value;
            var process = Process.Start(start)!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, _) => { };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new NotebookServer(process, $"http://127.0.0.1:{port}/");
            try
            {
                server.WaitUntilServing();
            }
            catch
            {
                server.Dispose();
                throw;
            }
            return server;
        }

        private void WaitUntilServing()
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            var waited = Stopwatch.StartNew();
            while (waited.Elapsed < TimeSpan.FromSeconds(60))
            {
                if (_process.HasExited) throw new InvalidOperationException($"jupyter notebook exited with code {_process.ExitCode}");
                try
                {
                    if (http.GetAsync(BaseUrl + "api").GetAwaiter().GetResult().StatusCode == HttpStatusCode.OK) return;
                }
                catch (HttpRequestException)
                {
                }
                catch (TaskCanceledException)
                {
                }
                Thread.Sleep(200);
            }
            throw new TimeoutException("jupyter notebook did not start serving within 60 s");
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        public void Dispose()
        {
            try
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }
            _process.Dispose();
        }
    }
}
