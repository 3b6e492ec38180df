using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>The expansion algorithm (API §5).</summary>
internal sealed partial class Processor
{
    public JToken? Expand(ActiveContext active, string? activeProperty, JToken? element, string? baseUrl, bool fromMap = false)
    {
        using var _ = Deeper();
        if (Keywords.IsNull(element)) return null;
        if (element is Newtonsoft.Json.IJsonLineInfo li && li.HasLineInfo()) At = element;
        var propertyDef = active.Term(activeProperty);
        if (Keywords.IsScalar(element))
        {
            if (activeProperty is null or "@graph") return null;
            if (propertyDef is { HasContext: true })
                active = ProcessContext(active, propertyDef.Context, propertyDef.BaseUrl, overrideProtected: true);
            return ExpandValue(active, activeProperty, element!);
        }
        if (element is JArray array)
        {
            var result = new JArray();
            foreach (var item in array)
            {
                var expanded = Expand(active, activeProperty, item, baseUrl, fromMap);
                if (propertyDef is not null && propertyDef.HasContainer("@list") && expanded is JArray ea)
                    expanded = new JObject { ["@list"] = ea };
                if (expanded is JArray inner)
                    foreach (var i in inner) result.Add(i);
                else if (expanded is not null) result.Add(expanded);
            }
            return result;
        }
        if (element is not JObject obj) return null;

        if (active.PreviousContext is not null && !fromMap)
        {
            var keepsContext = false;
            foreach (var p in obj.Properties())
            {
                var e = ExpandIri(active, p.Name, vocab: true);
                if (e == "@value") { keepsContext = true; break; }
            }
            if (!keepsContext && obj.Count == 1 && ExpandIri(active, obj.Properties().First().Name, vocab: true) == "@id") keepsContext = true;
            if (!keepsContext) active = active.PreviousContext;
        }
        if (propertyDef is { HasContext: true })
            active = ProcessContext(active, propertyDef.Context, propertyDef.BaseUrl, overrideProtected: true);
        if (obj.TryGetValue("@context", out var localContext))
            active = ProcessContext(active, localContext, baseUrl);
        var typeScoped = active;
        string? inputType = null;
        foreach (var p in obj.Properties().OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (ExpandIri(active, p.Name, vocab: true) != "@type") continue;
            var types = Keywords.AsArray(p.Value).Where(t => t.Type == JTokenType.String).Select(t => (string)t!).ToList();
            foreach (var t in types.OrderBy(t => t, StringComparer.Ordinal))
                if (typeScoped.Term(t) is { HasContext: true } td)
                    active = ProcessContext(active, td.Context, td.BaseUrl, propagate: false);
            if (inputType is null && types.Count > 0)
                inputType = ExpandIri(active, types[^1], vocab: true);
            inputType ??= "";
        }
        if (inputType == "") inputType = null;

        var resultMap = new JObject();
        var nests = new List<string>();
        ExpandEntries(active, typeScoped, activeProperty, obj, resultMap, baseUrl, inputType, nests);
        JToken? result2 = resultMap;
        var r = resultMap;

        if (r.TryGetValue("@value", out var value))
        {
            foreach (var p in r.Properties())
                if (p.Name is not ("@direction" or "@index" or "@language" or "@type" or "@value"))
                    throw Err("invalid value object", $"A value object cannot contain {p.Name}.");
            if (r.ContainsKey("@type") && (r.ContainsKey("@language") || r.ContainsKey("@direction")))
                throw Err("invalid value object", "A value object cannot have both @type and @language or @direction.");
            var type = r["@type"];
            if (type?.Type == JTokenType.String && (string)type! == "@json")
            {
                // any JSON value
            }
            else if (Keywords.IsNull(value))
            {
                return null;
            }
            else if (value.Type != JTokenType.String && r.ContainsKey("@language"))
            {
                throw Err("invalid language-tagged value", "A language-tagged value must be a string.");
            }
            else if (type is not null && (type.Type != JTokenType.String || !IsWellFormedIri((string)type!)))
            {
                throw Err("invalid typed value", "The @type of a value must be an IRI.");
            }
        }
        else if (r.TryGetValue("@type", out var rt) && rt is not JArray)
        {
            r["@type"] = new JArray(rt);
        }
        else if (r.ContainsKey("@set") || r.ContainsKey("@list"))
        {
            if (r.Count > 2 || (r.Count == 2 && !r.ContainsKey("@index")))
                throw Err("invalid set or list object", "A @set or @list object may only also contain @index.");
            if (r.TryGetValue("@set", out var set)) result2 = set;
        }
        if (result2 is JObject rm && rm.Count == 1 && rm.ContainsKey("@language")) return null;
        if (activeProperty is null or "@graph" && result2 is JObject top)
        {
            if (top.Count == 0 || top.ContainsKey("@value") || top.ContainsKey("@list")) return null;
            if (top.Count == 1 && top.ContainsKey("@id")) return null;
        }
        return result2;
    }

