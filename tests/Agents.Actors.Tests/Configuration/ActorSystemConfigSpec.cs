using Agents.Hocon;
using Agents.TestKit;

namespace Agents.Actors.Tests.Configuration;

public sealed class ActorSystemConfigSpec
{
    private static Config App(string hocon) => Config.Parse(hocon, HoconParseOptions.Default with { Origin = "application.conf" });

    private static HoconException BindFails(string hocon) =>
        Assert.ThrowsAny<HoconException>(() => ActorSystemSettings.FromConfig(App(hocon)));

    [Fact]
    public void The_reference_config_binds_to_the_defaults_of_the_settings_record()
    {
        var bound = ActorSystemSettings.FromConfig(Config.Empty);
        var record = new ActorSystemSettings();

        Assert.Equal(record.Throughput, bound.Throughput);
        Assert.Equal(record.AskTimeout, bound.AskTimeout);
        Assert.Equal(record.StashCapacity, bound.StashCapacity);
        Assert.Equal(record.DefaultMailbox, bound.DefaultMailbox);
        Assert.Equal(record.LogDeadLetters, bound.LogDeadLetters);
        Assert.Equal(record.DeadLetterLogLimit, bound.DeadLetterLogLimit);
        Assert.Equal(record.DeadLetterLogInterval, bound.DeadLetterLogInterval);
        Assert.Equal(record.LogDeadLettersDuringShutdown, bound.LogDeadLettersDuringShutdown);
        Assert.Equal(record.CoordinatedShutdown.DefaultPhaseTimeout, bound.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.Equal(record.CoordinatedShutdown.PhaseTimeouts, bound.CoordinatedShutdown.PhaseTimeouts);
        Assert.Equal(record.CoordinatedShutdown.RunByActorSystemTerminate, bound.CoordinatedShutdown.RunByActorSystemTerminate);
        Assert.Equal(record.CoordinatedShutdown.RunOnProcessExit, bound.CoordinatedShutdown.RunOnProcessExit);
        Assert.Empty(bound.NamedDispatchers);
        Assert.Empty(bound.NamedMailboxes);
    }

    [Fact]
    public void Overrides_bind_over_the_reference_defaults()
    {
        var bound = ActorSystemSettings.FromConfig(App("""
            agents.actor {
              throughput = 7
              ask-timeout = 250ms
              stash-capacity = 12
              default-mailbox { type = bounded, capacity = 64, overflow = fail-sender }
              dead-letter-logging { enabled = off, limit = 3, interval = 2s, during-shutdown = on }
              coordinated-shutdown {
                default-phase-timeout = 3s
                phases.service-stop.timeout = 20s
                run-by-actor-system-terminate = off
                run-on-process-exit = on
              }
            }
            """));

        Assert.Equal(7, bound.Throughput);
        Assert.Equal(TimeSpan.FromMilliseconds(250), bound.AskTimeout);
        Assert.Equal(12, bound.StashCapacity);
        Assert.Equal(MailboxOptions.Bounded(64, MailboxOverflowStrategy.FailSender), bound.DefaultMailbox);
        Assert.False(bound.LogDeadLetters);
        Assert.Equal(3, bound.DeadLetterLogLimit);
        Assert.Equal(TimeSpan.FromSeconds(2), bound.DeadLetterLogInterval);
        Assert.True(bound.LogDeadLettersDuringShutdown);
        Assert.Equal(TimeSpan.FromSeconds(3), bound.CoordinatedShutdown.DefaultPhaseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), bound.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseServiceStop));
        Assert.Equal(TimeSpan.FromSeconds(10), bound.CoordinatedShutdown.TimeoutOf(CoordinatedShutdown.PhaseActorSystemTerminate));
        Assert.False(bound.CoordinatedShutdown.RunByActorSystemTerminate);
        Assert.True(bound.CoordinatedShutdown.RunOnProcessExit);
    }

    [Fact]
    public void An_infinite_ask_timeout_binds_to_the_infinite_time_span()
    {
        var bound = ActorSystemSettings.FromConfig(App("agents.actor.ask-timeout = infinite"));

        Assert.Equal(Timeout.InfiniteTimeSpan, bound.AskTimeout);
    }

    [Fact]
    public void Named_dispatchers_and_mailboxes_bind_with_their_defaults()
    {
        var bound = ActorSystemSettings.FromConfig(App("""
            agents.actor {
              dispatchers { fast { throughput = 5 }, blocking-io { type = pinned } }
              mailboxes { small { capacity = 2 }, roomy { type = unbounded }, strict { type = bounded, capacity = 9, overflow = fail-sender } }
            }
            """));

        Assert.Equal(new DispatcherSettings { Type = DispatcherType.ThreadPool, Throughput = 5 }, bound.NamedDispatchers["fast"]);
        Assert.Equal(new DispatcherSettings { Type = DispatcherType.Pinned, Throughput = null }, bound.NamedDispatchers["blocking-io"]);
        Assert.Equal(MailboxOptions.Bounded(2), bound.NamedMailboxes["small"]);
        Assert.Equal(MailboxOptions.Unbounded, bound.NamedMailboxes["roomy"]);
        Assert.Equal(MailboxOptions.Bounded(9, MailboxOverflowStrategy.FailSender), bound.NamedMailboxes["strict"]);
    }

    [Fact]
    public void A_word_for_the_throughput_is_an_error_at_its_position_with_the_fix()
    {
        var error = BindFails("agents.actor {\n  throughput = fast\n}");

        Assert.Equal("application.conf", error.File);
        Assert.Equal(2, error.Line);
        Assert.Contains("agents.actor.throughput is \"fast\"", error.Message);
        Assert.Contains("whole number of at least 1", error.Message);
        Assert.Contains("Fix: agents.actor.throughput = 100", error.Message);
    }

    [Fact]
    public void A_negative_ask_timeout_is_an_error_at_its_position_with_the_fix()
    {
        var error = BindFails("agents.actor.ask-timeout = -5s");

        Assert.Equal(1, error.Line);
        Assert.Contains("agents.actor.ask-timeout is \"-5s\"", error.Message);
        Assert.Contains("positive duration", error.Message);
        Assert.Contains("Fix: agents.actor.ask-timeout = 10s", error.Message);
    }

    [Fact]
    public void A_zero_throughput_is_an_error_naming_the_minimum()
    {
        var error = BindFails("agents.actor.throughput = 0");

        Assert.Contains("agents.actor.throughput is 0; it must be at least 1", error.Message);
    }

    [Fact]
    public void An_unknown_mailbox_type_is_an_error_listing_the_choices()
    {
        var error = BindFails("\n\nagents.actor.default-mailbox.type = lossy");

        Assert.Equal(3, error.Line);
        Assert.Contains("agents.actor.default-mailbox.type is \"lossy\"; it must be unbounded or bounded", error.Message);
    }

    [Fact]
    public void An_unknown_shutdown_phase_is_an_error_listing_the_known_phases()
    {
        var error = BindFails("agents.actor.coordinated-shutdown.phases.service-halt.timeout = 5s");

        Assert.Contains("agents.actor.coordinated-shutdown.phases.service-halt", error.Message);
        Assert.Contains("service-stop", error.Message);
    }

    [Fact]
    public void A_misspelt_dispatcher_setting_is_an_error_naming_the_known_ones()
    {
        var error = BindFails("agents.actor.dispatchers.fast { type = thread-pool, thruput = 5 }");

        Assert.Contains("agents.actor.dispatchers.fast.thruput is not a setting", error.Message);
        Assert.Contains("type, throughput", error.Message);
    }

    [Fact]
    public void A_bounded_mailbox_without_a_capacity_is_an_error_with_the_fix()
    {
        var error = BindFails("agents.actor.mailboxes.small { type = bounded }");

        Assert.Contains("agents.actor.mailboxes.small is a bounded mailbox without a capacity", error.Message);
        Assert.Contains("agents.actor.mailboxes.small.capacity = 1000", error.Message);
    }

    [Fact]
    public void A_bad_value_fails_ActorSystem_Create_before_any_actor_starts()
    {
        var error = Assert.ThrowsAny<HoconException>(() => ActorSystem.Create("bad", App("agents.actor.stash-capacity = lots")));

        Assert.Contains("agents.actor.stash-capacity", error.Message);
    }

    [Fact]
    public async Task A_system_created_from_config_has_its_settings_and_keeps_the_config_for_other_sections()
    {
        await using var system = ActorSystem.Create("configured", App("""
            agents.actor.throughput = 9
            agents.persistence.journal.batch-size = 64
            """), new ManualTimeProvider());

        Assert.Equal(9, system.Settings.Throughput);
        Assert.Equal(64, system.Config.GetInt("agents.persistence.journal.batch-size"));
        Assert.Equal("10s", system.Config.GetString("agents.actor.ask-timeout"));
    }

    [Fact]
    public void The_reference_config_documents_every_setting_it_binds()
    {
        Assert.True(ActorSystem.ReferenceConfig.HasPath("agents.actor.dead-letter-logging.during-shutdown"));
        Assert.True(ActorSystem.ReferenceConfig.HasPath("agents.actor.coordinated-shutdown.run-on-process-exit"));
        Assert.Empty(ActorSystem.ReferenceConfig.GetObject("agents.actor.dispatchers"));
        Assert.Empty(ActorSystem.ReferenceConfig.GetObject("agents.actor.mailboxes"));
    }
}
