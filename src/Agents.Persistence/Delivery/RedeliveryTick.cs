using Agents.Actors;

namespace Agents.Persistence.Delivery;

/// <summary>The periodic timer message on which an at-least-once delivery actor sends overdue deliveries again.</summary>
internal sealed class RedeliveryTick : INotInfluenceReceiveTimeout
{
    private RedeliveryTick()
    {
    }

    public static RedeliveryTick Instance { get; } = new();
}
