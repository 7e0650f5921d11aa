using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Nodes;
using Agents.Persistence.Delivery;

namespace Agents.Persistence.Serialization;

/// <summary>
/// The default <see cref="IEventSerializer"/>: System.Text.Json over a <see cref="ManifestRegistry"/>, with
/// upcasters for older versions. Payloads are camelCase JSON (<see cref="JsonSerializerDefaults.Web"/>) unless
/// other options are given, so stored events read naturally in plain SQL. The library's own stored types
/// (<see cref="AtLeastOnceDeliverySnapshot"/>) are known without registration.
/// </summary>
public sealed class JsonEventSerializer : IEventSerializer
{
    // A chain longer than this is almost certainly two upcasters pointing at each other.
    private const int MaxUpcastSteps = 64;

    // The library's own stored types; immutable, so one instance serves every serializer in the process.
    private static readonly ManifestRegistry s_libraryTypes = ManifestRegistry.Create(typeof(AtLeastOnceDeliverySnapshot));

    private readonly ManifestRegistry _registry;
    private readonly JsonSerializerOptions _options;
    private readonly FrozenDictionary<(string Manifest, int Version), IEventUpcaster> _upcasters;

    /// <summary>Creates the serializer.</summary>
    /// <param name="registry">The types that may be stored.</param>
    /// <param name="options">JSON options; defaults to <see cref="JsonSerializerDefaults.Web"/>.</param>
    /// <param name="upcasters">Upcasters for older (manifest, version) pairs; at most one per pair.</param>
    /// <exception cref="ArgumentException">Two upcasters read the same (manifest, version).</exception>
    public JsonEventSerializer(
        ManifestRegistry registry, JsonSerializerOptions? options = null, IEnumerable<IEventUpcaster>? upcasters = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _registry = registry;
        // A copy, so the caller's options stay theirs; the converter stores delivered messages under their manifests.
        _options = options is null ? new JsonSerializerOptions(JsonSerializerDefaults.Web) : new JsonSerializerOptions(options);
        _options.Converters.Add(new UnconfirmedDeliveryJsonConverter(this));
        _options.MakeReadOnly(populateMissingResolver: true);
        var byKey = new Dictionary<(string, int), IEventUpcaster>();
        foreach (var upcaster in upcasters ?? [])
        {
            if (!byKey.TryAdd((upcaster.Manifest, upcaster.Version), upcaster))
            {
                throw new ArgumentException(
                    $"Two upcasters read manifest '{upcaster.Manifest}' version {upcaster.Version}; keep one.",
                    nameof(upcasters));
            }
        }

        _upcasters = byKey.ToFrozenDictionary();
    }

    /// <summary>The registry this serializer resolves manifests with.</summary>
    public ManifestRegistry Registry => _registry;

    /// <inheritdoc />
    public SerializedPayload Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var type = value.GetType();
        if (!_registry.TryGetByType(type, out var registration) && !s_libraryTypes.TryGetByType(type, out registration))
        {
            throw new EventSerializationException(
                $"Type {type.FullName} has no registered manifest, so it cannot be stored. Give it a " +
                "[Manifest(\"area.event-name\")] attribute and add it to the ManifestRegistry.");
        }

        try
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(value, type, _options);
            return new SerializedPayload(registration.Manifest, registration.Version, json);
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            throw new EventSerializationException(
                $"Cannot serialize {type.FullName} (manifest '{registration.Manifest}') to JSON: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public object Deserialize(SerializedPayload payload)
    {
        var (manifest, version, json) = payload;
        JsonNode? node = null;
        var upcast = false;
        for (var step = 0; _upcasters.TryGetValue((manifest, version), out var upcaster); step++)
        {
            if (step == MaxUpcastSteps)
            {
                throw new EventSerializationException(
                    $"Upcasting manifest '{payload.Manifest}' version {payload.Version} did not finish after " +
                    $"{MaxUpcastSteps} steps; two upcasters probably lead back to each other.");
            }

            if (!upcast)
            {
                node = ParseNode(payload);
                upcast = true;
            }

            UpcastResult result;
            try
            {
                result = upcaster.Upcast(node);
            }
            catch (Exception e) when (e is not EventSerializationException)
            {
                throw new EventSerializationException(
                    $"The upcaster for manifest '{manifest}' version {version} failed: {e.Message}", e);
            }

            (manifest, version, node) = (result.Manifest, result.Version, result.Json);
        }

        if (!_registry.TryGetByManifest(manifest, out var registration) && !s_libraryTypes.TryGetByManifest(manifest, out registration))
        {
            throw new EventSerializationException(
                $"No type is registered for manifest '{manifest}' (version {version}). Register the type that " +
                "declares this manifest, or an upcaster that maps it to a registered one.");
        }

        if (version > registration.Version)
        {
            throw new EventSerializationException(
                $"Manifest '{manifest}' was stored as version {version}, but {registration.Type.FullName} is at " +
                $"version {registration.Version}: the data was written by newer code. Deploy the newer version.");
        }

        try
        {
            var value = upcast
                ? node.Deserialize(registration.Type, _options)
                : JsonSerializer.Deserialize(json.Span, registration.Type, _options);
            return value ?? throw new EventSerializationException(
                $"The payload of manifest '{manifest}' is JSON null; a stored event must be an object.");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new EventSerializationException(
                $"The JSON does not fit {registration.Type.FullName}: {e.Message}", e);
        }
    }

    private static JsonNode? ParseNode(SerializedPayload payload)
    {
        try
        {
            return JsonNode.Parse(payload.Json.Span);
        }
        catch (JsonException e)
        {
            throw new EventSerializationException($"The payload is not valid JSON: {e.Message}", e);
        }
    }
}
