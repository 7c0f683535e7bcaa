namespace DriverNotebooks.Usb;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the generator behind
/// Java's SplittableRandom): a 64-bit counter stepped by the golden-ratio gamma and passed through a 64-bit finaliser.
/// It passes BigCrush, keeps its whole state in one register, and its output is fixed by its definition, so simulated
/// results never change with the .NET version (unlike <see cref="Random"/>).
/// </summary>
/// <remarks>The seed is mixed once before use, so nearby seeds (1, 2, 3…) start far apart on the counter's cycle.
/// A mutable struct: pass it by <c>ref</c>.</remarks>
public struct SplitMix64
{
    /// <summary>Golden-ratio increment, 2^64 / φ, odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Starts the generator from <paramref name="seed"/> (any value, including 0).</summary>
    public SplitMix64(ulong seed) => _state = Mix(seed ^ 0x5851F42D4C957F2DUL);

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The SplitMix64 finaliser (a variant of MurmurHash3's fmix64).</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
