using System.Text;

namespace Agents.Hocon.Resolution;

/// <summary>
/// Replaces substitutions with the values they name, after parsing and merging are complete.
/// Lookups start at the root and resolve only the values along their path; every resolved node is
/// memoized, so each substitution occurrence is resolved once. A field defined in terms of itself
/// (<c>a = ${a} x</c>, <c>a += x</c>) looks back at its earlier definitions: while one definition of a
/// key is resolved, a lookup that reaches that key sees only the definitions below it.
/// </summary>
internal sealed class SubstitutionResolver
{
    private readonly HoconObject _root;
    private readonly HoconResolveOptions _options;
    private readonly Dictionary<HoconValue, HoconValue?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconValue> _active = new(ReferenceEqualityComparer.Instance);
    // For a value being resolved: what a lookup reaching it sees instead (null: nothing, the
    // self-reference has no earlier value).
    private readonly Dictionary<HoconValue, HoconValue?> _lookBack = new(ReferenceEqualityComparer.Instance);
    private readonly List<HoconSubstitution> _chain = [];
    private HoconValue? _selfReferenceMiss;
    private readonly bool _inPlace;

    private SubstitutionResolver(HoconObject root, HoconResolveOptions options, bool inPlace)
    {
        _root = root;
        _options = options;
        _inPlace = inPlace;
    }

    /// <summary>
    /// Resolves <paramref name="root"/>, looking substitutions up from it. With
    /// <paramref name="inPlace"/>, objects and arrays are updated rather than copied: only for a tree
    /// fresh from the parser that nothing else references yet.
    /// </summary>
    public static HoconValue Resolve(HoconValue root, HoconResolveOptions options, bool inPlace = false)
    {
        if (!root.NeedsResolution)
        {
            return root;
        }
        var lookupRoot = root as HoconObject ?? new HoconObject(root, 0);
        var resolver = new SubstitutionResolver(lookupRoot, options, inPlace);
        return resolver.ResolveValue(root) ?? new HoconObject(root, 0);
    }

    private HoconValue? ResolveValue(HoconValue value)
    {
        if (!value.NeedsResolution)
        {
            return value;
        }
        if (_memo.TryGetValue(value, out var done))
        {
            return done;
        }
        if (_active.Contains(value))
        {
            throw new ResolutionCycleException(value);
        }
        StackGuard.Ensure(value, "resolving substitutions");
        _active.Add(value);
        HoconValue? result;
        try
        {
            result = value switch
            {
                HoconObject obj => ResolveObject(obj),
                HoconArray array => ResolveArray(array),
                HoconSubstitution substitution => ResolveSubstitution(substitution),
                HoconConcatenation concatenation => ResolveConcatenation(concatenation),
                HoconDelayedMerge merge => ResolveMerge(merge),
                _ => value,
            };
        }
        finally
        {
            _active.Remove(value);
        }
        _memo[value] = result;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj)
    {
        if (_inPlace)
        {
            for (var i = 0; i < obj.Count; i++)
            {
                // A scalar the parser kept as text needs nothing.
                if (obj.BuiltValueAt(i) is not { } value)
                {
                    continue;
                }
                var resolved = ResolveValue(value);
                if (resolved is null)
                {
                    obj.RemoveAt(i--);
                }
                else if (!ReferenceEquals(resolved, value))
                {
                    obj.SetValueAt(i, resolved);
                }
            }
            obj.ClearNeedsResolution();
            return obj;
        }
        HoconObject? changed = null;
        for (var i = 0; i < obj.Count; i++)
        {
            var value = obj.BuiltValueAt(i);
            var resolved = value is null ? null : ResolveValue(value);
            if (value is null || (changed is null && ReferenceEquals(resolved, value)))
            {
                changed?.SetFrom(-1, obj, i);
                continue;
            }
            if (changed is null)
            {
                changed = obj.EmptyLike(obj.Count);
                for (var j = 0; j < i; j++)
                {
                    changed.SetFrom(-1, obj, j);
                }
            }
            if (resolved is not null)
            {
                changed.Append(obj.KeyAt(i), resolved);
            }
        }
        if (changed is null)
        {
            obj.ClearNeedsResolution();
            return obj;
        }
        return changed;
    }

