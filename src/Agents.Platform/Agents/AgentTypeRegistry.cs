using Agents.Actors;

namespace Agents.Platform.Agents;

/// <summary>
/// The agent types a node can run: each type name maps to the props of the actor that runs an agent of that type
/// from its definition. Agent libraries register their types when the platform is added; a definition that names an
/// unregistered type is refused.
/// </summary>
public sealed class AgentTypeRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Func<AgentDefinition, Props>> _types = new(StringComparer.Ordinal);

    /// <summary>The registered type names, ordered.</summary>
    public IReadOnlyList<string> Names
    {
        get
        {
            lock (_gate)
            {
                return [.. _types.Keys.Order(StringComparer.Ordinal)];
            }
        }
    }

    /// <summary>Registers <paramref name="typeName"/>, run by the actor <paramref name="props"/> makes from an agent's definition.</summary>
    /// <returns>This registry, for chaining.</returns>
    /// <exception cref="ArgumentException">The name is not a valid type name, or is registered already.</exception>
    public AgentTypeRegistry Register(string typeName, Func<AgentDefinition, Props> props)
    {
        ArgumentNullException.ThrowIfNull(props);
        if (!AgentNames.IsValid(typeName))
        {
            throw new ArgumentException(
                $"'{typeName}' is not a valid agent type name: use ASCII letters, digits, '-', '_' and '.', starting with a letter or digit.",
                nameof(typeName));
        }

        lock (_gate)
        {
            if (!_types.TryAdd(typeName, props))
            {
                throw new ArgumentException($"Agent type '{typeName}' is registered already; register each type once.", nameof(typeName));
            }
        }

        return this;
    }

    /// <summary>Registers <paramref name="typeName"/>, run by <typeparamref name="TAgent"/> created with the agent's definition.</summary>
    /// <returns>This registry, for chaining.</returns>
    public AgentTypeRegistry Register<TAgent>(string typeName, Func<AgentDefinition, TAgent> create) where TAgent : ActorBase
    {
        ArgumentNullException.ThrowIfNull(create);
        return Register(typeName, definition => Props.Create(() => create(definition)));
    }

    /// <summary>Whether <paramref name="typeName"/> is registered.</summary>
    public bool Contains(string typeName)
    {
        lock (_gate)
        {
            return _types.ContainsKey(typeName);
        }
    }

    /// <summary>The props of the actor that runs the agent <paramref name="definition"/> describes.</summary>
    /// <exception cref="AgentDefinitionException">Its type is not registered.</exception>
    public Props PropsFor(AgentDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        Func<AgentDefinition, Props>? props;
        lock (_gate)
        {
            _types.TryGetValue(definition.Type, out props);
        }

        return props is not null
            ? props(definition)
            : throw new AgentDefinitionException(definition.Id, "type", UnknownTypeMessage(definition.Type));
    }

    /// <summary>The message for an unregistered type: it lists the registered ones.</summary>
    internal string UnknownTypeMessage(string typeName)
    {
        var names = Names;
        return $"'{typeName}' is not a registered agent type (registered: {(names.Count == 0 ? "none" : string.Join(", ", names))}).";
    }
}
