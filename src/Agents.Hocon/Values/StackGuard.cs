using System.Runtime.CompilerServices;

namespace Agents.Hocon;

/// <summary>Turns a recursion that is about to exhaust the thread's stack into a <see cref="HoconException"/>.</summary>
internal static class StackGuard
{
    public static void Ensure(HoconValue at, string activity)
    {
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            throw new HoconException(at.Origin, $"values are nested too deeply for {activity}; flatten the configuration");
        }
    }
}