    private void ExpandEntries(ActiveContext active, ActiveContext typeScoped, string? activeProperty, JObject element,
        JObject result, string? baseUrl, string? inputType, List<string> nests)
    {
        IEnumerable<JProperty> entries = element.Properties();
        if (_options.Ordered) entries = entries.OrderBy(p => p.Name, StringComparer.Ordinal);
        foreach (var entry in entries.ToList())
        {
            var key = entry.Name;
            var value = entry.Value;
            if (((Newtonsoft.Json.IJsonLineInfo)entry).HasLineInfo()) At = entry;
            if (key == "@context") continue;
            var expandedProperty = ExpandIri(active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':') && !Keywords.IsKeyword(expandedProperty))) continue;
            JToken? expandedValue = null;
            if (Keywords.IsKeyword(expandedProperty))
            {
                if (activeProperty == "@reverse") throw Err("invalid reverse property map", "A reverse property map cannot contain keywords.");
                if (result.ContainsKey(expandedProperty) && expandedProperty is not ("@included" or "@type"))
                    throw Err("colliding keywords", $"{expandedProperty} appears more than once.");
                switch (expandedProperty)
                {
                    case "@id":
                        if (value.Type != JTokenType.String) throw Err("invalid @id value", "@id must be a string.");
                        expandedValue = ExpandIri(active, (string)value!, documentRelative: true) is { } idIri ? idIri : JValue.CreateNull();
                        break;
                    case "@type":
                    {
                        if (value.Type != JTokenType.String && !(value is JArray ta && ta.All(t => t.Type == JTokenType.String)))
                            throw Err("invalid type value", "@type must be a string or an array of strings.");
                        var types = Keywords.AsArray(value).Select(t => ExpandIri(typeScoped, (string)t!, documentRelative: true, vocab: true))
                            .Where(t => t is not null).Select(t => (JToken)t!).ToList();
                        expandedValue = value is JArray ? new JArray(types) : types.Count == 1 ? types[0] : new JArray(types);
                        if (result.TryGetValue("@type", out var existing))
                        {
                            var merged = Keywords.AsArray(existing).ToList();
                            merged.AddRange(Keywords.AsArray(expandedValue));
                            expandedValue = new JArray(merged);
                        }
                        break;
                    }
                    case "@graph":
                        expandedValue = Keywords.AsArray(Expand(active, "@graph", value, baseUrl));
                        break;
                    case "@included":
                    {
                        if (_options.Is10) continue;
                        var includedValue = Expand(active, activeProperty, value, baseUrl);
                        var included = includedValue is null ? new JArray(JValue.CreateNull()) : Keywords.AsArray(includedValue);
                        if (included.Any(i => !Keywords.IsNodeObject(i) || i is not JObject))
                            throw Err("invalid @included value", "@included must contain node objects.");
                        if (result.TryGetValue("@included", out var prev))
                        {
                            var all = new JArray(Keywords.AsArray(prev).ToList());
                            foreach (var i in included) all.Add(i);
                            included = all;
                        }
                        expandedValue = included;
                        break;
                    }
                    case "@value":
                        if (inputType == "@json")
                        {
                            if (_options.Is10) throw Err("invalid value object value", "@json is not allowed in json-ld-1.0 mode.");
                            expandedValue = value.DeepClone();
                        }
                        else if (!Keywords.IsNull(value) && !Keywords.IsScalar(value))
                        {
                            throw Err("invalid value object value", "@value must be a string, number, boolean or null.");
                        }
                        else
                        {
                            expandedValue = value.DeepClone();
                        }
                        result["@value"] = expandedValue;
                        continue;
                    case "@language":
                        if (value.Type != JTokenType.String) throw Err("invalid language-tagged string", "@language must be a string.");
                        expandedValue = ((string)value!).ToLowerInvariant();
                        break;
                    case "@direction":
                        if (_options.Is10) continue;
                        if (value.Type != JTokenType.String || ((string)value! is not "ltr" and not "rtl"))
                            throw Err("invalid base direction", "@direction must be \"ltr\" or \"rtl\".");
                        expandedValue = value.DeepClone();
                        break;
                    case "@index":
                        if (value.Type != JTokenType.String) throw Err("invalid @index value", "@index must be a string.");
                        expandedValue = value.DeepClone();
                        break;
                    case "@list":
                        if (activeProperty is null or "@graph") continue;
                        expandedValue = Keywords.AsArray(Expand(active, activeProperty, value, baseUrl));
                        break;
                    case "@set":
                        expandedValue = Expand(active, activeProperty, value, baseUrl);
                        break;
                    case "@reverse":
                    {
                        if (value is not JObject) throw Err("invalid @reverse value", "@reverse must be an object.");
                        var ev = Expand(active, "@reverse", value, baseUrl) as JObject;
                        if (ev is null) continue;
                        if (ev.TryGetValue("@reverse", out var doubleReverse))
                            foreach (var p in ((JObject)doubleReverse).Properties())
                                AddValues(result, p.Name, p.Value);
                        if (ev.Properties().Any(p => p.Name != "@reverse"))
                        {
                            var reverseMap = MapEntry(result, "@reverse");
                            foreach (var p in ev.Properties())
                            {
                                if (p.Name == "@reverse") continue;
                                foreach (var item in Keywords.AsArray(p.Value))
                                {
                                    if (Keywords.IsValueObject(item) || Keywords.IsListObject(item))
                                        throw Err("invalid reverse property value", "A reverse property cannot take values or lists.");
                                    AddValues(reverseMap, p.Name, item);
                                }
                            }
                        }
                        continue;
                    }
                    case "@nest":
                        nests.Add(key);
                        continue;
                    default:
                        continue;
                }
                if (expandedValue is not null) result[expandedProperty] = expandedValue;
                continue;
            }

