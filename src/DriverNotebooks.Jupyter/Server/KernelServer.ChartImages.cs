using System.Text.Json.Nodes;
using DriverNotebooks.Charts;
using DriverNotebooks.Formatting;
using DriverNotebooks.Runner.Documents;
using DriverNotebooks.Runner.Handouts;

namespace DriverNotebooks.Jupyter;

/// <summary>
/// Static images for the kernel's charts. Each chart goes out at once as <c>display_data</c> with a
/// <c>display_id</c>. Once the kernel has been quiet for <see cref="QuietBeforeDrawing"/> (no cell running or
/// queued), headless Chromium draws every chart waiting for its image as SVG (one start for all of them, a few
/// seconds, off every cell's path: a "Run All" is not slowed by drawing between its cells) and the kernel sends
/// <c>update_display_data</c> with the same bundle plus the image. A notebook saved from VS Code or JupyterLab then carries the images that viewers
/// running no script (GitHub's) show. Without Chromium the charts simply stay without images.
/// </summary>
internal sealed partial class KernelServer
{
    private readonly SemaphoreSlim _oneImageBatchAtATime = new(1, 1);
    private readonly CancellationTokenSource _imagesStopping = new();
    private readonly List<Task> _imageTasks = [];
    private int _chartDisplays;

    /// <summary>Guards the charts waiting for their images and the current quiet period.</summary>
    private readonly Lock _imagesGate = new();
    private readonly List<(JupyterMessage Request, ChartDisplay Chart)> _waitingForImages = [];
    private CancellationTokenSource? _quietPeriod;

    /// <summary>How long the kernel must be without a running or queued cell before it starts Chromium for the images.</summary>
    internal static TimeSpan QuietBeforeDrawing { get; } = TimeSpan.FromSeconds(1);

    /// <summary>A chart shown by a cell: its display id and the bundle as published (plotly.js placed).</summary>
    private sealed record ChartDisplay(string DisplayId, IReadOnlyList<FormattedOutput> Data);

    /// <summary>The transient part of a chart's <c>display_data</c>, the chart then waiting for its image; empty for other outputs.</summary>
    private JsonObject ChartTransient(JupyterMessage request, IReadOnlyList<FormattedOutput> placed)
    {
        if (!_options.ChartImages || !ChartBundle.IsChart(placed) || placed.Any(d => d.MimeType == ChartBundle.SvgMimeType)) return [];
        var id = $"drivernb-chart-{Interlocked.Increment(ref _chartDisplays)}";
        lock (_imagesGate) _waitingForImages.Add((request, new ChartDisplay(id, placed)));
        return new JsonObject { ["display_id"] = id };
    }

    /// <summary>An execute_request arrived: drawing waits until the kernel is quiet again.</summary>
    private void PostponeChartImages()
    {
        lock (_imagesGate) _quietPeriod?.Cancel();
    }

    /// <summary>After a cell's reply: when charts wait for images, a quiet period starts, at whose end they are drawn.</summary>
    private void StartChartImages()
    {
        lock (_imagesGate)
        {
            if (_waitingForImages.Count == 0) return;
        }
        if (Chromium.Find() is not { } chromium)
        {
            lock (_imagesGate) _waitingForImages.Clear();
            return;
        }
        CancellationToken quiet;
        lock (_imagesGate)
        {
            _quietPeriod?.Cancel();
            _quietPeriod?.Dispose(); // a linked source stays registered with _imagesStopping until disposed
            _quietPeriod = CancellationTokenSource.CreateLinkedTokenSource(_imagesStopping.Token);
            quiet = _quietPeriod.Token;
        }
        lock (_imageTasks)
        {
            _imageTasks.RemoveAll(t => t.IsCompleted);
            _imageTasks.Add(Task.Run(() => DrawWhenQuietAsync(quiet, chromium)));
        }
    }

    private async Task DrawWhenQuietAsync(CancellationToken quiet, string chromium)
    {
        try
        {
            await Task.Delay(QuietBeforeDrawing, quiet).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return; // a cell came in (its end starts a new quiet period) or the kernel is stopping
        }
        // A cell queued while this period ran: its end starts the next one.
        if (Volatile.Read(ref _cellsInFlight) > 0) return;
        List<(JupyterMessage Request, ChartDisplay Chart)> charts;
        lock (_imagesGate)
        {
            charts = [.. _waitingForImages];
            _waitingForImages.Clear();
        }
        if (charts.Count > 0) await AddChartImagesAsync(charts, chromium).ConfigureAwait(false);
    }

    /// <summary>
    /// Cancels the drawing and waits (a few seconds at most) until its Chromium is killed: a Chromium left without
    /// its kernel, and so without a reader for what it prints, does not finish on its own.
    /// </summary>
    private void StopChartImages()
    {
        _imagesStopping.Cancel();
        Task[] running;
        lock (_imageTasks) running = [.. _imageTasks];
        try
        {
            Task.WaitAll(running, TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // Each task reports its own failures to the log; stopping only needs them ended.
        }
    }

    private async Task AddChartImagesAsync(IReadOnlyList<(JupyterMessage Request, ChartDisplay Chart)> charts, string chromium)
    {
        try
        {
            await _oneImageBatchAtATime.WaitAsync(_imagesStopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        try
        {
            var images = await ChartImages.RenderAsync([.. charts.Select(c => ChartImages.Figure(c.Chart.Data))], chromium, _imagesStopping.Token).ConfigureAwait(false);
            for (var i = 0; i < charts.Count; i++)
            {
                var (request, chart) = charts[i];
                var content = new DisplayDataContent(MimeBundle.From(ChartImages.WithImage(chart.Data, images[i])))
                {
                    Transient = new JsonObject { ["display_id"] = chart.DisplayId },
                };
                Publish(request, MessageTypes.UpdateDisplayData, content, JupyterJson.Context.DisplayDataContent);
            }
        }
        catch (ChartImageException e)
        {
            Log($"chart images were not drawn: {e.Message}");
        }
        catch (OperationCanceledException)
        {
            // The kernel is stopping.
        }
        finally
        {
            _oneImageBatchAtATime.Release();
        }
    }
}
