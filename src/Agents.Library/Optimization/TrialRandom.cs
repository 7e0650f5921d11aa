namespace Agents.Library.Optimization;

/// <summary>
/// The random source of one trial: a function of the optimization's seed and the trial number only, so that a
/// proposal does not depend on how many numbers earlier proposals drew, and a restarted optimizer proposes what the
/// first incarnation would have.
/// </summary>
internal static class TrialRandom
{
    /// <summary>The generator for trial <paramref name="trial"/> of an optimization seeded with <paramref name="seed"/>.</summary>
    public static Random For(int seed, int trial)
    {
        // SplitMix64 finalizer: neighbouring (seed, trial) pairs give unrelated streams.
        var z = ((ulong)(uint)seed << 32 | (uint)trial) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return new Random((int)(z & int.MaxValue));
    }
}
