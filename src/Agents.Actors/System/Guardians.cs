namespace Agents.Actors;

/// <summary>
/// The root guardian (<c>/</c>): parent of <c>/user</c>, <c>/system</c> and <c>/temp</c>. It stops a
/// failing guardian, and stops itself (which ends the system) once <c>/user</c> has stopped after a
/// termination request. If <c>/user</c> stops on its own (an escalated failure), it asks the system to
/// terminate.
/// </summary>
internal sealed class RootGuardian : ActorBase
{
    private IActorRef? _userGuardian;
    private bool _terminationRequested;
    private bool _userGuardianStopped;

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case WatchUserGuardian watch:
                _userGuardian = watch.Guardian;
                Context.Watch(watch.Guardian);
                return true;
            case TerminateSystem:
                _terminationRequested = true;
                if (_userGuardianStopped || _userGuardian is null)
                {
                    Context.Stop(Self);
                }
                else
                {
                    Context.Stop(_userGuardian);
                }
                return true;
            case Terminated terminated when terminated.ActorRef.Equals(_userGuardian):
                _userGuardianStopped = true;
                if (_terminationRequested)
                {
                    Context.Stop(Self);
                }
                else
                {
                    Context.System.OnUserGuardianStopped();
                }
                return true;
            default:
                return false;
        }
    }

    protected override SupervisorStrategy SupervisorStrategy() => Actors.SupervisorStrategy.StoppingStrategy;

    internal sealed record WatchUserGuardian(IActorRef Guardian);

    internal sealed class TerminateSystem
    {
        public static TerminateSystem Instance { get; } = new();
    }
}

/// <summary>
/// The guardian of <c>/user</c>, <c>/system</c> or <c>/temp</c>: it handles no message and supervises
/// its children with the strategy it is given.
/// </summary>
internal sealed class Guardian(SupervisorStrategy strategy) : ActorBase
{
    protected override bool Receive(object message) => false;

    protected override SupervisorStrategy SupervisorStrategy() => strategy;
}
