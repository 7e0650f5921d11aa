namespace Agents.Actors;

/// <summary>
/// The children of one actor by name, which of them are stopping, and what the parent waits for
/// (its own termination or restart) until they are all gone. Guarded by a lock because the guardians'
/// children are added from any thread (<see cref="ActorSystem.ActorOf"/>) and selections read it.
/// </summary>
internal sealed class ChildrenContainer(ActorCell owner)
{
    private const string NameDigits = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+~";

    private readonly Lock _lock = new();
    private readonly HashSet<LocalActorRef> _children = new(ChildNameComparer.Instance);
    private HashSet<IActorRef>? _toDie;
    private Dictionary<IActorRef, ChildRestartStats>? _stats;
    private long _nameCounter;
    private SuspendReason _reason;
    private Exception? _cause;
    private bool _terminated;

    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _children.Count;
            }
        }
    }

    /// <summary>Whether the parent is stopping or stopped (no new children).</summary>
    public bool IsTerminating
    {
        get
        {
            lock (_lock)
            {
                return _terminated || _reason == SuspendReason.Termination;
            }
        }
    }

    /// <summary>Whether the parent is neither stopping nor waiting to restart or re-create.</summary>
    public bool IsNormal
    {
        get
        {
            lock (_lock)
            {
                return !_terminated && _reason is SuspendReason.None or SuspendReason.UserRequest;
            }
        }
    }

    /// <summary>A generated child name: <c>$a</c>, <c>$b</c>, ... (user names cannot start with '$').</summary>
    public string NextName()
    {
        var n = Interlocked.Increment(ref _nameCounter) - 1;
        Span<char> buffer = stackalloc char[12];
        var length = 0;
        buffer[length++] = '$';
        do
        {
            buffer[length++] = NameDigits[(int)(n & 63)];
            n >>= 6;
        }
        while (n != 0);
        return new string(buffer[..length]);
    }

    public void Add(string name, LocalActorRef child)
    {
        lock (_lock)
        {
            if (_terminated || _reason == SuspendReason.Termination)
            {
                throw new InvalidOperationException(
                    $"Cannot create child '{name}' of {owner.Self.Path}: the parent is stopping or stopped.");
            }
            if (!_children.Add(child))
            {
                throw new InvalidActorNameException(
                    $"Actor name '{name}' is not unique under {owner.Self.Path}: a child with that name is alive or still stopping. " +
                    "Choose another name, or wait for Terminated of the previous child before reusing it.");
            }
        }
    }

    public LocalActorRef? Get(string name)
    {
        lock (_lock)
        {
            return _children.GetAlternateLookup<string>().TryGetValue(name, out var child) ? child : null;
        }
    }

    public bool Contains(IActorRef child)
    {
        lock (_lock)
        {
            return IsCurrent(child);
        }
    }

    public LocalActorRef[] Snapshot()
    {
        lock (_lock)
        {
            return _children.Count == 0 ? [] : [.. _children];
        }
    }

    /// <summary>Names the refs whose names match <paramref name="pattern"/> (with '*' and '?').</summary>
    public List<LocalActorRef> Matching(string pattern)
    {
        lock (_lock)
        {
            var result = new List<LocalActorRef>();
            foreach (var child in _children)
            {
                if (Wildcard.Matches(pattern, child.Path.Name))
                {
                    result.Add(child);
                }
            }
            return result;
        }
    }

    /// <summary>Marks a child as stopping; the parent's termination and restart wait for it.</summary>
    public void ShallDie(IActorRef child)
    {
        lock (_lock)
        {
            if (IsCurrent(child))
            {
                (_toDie ??= []).Add(child);
                if (_reason == SuspendReason.None)
                {
                    _reason = SuspendReason.UserRequest;
                }
            }
        }
    }

    public bool IsStopping(IActorRef child)
    {
        lock (_lock)
        {
            return _toDie is not null && _toDie.Contains(child);
        }
    }

    /// <summary>
    /// Records what the parent waits for. Returns <see langword="false"/> when no child is stopping, in
    /// which case the caller proceeds right away.
    /// </summary>
    public bool SetReason(SuspendReason reason, Exception? cause = null)
    {
        lock (_lock)
        {
            if (_toDie is not { Count: > 0 })
            {
                return false;
            }
            if (_reason != SuspendReason.Termination)
            {
                _reason = reason;
                _cause = cause;
            }
            return true;
        }
    }

    /// <summary>
    /// Removes a terminated child. Returns the reason the parent was waiting for when this was the last
    /// stopping child (<see cref="SuspendReason.None"/> otherwise).
    /// </summary>
    public (SuspendReason Completed, Exception? Cause) Remove(IActorRef child)
    {
        lock (_lock)
        {
            if (IsCurrent(child))
            {
                _children.GetAlternateLookup<string>().Remove(child.Path.Name);
            }
            _stats?.Remove(child);
            if (_toDie is not null && _toDie.Remove(child) && _toDie.Count == 0)
            {
                var reason = _reason;
                var cause = _cause;
                _cause = null;
                if (reason != SuspendReason.Termination)
                {
                    _reason = SuspendReason.None;
                }
                return (reason == SuspendReason.UserRequest ? SuspendReason.None : reason, cause);
            }
            return (SuspendReason.None, null);
        }
    }

    public void MarkTerminated()
    {
        lock (_lock)
        {
            _terminated = true;
        }
    }

    // Whether this very incarnation (not only its name) is a child. Called under the lock.
    private bool IsCurrent(IActorRef child) =>
        _children.GetAlternateLookup<string>().TryGetValue(child.Path.Name, out var found) && found.Equals(child);

    public ChildRestartStats StatsFor(IActorRef child)
    {
        lock (_lock)
        {
            _stats ??= [];
            if (!_stats.TryGetValue(child, out var stats))
            {
                stats = new ChildRestartStats();
                _stats[child] = stats;
            }
            return stats;
        }
    }
}

/// <summary>What a parent waits for while some of its children are stopping.</summary>
internal enum SuspendReason
{
    None,
    UserRequest,
    Creation,
    Recreation,
    Termination,
}
