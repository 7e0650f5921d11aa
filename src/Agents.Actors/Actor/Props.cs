using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Agents.Actors.Routing;

namespace Agents.Actors;

/// <summary>
/// An immutable recipe for creating an actor: its factory, mailbox, dispatcher and the supervisor
/// strategy it applies to its own children. The factory runs on the actor's first start and again on
/// every restart, so it must create a fresh instance each time:
/// <c>Props.Create(() =&gt; new Worker(queue))</c>.
/// </summary>
public sealed class Props
{
    private readonly Func<ActorBase> _factory;

    private Props(Type actorType, Func<ActorBase> factory, MailboxOptions? mailbox, string dispatcher, SupervisorStrategy? strategy, RouterConfig? router = null)
    {
        ActorType = actorType;
        _factory = factory;
        Mailbox = mailbox;
        Dispatcher = dispatcher;
        SupervisorStrategy = strategy;
        RouterConfig = router;
    }

    /// <summary>The type of actor these props create.</summary>
    public Type ActorType { get; }

    /// <summary>The mailbox, or <see langword="null"/> for <see cref="ActorSystemSettings.DefaultMailbox"/>.</summary>
    public MailboxOptions? Mailbox { get; }

    /// <summary>
    /// The dispatcher id: one of the <see cref="Dispatchers"/> constants or the name of a dispatcher in
    /// <see cref="ActorSystemSettings.NamedDispatchers"/> (HOCON <c>agents.actor.dispatchers.&lt;name&gt;</c>).
    /// </summary>
    public string Dispatcher { get; }

    /// <summary>
    /// The strategy the created actor uses for its children when it does not override
    /// <see cref="ActorBase.SupervisorStrategy"/>; <see langword="null"/> for the default.
    /// </summary>
    public SupervisorStrategy? SupervisorStrategy { get; }

    /// <summary>
    /// The router these props create, or <see langword="null"/> for a plain actor. With a router,
    /// <c>ActorOf</c> creates a router whose routees (for a <see cref="Pool"/>) are made from these
    /// props without the router.
    /// </summary>
    public RouterConfig? RouterConfig { get; }

    /// <summary>Props that create actors with <paramref name="factory"/>, evaluated on each start and restart.</summary>
    public static Props Create<TActor>(Func<TActor> factory) where TActor : ActorBase
    {
        ArgumentNullException.ThrowIfNull(factory);
        return new Props(typeof(TActor), factory, null, Dispatchers.DefaultDispatcherId, null);
    }

    /// <summary>Props that create actors with the parameterless constructor of <typeparamref name="TActor"/>.</summary>
    public static Props Create<TActor>() where TActor : ActorBase, new() =>
        new(typeof(TActor), static () => new TActor(), null, Dispatchers.DefaultDispatcherId, null);

    /// <summary>
    /// Props that create actors through the public constructor of <typeparamref name="TActor"/> that
    /// accepts <paramref name="args"/> (found by reflection on each creation; prefer the factory overload on hot paths).
    /// </summary>
    public static Props Create<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TActor>(params object?[] args)
        where TActor : ActorBase => Create(typeof(TActor), args);

    /// <summary>Props that create actors of <paramref name="actorType"/> through its public constructor that accepts <paramref name="args"/>.</summary>
    /// <exception cref="ArgumentException">The type is not a concrete actor type.</exception>
    public static Props Create([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type actorType, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(actorType);
        if (!typeof(ActorBase).IsAssignableFrom(actorType) || actorType.IsAbstract)
        {
            throw new ArgumentException(
                $"{actorType.FullName} is not a concrete actor type; Props.Create needs a non-abstract class deriving from ActorBase.", nameof(actorType));
        }
        var arguments = args ?? [null];
        return new Props(actorType, () => Construct(actorType, arguments), null, Dispatchers.DefaultDispatcherId, null);
    }

    /// <summary>Returns props with another mailbox.</summary>
    public Props WithMailbox(MailboxOptions mailbox)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        return new Props(ActorType, _factory, mailbox, Dispatcher, SupervisorStrategy, RouterConfig);
    }

    /// <summary>
    /// Returns props with the mailbox configured under <paramref name="mailboxName"/> in
    /// <see cref="ActorSystemSettings.NamedMailboxes"/> (HOCON <c>agents.actor.mailboxes.&lt;name&gt;</c>).
    /// </summary>
    public Props WithMailbox(string mailboxName) => WithMailbox(MailboxOptions.Configured(mailboxName));

    /// <summary>
    /// Returns props with another dispatcher: a <see cref="Dispatchers"/> id or the name of a configured
    /// dispatcher (<c>agents.actor.dispatchers.&lt;name&gt;</c>, the full path is accepted too).
    /// </summary>
    public Props WithDispatcher(string dispatcherId)
    {
        ArgumentException.ThrowIfNullOrEmpty(dispatcherId);
        return new Props(ActorType, _factory, Mailbox, dispatcherId, SupervisorStrategy, RouterConfig);
    }

    /// <summary>Returns props whose actor supervises its children with <paramref name="strategy"/>.</summary>
    public Props WithSupervisorStrategy(SupervisorStrategy strategy)
    {
        ArgumentNullException.ThrowIfNull(strategy);
        return new Props(ActorType, _factory, Mailbox, Dispatcher, strategy, RouterConfig);
    }

    /// <summary>
    /// Returns props that create a router (<paramref name="router"/>) in front of actors made from these
    /// props: <c>Props.Create&lt;Worker&gt;().WithRouter(new RoundRobinPool(5))</c>. The mailbox and
    /// supervisor strategy of these props apply to the routees; the router itself runs on the same
    /// dispatcher with its own unbounded mailbox, which only management messages use.
    /// </summary>
    public Props WithRouter(RouterConfig router)
    {
        ArgumentNullException.ThrowIfNull(router);
        return new Props(ActorType, _factory, Mailbox, Dispatcher, SupervisorStrategy, router);
    }

    /// <summary>These props without their router: what a pool creates its routees from.</summary>
    internal Props RouteeProps => RouterConfig is null ? this : new Props(ActorType, _factory, Mailbox, Dispatcher, SupervisorStrategy);

    internal ActorBase NewActor() => RouterConfig is { } router ? router.CreateRouterActor() : _factory();

    /// <inheritdoc />
    public override string ToString() =>
        RouterConfig is null ? $"Props({ActorType.Name}, dispatcher {Dispatcher})" : $"Props({ActorType.Name}, dispatcher {Dispatcher}, router {RouterConfig})";

    private static ActorBase Construct(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] Type actorType, object?[] args)
    {
        try
        {
            return (ActorBase)Activator.CreateInstance(actorType, args)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }
        catch (MissingMethodException e)
        {
            var types = string.Join(", ", args.Select(a => a?.GetType().Name ?? "null"));
            throw new ArgumentException(
                $"{actorType.Name} has no public constructor accepting ({types}); fix the arguments of Props.Create or use Props.Create(() => new {actorType.Name}(...)).", e);
        }
    }
}