            var def = active.Term(key);
            if (def is { Type: "@json" })
            {
                expandedValue = new JObject { ["@value"] = value.DeepClone(), ["@type"] = "@json" };
            }
            else if (def is not null && def.HasContainer("@language") && value is JObject langMap)
            {
                var arr = new JArray();
                var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
                IEnumerable<JProperty> langs = langMap.Properties();
                if (_options.Ordered) langs = langs.OrderBy(p => p.Name, StringComparer.Ordinal);
                foreach (var lp in langs)
                {
                    foreach (var item in Keywords.AsArray(lp.Value))
                    {
                        if (Keywords.IsNull(item)) continue;
                        if (item.Type != JTokenType.String) throw Err("invalid language map value", "Language map values must be strings.");
                        var v = new JObject { ["@value"] = item.DeepClone() };
                        if (lp.Name != "@none" && ExpandIri(active, lp.Name, vocab: true) != "@none")
                            v["@language"] = lp.Name.ToLowerInvariant();
                        if (direction is not null) v["@direction"] = direction;
                        arr.Add(v);
                    }
                }
                expandedValue = arr;
            }
            else if (def is not null && (def.HasContainer("@index") || def.HasContainer("@type") || def.HasContainer("@id")) && value is JObject indexMap)
            {
                var arr = new JArray();
                var indexKey = def.Index ?? "@index";
                IEnumerable<JProperty> indexes = indexMap.Properties();
                if (_options.Ordered) indexes = indexes.OrderBy(p => p.Name, StringComparer.Ordinal);
                foreach (var ip in indexes)
                {
                    var index = ip.Name;
                    var mapContext = active;
                    if (def.HasContainer("@id") || def.HasContainer("@type"))
                        mapContext = active.PreviousContext ?? active;
                    if (def.HasContainer("@type") && mapContext.Term(index) is { HasContext: true } itd)
                        mapContext = ProcessContext(mapContext, itd.Context, itd.BaseUrl);
                    else if (!(def.HasContainer("@id") || def.HasContainer("@type")))
                        mapContext = active;
                    var expandedIndex = ExpandIri(active, index, vocab: true);
                    var items = Keywords.AsArray(Expand(mapContext, key, Keywords.AsArray(ip.Value), baseUrl, fromMap: true));
                    foreach (var item0 in items)
                    {
                        var item = item0;
                        if (def.HasContainer("@graph") && !Keywords.IsGraphObject(item))
                            item = new JObject { ["@graph"] = Keywords.AsArray(item) };
                        var io = (JObject)item;
                        if (def.HasContainer("@index") && indexKey != "@index" && expandedIndex != "@none")
                        {
                            var reExpanded = ExpandValue(active, indexKey, index);
                            var expandedIndexKey = ExpandIri(active, indexKey, vocab: true)!;
                            var values = new JArray { reExpanded };
                            if (io.TryGetValue(expandedIndexKey, out var existing))
                                foreach (var e in Keywords.AsArray(existing)) values.Add(e);
                            if (Keywords.IsValueObject(io))
                                throw Err("invalid value object", "A value in a property-valued index map cannot get a property.");
                            io[expandedIndexKey] = values;
                        }
                        else if (def.HasContainer("@index") && !io.ContainsKey("@index") && expandedIndex != "@none")
                        {
                            io["@index"] = index;
                        }
                        else if (def.HasContainer("@id") && !io.ContainsKey("@id") && expandedIndex != "@none")
                        {
                            io["@id"] = ExpandIri(active, index, documentRelative: true);
                        }
                        else if (def.HasContainer("@type") && expandedIndex != "@none")
                        {
                            var types = new JArray { expandedIndex };
                            if (io.TryGetValue("@type", out var existing))
                                foreach (var e in Keywords.AsArray(existing)) types.Add(e);
                            io["@type"] = types;
                        }
                        arr.Add(io);
                    }
                }
                expandedValue = arr;
            }
            else
            {
                expandedValue = Expand(active, key, value, baseUrl);
            }
            if (expandedValue is null) continue;
            if (def is not null && def.HasContainer("@list") && !Keywords.IsListObject(expandedValue))
                expandedValue = new JObject { ["@list"] = Keywords.AsArray(expandedValue) };
            if (def is not null && def.HasContainer("@graph") && !def.HasContainer("@id") && !def.HasContainer("@index"))
                expandedValue = new JArray(Keywords.AsArray(expandedValue).Select(ev => (JToken)new JObject { ["@graph"] = Keywords.AsArray(ev) }).ToList());
            if (def is { Reverse: true })
            {
                var reverseMap = MapEntry(result, "@reverse");
                foreach (var item in Keywords.AsArray(expandedValue))
                {
                    if (Keywords.IsValueObject(item) || Keywords.IsListObject(item))
                        throw Err("invalid reverse property value", "A reverse property cannot take values or lists.");
                    AddValues(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                AddValues(result, expandedProperty, expandedValue);
            }
        }

        foreach (var nestKey in _options.Ordered ? nests.Order(StringComparer.Ordinal).ToList() : nests)
        {
            foreach (var nested in Keywords.AsArray(element[nestKey]))
            {
                if (nested is not JObject nestedMap || nestedMap.Properties().Any(p => ExpandIri(active, p.Name, vocab: true) == "@value"))
                    throw Err("invalid @nest value", "@nest values must be node objects.");
                var nestContext = active;
                if (active.Term(nestKey) is { HasContext: true } nestDef)
                    nestContext = ProcessContext(active, nestDef.Context, nestDef.BaseUrl, overrideProtected: true);
                ExpandEntries(nestContext, typeScoped, activeProperty, nestedMap, result, baseUrl, inputType, []);
            }
        }
    }

