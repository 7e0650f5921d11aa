namespace Agents.Actors;

/// <summary>
/// Named timers of one actor (<see cref="IActorContext.Timers"/>). Starting a timer with a key in use
/// replaces the old one; a message of a cancelled or replaced timer is never delivered, even if it
/// was already queued. All timers are cancelled when the actor stops or restarts. Use only from the
/// actor's own turn.
/// </summary>
public interface ITimerScheduler
{
    /// <summary>Sends <paramref name="message"/> to this actor once, after <paramref name="delay"/>.</summary>
    void StartSingleTimer(object key, object message, TimeSpan delay);

    /// <summary>Sends <paramref name="message"/> to this actor every <paramref name="interval"/>, the first after one interval.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan interval);

    /// <summary>Sends <paramref name="message"/> after <paramref name="initialDelay"/>, then every <paramref name="interval"/>.</summary>
    void StartPeriodicTimer(object key, object message, TimeSpan initialDelay, TimeSpan interval);

    /// <summary>Whether a timer with this key is active (a single timer stops being active once its message is delivered).</summary>
    bool IsTimerActive(object key);

    /// <summary>The keys of the active timers.</summary>
    IReadOnlyCollection<object> ActiveTimers { get; }

    /// <summary>Cancels the timer with this key, if any.</summary>
    void Cancel(object key);

    /// <summary>Cancels every timer of this actor.</summary>
    void CancelAll();
}
