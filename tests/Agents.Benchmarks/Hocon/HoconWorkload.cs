using System.Globalization;
using System.Text;

namespace Agents.Benchmarks.Hocon;

/// <summary>
/// A generated, realistic HOCON configuration of a given size: nested objects in the style of an
/// Akka / agents node config with unquoted keys, path keys, durations, sizes, arrays, comments,
/// value concatenations and a few substitutions.
/// </summary>
internal static class HoconWorkload
{
    public static string Generate(int targetBytes)
    {
        var sb = new StringBuilder(targetBytes + 4096);
        sb.Append("""
            # Agents node configuration (generated for the parser benchmark)
            agents {
              node-name = "bench-node-1"
              cluster {
                host = "10.1.2.3"
                port = 9110
                seed-nodes = ["agents://bench@10.1.2.3:9110", "agents://bench@10.1.2.4:9110"]
                heartbeat-interval = 1s
                lease-timeout = 30 s
              }
              defaults {
                ask-timeout = 5s
                mailbox-capacity = 1000
                max-frame-size = 256KiB
              }
            }

            """);
        var i = 0;
        while (sb.Length < targetBytes)
        {
            AppendService(sb, i++);
        }
        return sb.ToString();
    }

    private static void AppendService(StringBuilder sb, int i)
    {
        var inv = CultureInfo.InvariantCulture;
        sb.Append(inv, $$"""
            // Service {{i}}: one of the agents hosted by this node
            agents.services.service-{{i}} {
              enabled = {{(i % 7 == 0 ? "false" : "true")}}
              priority = {{i % 10}}
              host = "10.0.{{i / 256 % 256}}.{{i % 256}}"
              port = {{9000 + i % 1000}}
              description = Handles training events for model {{i}} # unquoted concatenation
              timeouts { connect = 5s, read = 30 s, idle = 2 minutes, shutdown = 1500ms }
              buffers.send = 64K
              buffers.receive = 1MiB
              retry {
                max-attempts = 5
                backoff = 200ms
                multiplier = 1.5
                jitter = 0.2
              }
              topics = [model.convergence.{{i}}, "training.#", "deployment.canary.*"]
              weights = [0.25, 0.5, 0.125, 1e-3]
              dispatcher {
                type = Dispatcher
                executor = "fork-join-executor"
                fork-join-executor { parallelism-min = 8, parallelism-factor = 3.0, parallelism-max = 64 }
                throughput = 100
              }
              "metrics.prefix" = "agents.service.{{i}}"

            """);
        if (i % 16 == 0)
        {
            sb.Append(inv, $$"""
                  ask-timeout = ${agents.defaults.ask-timeout}
                  endpoint = "agents://bench@"${agents.cluster.host}":"${agents.cluster.port}"/user/service-{{i}}"

                """);
        }
        sb.Append("}\n\n");
    }
}
