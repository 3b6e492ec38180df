using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>The compaction algorithms (API §6).</summary>
internal sealed partial class Processor
{
    public JObject CompactDocument(JArray expanded, JToken? context, string? documentUrl, bool forceGraph = false)
    {
        var ctx = context is JObject co && co.TryGetValue("@context", out var inner) ? inner : context;
        var active = new ActiveContext(_options.Base ?? documentUrl);
        if (ctx is not null && ctx.Type != JTokenType.Null)
            active = ProcessContext(active, ctx, documentUrl ?? _options.Base);
        if (!_options.CompactToRelative) active.BaseIri = null;
        var compacted = Compact(active, null, expanded);
        JObject result;
        if (compacted is JArray arr)
        {
            result = arr.Count == 0 && !forceGraph ? [] : new JObject { [CompactIri(active, "@graph", vocab: true)!] = arr };
        }
        else if (compacted is JObject obj)
        {
            result = forceGraph && !_options.CompactArrays ? new JObject { [CompactIri(active, "@graph", vocab: true)!] = new JArray(obj) } : obj;
        }
        else
        {
            result = [];
        }
        if (ctx is not null && ctx.Type != JTokenType.Null && !(ctx is JObject e && e.Count == 0) && !(ctx is JArray ea && ea.Count == 0))
        {
            var ordered = new JObject { ["@context"] = ctx.DeepClone() };
            foreach (var p in result.Properties()) ordered[p.Name] = p.Value;
            result = ordered;
        }
        return result;
    }

