namespace Agents.Actors.Tests.Dispatch;

public sealed class UserMessageQueueSpec
{
    private sealed class Holder
    {
        public UserMessageQueue Queue;
    }

    [Fact]
    public void Messages_come_out_in_the_order_they_went_in_across_segments()
    {
        var holder = new Holder();
        for (var i = 0; i < 5_000; i++)
        {
            holder.Queue.Enqueue(i, null);
        }

        for (var i = 0; i < 5_000; i++)
        {
            Assert.True(holder.Queue.TryDequeue(out var message, out _));
            Assert.Equal(i, message);
        }
        Assert.False(holder.Queue.TryDequeue(out _, out _));
    }

    [Fact]
    public void The_count_follows_enqueues_and_dequeues()
    {
        var holder = new Holder();
        for (var i = 0; i < 100; i++)
        {
            holder.Queue.Enqueue(i, null);
        }
        for (var i = 0; i < 30; i++)
        {
            holder.Queue.TryDequeue(out _, out _);
        }

        Assert.Equal(70, holder.Queue.Count);
        Assert.True(holder.Queue.HasMessages);
    }

    [Fact]
    public void Messages_keep_their_order_when_the_drained_segment_is_rewound()
    {
        var holder = new Holder();
        var next = 0;
        var expected = 0;
        for (var round = 0; round < 200; round++)
        {
            for (var i = 0; i < round % 23; i++)
            {
                holder.Queue.Enqueue(next++, null);
            }
            while (holder.Queue.TryDequeue(out var message, out _))
            {
                Assert.Equal(expected++, message);
            }
        }

        Assert.Equal(next, expected);
        Assert.Equal(0, holder.Queue.Count);
    }

    [Fact]
    public void A_queue_drained_between_bursts_reuses_its_segment_instead_of_allocating()
    {
        var holder = new Holder();
        var message = new object();
        for (var i = 0; i < 10; i++)
        {
            holder.Queue.Enqueue(message, null);
        }
        while (holder.Queue.TryDequeue(out _, out _))
        {
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var burst = 0; burst < 1_000; burst++)
        {
            for (var i = 0; i < 10; i++)
            {
                holder.Queue.Enqueue(message, null);
            }
            while (holder.Queue.TryDequeue(out _, out _))
            {
            }
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Without the rewind, 10,000 messages would fill about 600 new 16-slot segments (over 150 KB).
        Assert.True(allocated < 1_000, $"{allocated} bytes allocated");
    }

    [Fact]
    public void An_empty_queue_has_no_messages_and_a_zero_count()
    {
        var holder = new Holder();

        Assert.False(holder.Queue.HasMessages);
        Assert.Equal(0, holder.Queue.Count);
        Assert.False(holder.Queue.TryDequeue(out _, out _));
    }

    [Fact]
    public async Task Concurrent_producers_lose_nothing_and_keep_their_own_order()
    {
        var holder = new Holder();
        const int producers = 8;
        const int perProducer = 50_000;
        using var start = new ManualResetEventSlim();
        var tasks = Enumerable.Range(0, producers).Select(p => Task.Run(() =>
        {
            start.Wait();
            for (var i = 0; i < perProducer; i++)
            {
                holder.Queue.Enqueue((p, i), null);
            }
        })).ToArray();
        var last = Enumerable.Repeat(-1, producers).ToArray();
        var received = 0;

        start.Set();
        while (received < producers * perProducer)
        {
            if (holder.Queue.TryDequeue(out var message, out _))
            {
                var (p, i) = ((int, int))message;
                Assert.Equal(last[p] + 1, i);
                last[p] = i;
                received++;
            }
        }
        await Task.WhenAll(tasks);

        Assert.All(last, l => Assert.Equal(perProducer - 1, l));
        Assert.False(holder.Queue.TryDequeue(out _, out _));
    }
}