    private HoconArray ResolveArray(HoconArray array)
    {
        if (_inPlace)
        {
            for (var i = 0; i < array.Count; i++)
            {
                if (array.BuiltItemAt(i) is not { } item)
                {
                    continue;
                }
                var resolved = ResolveValue(item);
                if (resolved is null)
                {
                    array.RemoveAt(i--);
                }
                else if (!ReferenceEquals(resolved, item))
                {
                    array.SetItemAt(i, resolved);
                }
            }
            array.ClearNeedsResolution();
            return array;
        }
        HoconArray? changed = null;
        for (var i = 0; i < array.Count; i++)
        {
            var item = array.BuiltItemAt(i);
            var resolved = item is null ? null : ResolveValue(item);
            if (item is null || (changed is null && ReferenceEquals(resolved, item)))
            {
                changed?.AddFrom(array, i);
                continue;
            }
            if (changed is null)
            {
                changed = new HoconArray(array, array.Count);
                for (var j = 0; j < i; j++)
                {
                    changed.AddFrom(array, j);
                }
            }
            if (resolved is not null)
            {
                changed.Add(resolved);
            }
        }
        if (changed is null)
        {
            array.ClearNeedsResolution();
            return array;
        }
        return changed;
    }

    private HoconValue? ResolveMerge(HoconDelayedMerge merge)
    {
        var stack = merge.StackArray;
        HoconValue? merged = null;
        try
        {
            for (var i = 0; i < stack.Length; i++)
            {
                _lookBack[merge] = Remainder(stack, i + 1);
                var resolved = ResolveValue(stack[i]);
                if (resolved is null)
                {
                    continue;
                }
                if (merged is null)
                {
                    merged = resolved;
                    if (resolved is not HoconObject)
                    {
                        break;
                    }
                }
                else if (resolved is HoconObject lower)
                {
                    merged = ValueMerge.Merge(merged, lower);
                }
                else
                {
                    break;
                }
            }
        }
        finally
        {
            _lookBack.Remove(merge);
        }
        return merged;
    }

    private static HoconValue? Remainder(HoconValue[] stack, int from) =>
        from >= stack.Length ? null : from == stack.Length - 1 ? stack[from] : new HoconDelayedMerge(stack[from..]);

    private HoconValue? ResolveConcatenation(HoconConcatenation concatenation)
    {
        var pieces = concatenation.PieceArray;
        var parts = new List<HoconValue>(pieces.Length);
        var several = 0;
        foreach (var piece in pieces)
        {
            if (piece is not HoconString { IsSeparator: true })
            {
                several++;
            }
        }
        _lookBack[concatenation] = null;
        try
        {
            var defined = 0;
            foreach (var piece in pieces)
            {
                if (piece is HoconString { IsSeparator: true })
                {
                    parts.Add(piece);
                    continue;
                }
                var resolved = ResolveValue(piece);
                if (resolved is null)
                {
                    continue;
                }
                if (resolved is HoconNull && several > 1)
                {
                    // A substitution that is null adds nothing to a string.
                    resolved = new HoconString("", resolved, StringKind.Unquoted);
                }
                parts.Add(resolved);
                defined++;
            }
            return defined == 0 ? null : Concatenation.Join(parts, inPlace: false);
        }
        finally
        {
            _lookBack.Remove(concatenation);
        }
    }