    public JToken? Compact(ActiveContext active, string? activeProperty, JToken? element)
    {
        using var _ = Deeper();
        var typeScoped = active;
        if (element is null || Keywords.IsScalar(element) || element.Type == JTokenType.Null) return element;
        if (element is JArray arr)
        {
            var result = new JArray();
            foreach (var item in arr)
            {
                var c = Compact(active, activeProperty, item);
                if (c is not null && c.Type != JTokenType.Null) result.Add(c);
            }
            var def0 = active.Term(activeProperty);
            if (result.Count != 1 || !_options.CompactArrays || activeProperty is "@graph" or "@set"
                || (def0 is not null && (def0.HasContainer("@list") || def0.HasContainer("@set"))))
                return result;
            return result[0];
        }
        var element1 = (JObject)element;
        var scopedDef = active.Term(activeProperty);
        if (active.PreviousContext is not null && !element1.ContainsKey("@value") && !(element1.Count == 1 && element1.ContainsKey("@id")))
            active = active.PreviousContext;
        if (scopedDef is { HasContext: true })
            active = ProcessContext(active, scopedDef.Context, scopedDef.BaseUrl, overrideProtected: true);
        var propertyDef = active.Term(activeProperty);
        propertyDef = active.Term(activeProperty);
        if (element1.ContainsKey("@value") || (element1.Count == 1 && element1.ContainsKey("@id")))
        {
            var v = CompactValue(active, activeProperty, element1);
            if (Keywords.IsScalar(v) || propertyDef?.Type == "@json") return v;
        }
        if (Keywords.IsListObject(element1) && propertyDef is not null && propertyDef.HasContainer("@list"))
            return Compact(active, activeProperty, element1["@list"]);
        var insideReverse = activeProperty == "@reverse";
        var resultMap = new JObject();
        if (element1.TryGetValue("@type", out var types))
        {
            var compactedTypes = Keywords.AsArray(types).Select(t => CompactIri(typeScoped, (string)t!, vocab: true)!).ToList();
            foreach (var term in compactedTypes.Order(StringComparer.Ordinal))
                if (typeScoped.Term(term) is { HasContext: true } td)
                    active = ProcessContext(active, td.Context, td.BaseUrl, propagate: false);
        }
        IEnumerable<JProperty> entries = element1.Properties();
        entries = entries.OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var entry in entries.ToList())
        {
            var expandedProperty = entry.Name;
            var expandedValue = entry.Value;
            if (expandedProperty == "@id")
            {
                var cv = expandedValue.Type == JTokenType.String ? (JToken)CompactIri(active, (string)expandedValue!)! : expandedValue;
                resultMap[CompactIri(active, "@id", vocab: true)!] = cv;
                continue;
            }
            if (expandedProperty == "@type")
            {
                var compactedTypes = Keywords.AsArray(expandedValue).Select(t => (JToken)CompactIri(typeScoped, (string)t!, vocab: true)!).ToList();
                JToken cv = compactedTypes.Count == 1 ? compactedTypes[0] : new JArray(compactedTypes);
                var alias = CompactIri(active, "@type", vocab: true)!;
                var asArray = (!_options.Is10 && active.Term(alias) is { } ad && ad.HasContainer("@set")) || !_options.CompactArrays;
                AddValue(resultMap, alias, cv, asArray);
                continue;
            }
            if (expandedProperty == "@reverse")
            {
                var cv = (JObject)Compact(active, "@reverse", expandedValue)!;
                foreach (var p in cv.Properties().ToList())
                {
                    if (active.Term(p.Name) is { Reverse: true } rd)
                    {
                        var asArray = rd.HasContainer("@set") || !_options.CompactArrays;
                        AddValue(resultMap, p.Name, p.Value, asArray);
                        cv.Remove(p.Name);
                    }
                }
                if (cv.Count > 0) resultMap[CompactIri(active, "@reverse", vocab: true)!] = cv;
                continue;
            }
            if (expandedProperty == "@preserve") continue;
            if (expandedProperty == "@index" && propertyDef is not null && propertyDef.HasContainer("@index")) continue;
            if (expandedProperty is "@direction" or "@index" or "@language" or "@value")
            {
                resultMap[CompactIri(active, expandedProperty, vocab: true)!] = expandedValue.DeepClone();
                continue;
            }
            if (expandedValue is JArray { Count: 0 })
            {
                var itemProperty = CompactIri(active, expandedProperty, expandedValue, vocab: true, reverse: insideReverse)!;
                var nestResult = NestTarget(active, resultMap, itemProperty);
                AddValue(nestResult, itemProperty, new JArray(), true);
            }
            foreach (var expandedItem in Keywords.AsArray(expandedValue))
            {
                var itemProperty = CompactIri(active, expandedProperty, expandedItem, vocab: true, reverse: insideReverse)!;
                var nestResult = NestTarget(active, resultMap, itemProperty);
                var itemDef = active.Term(itemProperty);
                var container = itemDef?.Container ?? [];
                var asArray = container.Contains("@set") || itemProperty is "@graph" or "@list" || !_options.CompactArrays;
                var isList = Keywords.IsListObject(expandedItem);
                var isGraph = Keywords.IsGraphObject(expandedItem);
                var toCompact = isList ? expandedItem["@list"] : isGraph ? expandedItem["@graph"] : expandedItem;
                var compactedItem = Compact(active, itemProperty, toCompact);
                var ei = (JObject)expandedItem;
                if (isList)
                {
                    compactedItem = Keywords.AsArray(compactedItem);
                    if (!container.Contains("@list"))
                    {
                        var wrapper = new JObject { [CompactIri(active, "@list", vocab: true)!] = compactedItem };
                        if (ei.TryGetValue("@index", out var li)) wrapper[CompactIri(active, "@index", vocab: true)!] = li.DeepClone();
                        AddValue(nestResult, itemProperty, wrapper, asArray);
                    }
                    else
                    {
                        nestResult[itemProperty] = compactedItem;
                    }
                }
                else if (isGraph)
                {
                    if (container.Contains("@graph") && container.Contains("@id"))
                    {
                        var mapObject = MapObject(nestResult, itemProperty);
                        var mapKey = ei.TryGetValue("@id", out var gid) ? CompactIri(active, (string)gid!, vocab: false)! : CompactIri(active, "@none", vocab: true)!;
                        AddValue(mapObject, mapKey, compactedItem!, asArray);
                    }
                    else if (container.Contains("@graph") && container.Contains("@index") && Keywords.IsSimpleGraphObject(ei))
                    {
                        var mapObject = MapObject(nestResult, itemProperty);
                        var mapKey = ei.TryGetValue("@index", out var gi) ? (string)gi! : CompactIri(active, "@none", vocab: true)!;
                        AddValue(mapObject, mapKey, compactedItem!, asArray);
                    }
                    else if (container.Contains("@graph") && Keywords.IsSimpleGraphObject(ei))
                    {
                        if (compactedItem is JArray { Count: > 1 } many)
                            compactedItem = new JObject { [CompactIri(active, "@included", vocab: true)!] = many };
                        AddValue(nestResult, itemProperty, compactedItem!, asArray);
                    }
                    else
                    {
                        var wrapper = new JObject { [CompactIri(active, "@graph", vocab: true)!] = compactedItem };
                        if (ei.TryGetValue("@id", out var gid)) wrapper[CompactIri(active, "@id", vocab: true)!] = CompactIri(active, (string)gid!, vocab: false);
                        if (ei.TryGetValue("@index", out var gi)) wrapper[CompactIri(active, "@index", vocab: true)!] = gi.DeepClone();
                        AddValue(nestResult, itemProperty, wrapper, asArray);
                    }
                }
                else if ((container.Contains("@language") || container.Contains("@index") || container.Contains("@id") || container.Contains("@type")) && !container.Contains("@graph"))
                {
                    var mapObject = MapObject(nestResult, itemProperty);
                    var containerKey = CompactIri(active, container.Contains("@language") ? "@language" : container.Contains("@index") ? "@index" : container.Contains("@id") ? "@id" : "@type", vocab: true)!;
                    var indexKey = itemDef?.Index ?? "@index";
                    string? mapKey = null;
                    if (container.Contains("@language") && ei.ContainsKey("@value"))
                    {
                        compactedItem = ei["@value"]!.DeepClone();
                        mapKey = Keywords.Str(ei["@language"]);
                    }
                    else if (container.Contains("@index") && indexKey == "@index")
                    {
                        mapKey = Keywords.Str(ei["@index"]);
                    }
                    else if (container.Contains("@index"))
                    {
                        containerKey = active.Terms.ContainsKey(indexKey) ? indexKey : CompactIri(active, ExpandIri(active, indexKey, vocab: true), vocab: true)!;
                        if (compactedItem is JObject cio && cio.TryGetValue(containerKey, out var kv))
                        {
                            var values = Keywords.AsArray(kv).ToList();
                            if (values.Count > 0 && values[0].Type == JTokenType.String)
                            {
                                mapKey = (string)values[0]!;
                                cio.Remove(containerKey);
                                foreach (var rest in values.Skip(1)) AddValue(cio, containerKey, rest, false);
                            }
                        }
                    }
                    else if (container.Contains("@id"))
                    {
                        if (compactedItem is JObject cio && cio.TryGetValue(containerKey, out var kv))
                        {
                            mapKey = Keywords.Str(kv);
                            cio.Remove(containerKey);
                        }
                    }
                    else
                    {
                        if (compactedItem is JObject cio && cio.TryGetValue(containerKey, out var kv))
                        {
                            var values = Keywords.AsArray(kv).ToList();
                            mapKey = values.Count > 0 ? Keywords.Str(values[0]) : null;
                            cio.Remove(containerKey);
                            foreach (var rest in values.Skip(1)) AddValue(cio, containerKey, rest, false);
                            if (cio.Count == 1 && ExpandIri(active, cio.Properties().First().Name, vocab: true) == "@id")
                                compactedItem = Compact(active, itemProperty, new JObject { ["@id"] = ei["@id"]!.DeepClone() });
                        }
                    }
                    mapKey ??= CompactIri(active, "@none", vocab: true)!;
                    AddValue(mapObject, mapKey, compactedItem!, asArray);
                }
                else
                {
                    AddValue(nestResult, itemProperty, compactedItem!, asArray);
                }
            }
        }
        return resultMap;
    }

    private static JObject MapObject(JObject parent, string key)
    {
        if (parent[key] is JObject m) return m;
        m = new JObject();
        parent[key] = m;
        return m;
    }

    private JObject NestTarget(ActiveContext active, JObject result, string itemProperty)
    {
        var nest = active.Term(itemProperty)?.Nest;
        if (nest is null) return result;
        if (nest != "@nest" && ExpandIri(active, nest, vocab: true) != "@nest")
            throw Err("invalid @nest value", $"The @nest of {itemProperty} does not name @nest.");
        return MapObject(result, nest);
    }

    private static void AddValue(JObject target, string key, JToken value, bool asArray)
    {
        if (asArray && target[key] is { } existing && existing is not JArray) target[key] = new JArray(existing);
        if (value is JArray va)
        {
            if (va.Count == 0 && asArray && target[key] is null) target[key] = new JArray();
            foreach (var v in va.ToList()) AddValue(target, key, v, asArray);
            return;
        }
        if (!target.TryGetValue(key, out var current))
        {
            target[key] = asArray ? new JArray(value) : value;
        }
        else
        {
            if (current is not JArray ca)
            {
                ca = new JArray(current);
                target[key] = ca;
            }
            ca.Add(value);
        }
    }

    /// <summary>IRI compaction (API §6.2).</summary>
    private string? CompactIri(ActiveContext active, string? iri, JToken? value = null, bool vocab = false, bool reverse = false)
    {
        if (iri is null) return null;
        active.Inverse ??= InverseContext.Create(active);
        var inverse = active.Inverse;
        if (vocab && inverse.Map.TryGetValue(iri, out var containerMap))
        {
            var defaultLanguage = active.DefaultDirection is not null
                ? (active.DefaultLanguage ?? "") + "_" + active.DefaultDirection
                : active.DefaultLanguage ?? "@none";
            var containers = new List<string>();
            var typeLanguage = "@language";
            string? typeLanguageValue = "@null";
            var vo = value as JObject;
            if (vo is not null && vo.ContainsKey("@index") && !Keywords.IsGraphObject(vo))
                containers.AddRange(["@index", "@index@set"]);
            if (reverse)
            {
                typeLanguage = "@type";
                typeLanguageValue = "@reverse";
                containers.Add("@set");
            }
            else if (Keywords.IsListObject(vo))
            {
                if (!vo!.ContainsKey("@index")) containers.Add("@list");
                var list = (JArray)vo["@list"]!;
                string? commonType = null, commonLanguage = null;
                if (list.Count == 0) commonLanguage = defaultLanguage;
                foreach (var item in list)
                {
                    var itemLanguage = "@none";
                    var itemType = "@none";
                    if (item is JObject io && io.ContainsKey("@value"))
                    {
                        if (io.TryGetValue("@direction", out var d))
                            itemLanguage = (Keywords.Str(io["@language"]) ?? "") + "_" + (string)d!;
                        else if (io.TryGetValue("@language", out var l)) itemLanguage = (string)l!;
                        else if (io.TryGetValue("@type", out var t)) itemType = (string)t!;
                        else itemLanguage = "@null";
                    }
                    else
                    {
                        itemType = "@id";
                    }
                    if (commonLanguage is null) commonLanguage = itemLanguage;
                    else if (itemLanguage != commonLanguage && Keywords.IsValueObject(item)) commonLanguage = "@none";
                    if (commonType is null) commonType = itemType;
                    else if (itemType != commonType) commonType = "@none";
                    if (commonLanguage == "@none" && commonType == "@none") break;
                }
                commonLanguage ??= "@none";
                commonType ??= "@none";
                if (commonType != "@none")
                {
                    typeLanguage = "@type";
                    typeLanguageValue = commonType;
                }
                else
                {
                    typeLanguageValue = commonLanguage;
                }
            }
            else if (Keywords.IsGraphObject(vo))
            {
                if (vo!.ContainsKey("@index")) containers.AddRange(["@graph@index", "@graph@index@set"]);
                if (vo.ContainsKey("@id")) containers.AddRange(["@graph@id", "@graph@id@set"]);
                containers.AddRange(["@graph", "@graph@set", "@set"]);
                if (!vo.ContainsKey("@index")) containers.AddRange(["@graph@index", "@graph@index@set"]);
                if (!vo.ContainsKey("@id")) containers.AddRange(["@graph@id", "@graph@id@set"]);
                containers.AddRange(["@index", "@index@set"]);
                typeLanguage = "@type";
                typeLanguageValue = "@id";
            }
            else
            {
                if (vo is not null && vo.ContainsKey("@value"))
                {
                    if (vo.TryGetValue("@direction", out var d) && !vo.ContainsKey("@index"))
                    {
                        typeLanguageValue = (Keywords.Str(vo["@language"]) ?? "") + "_" + (string)d!;
                        containers.AddRange(["@language", "@language@set"]);
                    }
                    else if (vo.TryGetValue("@language", out var l) && !vo.ContainsKey("@index"))
                    {
                        typeLanguageValue = (string)l!;
                        containers.AddRange(["@language", "@language@set"]);
                    }
                    else if (vo.TryGetValue("@type", out var t))
                    {
                        typeLanguageValue = (string)t!;
                        typeLanguage = "@type";
                    }
                }
                else
                {
                    typeLanguage = "@type";
                    typeLanguageValue = "@id";
                    containers.AddRange(["@id", "@id@set", "@type", "@set@type"]);
                }
                containers.Add("@set");
            }
            containers.Add("@none");
            if (!_options.Is10 && (vo is null || !vo.ContainsKey("@index")))
                containers.AddRange(["@index", "@index@set"]);
            if (!_options.Is10 && vo is not null && vo.Count == 1 && vo.ContainsKey("@value"))
                containers.AddRange(["@language", "@language@set"]);
            typeLanguageValue ??= "@null";
            var preferred = new List<string>();
            if (typeLanguageValue == "@reverse") preferred.Add("@reverse");
            if (typeLanguageValue is "@id" or "@reverse" && vo is not null && vo.TryGetValue("@id", out var vid) && vid.Type == JTokenType.String)
            {
                var compactedId = CompactIri(active, (string)vid!, vocab: true);
                if (active.Term(compactedId) is { } cd && cd.Iri == (string)vid!)
                    preferred.AddRange(["@vocab", "@id", "@none"]);
                else
                    preferred.AddRange(["@id", "@vocab", "@none"]);
            }
            else
            {
                preferred.AddRange([typeLanguageValue, "@none"]);
                if (Keywords.IsListObject(vo) && vo!["@list"] is JArray { Count: 0 }) typeLanguage = "@any";
            }
            preferred.Add("@any");
            foreach (var p in preferred.ToList())
            {
                var u = p.IndexOf('_', StringComparison.Ordinal);
                if (u >= 0) preferred.Add(p[u..]);
            }
            foreach (var container in containers)
            {
                if (!containerMap.TryGetValue(container, out var tlMap)) continue;
                var valueMap = tlMap[typeLanguage];
                foreach (var p in preferred)
                    if (valueMap.TryGetValue(p, out var term)) return term;
            }
        }
        if (vocab && active.Vocab is not null && iri.StartsWith(active.Vocab, StringComparison.Ordinal) && iri.Length > active.Vocab.Length)
        {
            var suffix = iri[active.Vocab.Length..];
            if (!active.Terms.ContainsKey(suffix)) return suffix;
        }
        string? compactIri = null;
        foreach (var (term, def) in active.Terms)
        {
            if (def.Iri is null || def.Iri == iri || !iri.StartsWith(def.Iri, StringComparison.Ordinal) || !def.Prefix) continue;
            // IRI expansion (API §5.2, step 6.2) takes a suffix starting with "//" as an absolute IRI (and prefix "_"
            // as a blank node), so such a candidate would not read back as this IRI.
            if (term == "_" || iri.AsSpan(def.Iri.Length).StartsWith("//", StringComparison.Ordinal)) continue;
            var candidate = term + ":" + iri[def.Iri.Length..];
            var better = compactIri is null || candidate.Length < compactIri.Length
                || (candidate.Length == compactIri.Length && string.CompareOrdinal(candidate, compactIri) < 0);
            if (better && (!active.Terms.TryGetValue(candidate, out var cdef) || (cdef.Iri == iri && value is null)))
                compactIri = candidate;
        }
        if (compactIri is not null) return compactIri;
        var colon = iri.IndexOf(':');
        if (colon > 0 && active.Terms.TryGetValue(iri[..colon], out var schemeDef) && schemeDef.Prefix
            && !iri[(colon + 1)..].StartsWith("//", StringComparison.Ordinal))
            throw Err("IRI confused with prefix", $"The IRI {iri} would be read as a compact IRI with prefix {iri[..colon]}.");
        if (!vocab && active.BaseIri is not null && _options.CompactToRelative) return RelativeIri.Make(active.BaseIri, iri);
        return iri;
    }

    /// <summary>Value compaction (API §6.3).</summary>
    private JToken CompactValue(ActiveContext active, string? activeProperty, JObject value)
    {
        var def = active.Term(activeProperty);
        var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
        var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
        var container = def?.Container ?? [];
        if (value.Count == 1 && value.ContainsKey("@id"))
        {
            var id = (string)value["@id"]!;
            if (def?.Type == "@id") return CompactIri(active, id)!;
            if (def?.Type == "@vocab") return CompactIri(active, id, vocab: true)!;
            return new JObject { [CompactIri(active, "@id", vocab: true)!] = CompactIri(active, id)! };
        }
        JToken result = value;
        var type = Keywords.Str(value["@type"]);
        var v = value["@value"]!;
        if (value.ContainsKey("@type") && type == def?.Type && (!value.ContainsKey("@index") || container.Contains("@index")))
        {
            result = v.DeepClone();
        }
        else if (def?.Type == "@none" || (value.ContainsKey("@type") && type != def?.Type))
        {
            var copy = (JObject)value.DeepClone();
            if (copy.TryGetValue("@type", out var t))
                copy["@type"] = t is JArray ta ? new JArray(ta.Select(x => (JToken)CompactIri(active, (string)x!, vocab: true)!)) : CompactIri(active, (string)t!, vocab: true);
            result = copy;
        }
        else if (v.Type != JTokenType.String)
        {
            if ((value.ContainsKey("@index") && container.Contains("@index")) || !value.ContainsKey("@index"))
                result = v.DeepClone();
        }
        else if (string.Equals(Keywords.Str(value["@language"]), language, StringComparison.OrdinalIgnoreCase)
                 && Keywords.Str(value["@direction"]) == direction)
        {
            if (!value.ContainsKey("@index") || container.Contains("@index")) result = v.DeepClone();
        }
        if (result is JObject ro)
        {
            var aliased = new JObject();
            foreach (var p in ro.Properties())
            {
                if (p.Name == "@index" && container.Contains("@index")) continue;
                aliased[CompactIri(active, p.Name, vocab: true)!] = p.Value.DeepClone();
            }
            return aliased;
        }
        return result;
    }
}
