using System.Text.Json;

namespace Agents.Hocon.Tests.Conformance;

/// <summary>The lightbend/config equivalence sets: every case resolves to the same tree as its original.json.</summary>
public sealed class ConformanceTests
{
    private static readonly HoconParseOptions NoEnvironment = new() { UseEnvironmentVariables = false };

    [ConformanceTheory]
    [MemberData(nameof(ConformanceData.Cases), MemberType = typeof(ConformanceData))]
    public void Case_resolves_to_the_same_tree_as_original_json(string file)
    {
        var path = Path.Combine(ConformanceData.Folder!, file);
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "original.json")));

        var config = Config.ParseFile(path, NoEnvironment);

        Assert.Null(JsonEquivalence.Difference(config.Root, expected.RootElement));
        if (file.EndsWith(".json", StringComparison.Ordinal))
        {
            using var strict = JsonDocument.Parse(File.ReadAllText(path));
            Assert.True(JsonEquivalence.JsonEqual(strict.RootElement, expected.RootElement), "strict JSON parse differs from original.json");
        }
    }

    [ConformanceTheory]
    [InlineData(15)]
    public void The_shared_data_holds_fifteen_cases(int expected) =>
        Assert.Equal(expected, ConformanceData.Cases().Count);
}