    /// <summary>The object under <paramref name="key"/>, created when missing (assigning an attached token would copy it).</summary>
    private static JObject MapEntry(JObject target, string key)
    {
        if (target[key] is JObject existing) return existing;
        var created = new JObject();
        target[key] = created;
        return created;
    }

    /// <summary>Appends values (always as an array) under <paramref name="key"/>.</summary>
    private static void AddValues(JObject target, string key, JToken value)
    {
        if (target[key] is not JArray arr)
        {
            arr = target[key] is { } existing ? new JArray(existing) : new JArray();
            target[key] = arr;
        }
        if (value is JArray va)
            foreach (var v in va.ToList()) arr.Add(v);
        else arr.Add(value);
    }

    /// <summary>Value expansion (API §5.3).</summary>
    private JObject ExpandValue(ActiveContext active, string activeProperty, JToken value)
    {
        var def = active.Term(activeProperty);
        if (def?.Type == "@id" && value.Type == JTokenType.String)
            return new JObject { ["@id"] = ExpandIri(active, (string)value!, documentRelative: true) };
        if (def?.Type == "@vocab" && value.Type == JTokenType.String)
            return new JObject { ["@id"] = ExpandIri(active, (string)value!, documentRelative: true, vocab: true) };
        var result = new JObject { ["@value"] = value.DeepClone() };
        if (def?.Type is not null and not "@id" and not "@vocab" and not "@none")
        {
            result["@type"] = def.Type;
        }
        else if (value.Type == JTokenType.String)
        {
            var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
            var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
            if (language is not null) result["@language"] = language;
            if (direction is not null) result["@direction"] = direction;
        }
        return result;
    }
}
