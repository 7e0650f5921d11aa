using System.Text;
using Agents.Hocon.Tests.Conformance;

namespace Agents.Hocon.Tests.Robustness;

/// <summary>
/// Seeded random input: every parse either succeeds or throws <see cref="HoconException"/>; nothing
/// else escapes, nothing overflows the stack. Each run takes about a second; it is bounded by a limit
/// that only a hang would reach, and the limit also stops the loop so no runaway thread is left behind.
/// </summary>
public sealed class FuzzTests
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromSeconds(30);

    private static readonly string[] Tokens =
    [
        "{", "}", "[", "]", ",", ":", "=", "+=", "\n", " ", "\t", "a", "b.c", "\"q\"", "\"\"\"t\n\"\"\"", "\"\"",
        "${a}", "${?b}", "${a.b}", "1", "-2.5e3", "0.5", "true", "false", "null", "include", "include \"x\"",
        "include required(\"y\")", "# c\n", "// c\n", "\\", "$", "?", "\u00A0", "\uFEFF", "'", ".", "..", "5s", "64K",
        "\"a.b\"", "+", "/", "{a=1}", "[1,2]", "a=${a}x", "url(", "file(", ")",
    ];

    private static readonly string[] Documents =
    [
        """"
        agents {
          actor.throughput = 30 // messages per turn
          name = "node-1", tags = [a, "b c", 1.5]
          timeouts { ask = 5s, idle = 2 minutes }
          path = [/usr/bin]
          path = ${agents.path} [/bin]
          copy = ${agents.actor}
          text = """multi
        line"""
          opt = ${?missing}
          list += x
          "quoted.key" : null
        }
        """",
        """{"ints":{"fortyTwo":42},"arrays":{"empty":[],"ofString":["a","b"]},"nulls":{"null":null}}""",
    ];

    private static readonly HoconParseOptions Options = Hocon.NoEnvironment with { IncludeResolver = new MemoryIncludeResolver() };

    [Fact]
    public async Task Random_bytes_parse_or_fail_with_a_hocon_exception() =>
        await Run(random => Enumerable.Range(0, 1500).Select(_ =>
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            return Encoding.UTF8.GetString(bytes);
        }));

    [Fact]
    public async Task Token_soups_parse_or_fail_with_a_hocon_exception() =>
        await Run(random => Enumerable.Range(0, 3000).Select(_ =>
        {
            var sb = new StringBuilder();
            var count = random.Next(1, 40);
            for (var i = 0; i < count; i++)
            {
                sb.Append(Tokens[random.Next(Tokens.Length)]);
            }
            return sb.ToString();
        }));

    [Fact]
    public async Task Documents_truncated_at_every_position_parse_or_fail_with_a_hocon_exception() =>
        await Run(_ => Documents.SelectMany(d => Enumerable.Range(0, d.Length + 1).Select(n => d[..n])));

    [Fact]
    public async Task Mutated_documents_parse_or_fail_with_a_hocon_exception()
    {
        var sources = Documents.ToList();
        if (ConformanceData.Folder is { } folder)
        {
            sources.AddRange(Directory.GetFiles(folder, "*.*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
                .Select(File.ReadAllText));
        }
        await Run(random => sources.SelectMany(source => Enumerable.Range(0, 150).Select(_ => Mutate(source, random))));
    }

    private static string Mutate(string source, Random random)
    {
        var sb = new StringBuilder(source);
        var edits = random.Next(1, 6);
        for (var i = 0; i < edits; i++)
        {
            var at = random.Next(0, sb.Length + 1);
            switch (random.Next(3))
            {
                case 0 when at < sb.Length:
                    sb.Remove(at, 1);
                    break;
                case 1:
                    sb.Insert(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                default:
                    if (at < sb.Length)
                    {
                        sb[at] = (char)random.Next(0, 0x3000);
                    }
                    break;
            }
        }
        return sb.ToString();
    }

    private static async Task Run(Func<Random, IEnumerable<string>> inputs)
    {
        using var hang = new CancellationTokenSource(HangLimit);
        var token = hang.Token;
        var (parsed, rejected) = await Task.Run(() =>
        {
            var random = new Random(20240611);
            int ok = 0, failed = 0;
            foreach (var input in inputs(random))
            {
                token.ThrowIfCancellationRequested();
                try
                {
                    var config = Config.Parse(input, Options);
                    _ = config.ToHocon();
                    ok++;
                }
                catch (HoconException)
                {
                    failed++;
                }
                catch (Exception e)
                {
                    throw new Xunit.Sdk.XunitException($"{e.GetType().Name} escaped for input {Escape(input)}: {e}");
                }
            }
            return (ok, failed);
        }, token).WaitAsync(token);
        Assert.True(parsed + rejected > 0);
    }

    private static string Escape(string input) =>
        System.Text.Json.JsonSerializer.Serialize(input.Length > 400 ? input[..400] : input);
}