    private HoconValue? ResolveSubstitution(HoconSubstitution substitution)
    {
        if (_chain.Count >= _options.MaxDepth)
        {
            throw new HoconException(substitution.Origin,
                $"more than {_options.MaxDepth} substitutions lead from one to the next at {substitution.Expression}; shorten the chain or raise HoconResolveOptions.MaxDepth");
        }
        _lookBack[substitution] = null;
        _chain.Add(substitution);
        var outerMiss = _selfReferenceMiss;
        _selfReferenceMiss = null;
        try
        {
            HoconValue? found;
            try
            {
                found = Lookup(substitution.Path.Elements);
                if (found is null && substitution.PrefixLength > 0)
                {
                    found = Lookup(substitution.UnprefixedPath);
                }
            }
            catch (ResolutionCycleException cycle)
            {
                if (substitution.IsOptional)
                {
                    return null;
                }
                throw new HoconException(substitution.Origin,
                    $"cannot resolve {substitution.Expression}: it is part of a cycle of substitutions ({DescribeChain()}) through the value defined at {cycle.Value.Origin}; break the cycle");
            }
            if (found is not null)
            {
                return found;
            }
            var selfMiss = _selfReferenceMiss;
            if (_options.UseEnvironmentVariables)
            {
                var name = string.Join('.', substitution.UnprefixedPath);
                var env = _options.EnvironmentLookup(name);
                if (env is not null)
                {
                    return new HoconString(env, HoconSource.Fixed(new HoconOrigin("env var " + name, 0, 0)), 0, StringKind.Quoted);
                }
            }
            if (substitution.IsOptional)
            {
                return null;
            }
            throw new HoconException(substitution.Origin, MissingReason(substitution, selfMiss));
        }
        finally
        {
            _selfReferenceMiss = outerMiss;
            _chain.RemoveAt(_chain.Count - 1);
            _lookBack.Remove(substitution);
        }
    }

    private string MissingReason(HoconSubstitution substitution, HoconValue? selfMiss)
    {
        var environment = _options.UseEnvironmentVariables ? " nor in the environment" : "";
        if (selfMiss is null)
        {
            return $"could not resolve substitution {substitution.Expression}: '{substitution.Path}' is not set in the configuration{environment}; set it, or write ${{?...}} to make it optional";
        }
        if (ReferenceEquals(selfMiss, substitution) || _chain.Count == 1)
        {
            return $"could not resolve substitution {substitution.Expression}: it refers to the field it defines and there is no earlier value to build on{environment}; define '{substitution.Path}' before this line, or write ${{?...}}";
        }
        return $"could not resolve substitution {substitution.Expression}: it is part of a cycle of substitutions ({DescribeChain()}) and no earlier value breaks it{environment}; break the cycle";
    }

    private string DescribeChain()
    {
        var sb = new StringBuilder();
        foreach (var s in _chain)
        {
            if (sb.Length > 0)
            {
                sb.Append(" -> ");
            }
            sb.Append(s.Expression).Append(" at ").Append(s.Origin);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Finds the fully resolved value at <paramref name="path"/>, resolving only what lies on the way.
    /// Null when the path is not set.
    /// </summary>
    private HoconValue? Lookup(string[] path)
    {
        HoconValue? current = _root;
        for (var i = 0; ; i++)
        {
            current = Settle(current!, final: i == path.Length);
            if (current is null || i == path.Length)
            {
                return current;
            }
            if (current is not HoconObject obj || !obj.TryGetValue(path[i], out var next))
            {
                return null;
            }
            current = next;
        }
    }

    /// <summary>
    /// Makes a node's type known: objects on the way are walked as they are (so an object may refer
    /// to its own fields), anything else is resolved. A node being resolved is replaced by what lies
    /// below it; with nothing below, the lookup misses.
    /// </summary>
    private HoconValue? Settle(HoconValue node, bool final)
    {
        while (true)
        {
            if (!node.NeedsResolution || (!final && node is HoconObject))
            {
                return node;
            }
            if (_active.Contains(node))
            {
                if (!_lookBack.TryGetValue(node, out var below))
                {
                    throw new ResolutionCycleException(node);
                }
                if (below is null)
                {
                    _selfReferenceMiss ??= node;
                    return null;
                }
                node = below;
                continue;
            }
            return ResolveValue(node);
        }
    }
}
