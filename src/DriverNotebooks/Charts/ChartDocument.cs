using System.Security.Cryptography;
using System.Text;

namespace DriverNotebooks.Charts;

/// <summary>
/// The document that charts are being rendered into: it hands out element ids and knows whether
/// plotly.js still has to be embedded. A runner opens one per notebook with <see cref="Begin"/>;
/// hosts that cannot edit the document afterwards (Polyglot Notebooks) use the process-wide default,
/// which embeds the library in the first chart it renders.
/// </summary>
public sealed class ChartDocument
{
    private static readonly AsyncLocal<ChartDocument?> Ambient = new();
    private static readonly ChartDocument ProcessWide = new(embedLibraryInFirstChart: true);

    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private bool _libraryEmitted;

    private ChartDocument(bool embedLibraryInFirstChart) => EmbedLibraryInFirstChart = embedLibraryInFirstChart;

    /// <summary>
    /// True when the first chart rendered in this document carries plotly.js itself; false when the
    /// document's writer places the library once on its own (HTML handouts, .ipynb files, the Jupyter kernel).
    /// </summary>
    public bool EmbedLibraryInFirstChart { get; }

    /// <summary>The document charts render into on this async flow.</summary>
    public static ChartDocument Current => Ambient.Value ?? ProcessWide;

    /// <summary>Starts a document for this async flow; dispose to return to the previous one.</summary>
    public static IDisposable Begin(bool embedLibraryInFirstChart = false)
    {
        var previous = Ambient.Value;
        Ambient.Value = new ChartDocument(embedLibraryInFirstChart);
        return new Restore(previous);
    }

    /// <summary>
    /// A stable element id: a hash of the chart's content plus how many identical charts came
    /// before it in this document, so the same notebook always renders the same ids.
    /// </summary>
    internal string NextElementId(string figureJson)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)), 0, 6);
        lock (_gate)
        {
            _occurrences.TryGetValue(hash, out var seen);
            _occurrences[hash] = seen + 1;
            return seen == 0 ? $"dn-chart-{hash}" : $"dn-chart-{hash}-{seen + 1}";
        }
    }

    /// <summary>True exactly once per document when this document embeds the library in its first chart.</summary>
    internal bool ClaimLibrary()
    {
        if (!EmbedLibraryInFirstChart) return false;
        lock (_gate)
        {
            if (_libraryEmitted) return false;
            _libraryEmitted = true;
            return true;
        }
    }

    private sealed class Restore(ChartDocument? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
