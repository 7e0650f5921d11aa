namespace Agents.Hocon.Tests;

/// <summary>An include resolver over in-memory documents, keyed by the name in the include statement.</summary>
internal sealed class MemoryIncludeResolver(params (string Name, string Text)[] documents) : IHoconIncludeResolver
{
    public List<HoconIncludeRequest> Requests { get; } = [];

    public IReadOnlyList<HoconIncludeSource> Resolve(HoconIncludeRequest request, HoconParseOptions options)
    {
        Requests.Add(request);
        return documents
            .Where(d => d.Name == request.Name)
            .Select(d => new HoconIncludeSource("mem:" + d.Name, d.Text, d.Name.EndsWith(".properties", StringComparison.Ordinal) ? HoconSyntax.Properties : HoconSyntax.Hocon))
            .ToList();
    }
}
