namespace Graph.Formats.JsonLd;

/// <summary>The inverse context (API §4.3): IRI → container → @language/@type/@any → value → term.</summary>
internal sealed class InverseContext
{
    public readonly Dictionary<string, Dictionary<string, Dictionary<string, Dictionary<string, string>>>> Map = new(StringComparer.Ordinal);

    public static InverseContext Create(ActiveContext active)
    {
        var result = new InverseContext();
        var defaultLanguage = active.DefaultLanguage ?? "@none";
        var terms = active.Terms.Keys.OrderBy(t => t.Length).ThenBy(t => t, StringComparer.Ordinal);
        foreach (var term in terms)
        {
            var def = active.Terms[term];
            if (def.Iri is null) continue;
            var container = def.Container is { Count: > 0 } ? string.Concat(def.Container) : "@none";
            if (!result.Map.TryGetValue(def.Iri, out var containerMap))
                result.Map[def.Iri] = containerMap = new(StringComparer.Ordinal);
            if (!containerMap.TryGetValue(container, out var tl))
            {
                containerMap[container] = tl = new(StringComparer.Ordinal)
                {
                    ["@language"] = new(StringComparer.Ordinal),
                    ["@type"] = new(StringComparer.Ordinal),
                    ["@any"] = new(StringComparer.Ordinal) { ["@none"] = term },
                };
            }
            var languageMap = tl["@language"];
            var typeMap = tl["@type"];
            if (def.Reverse)
            {
                typeMap.TryAdd("@reverse", term);
            }
            else if (def.Type == "@none")
            {
                languageMap.TryAdd("@any", term);
                typeMap.TryAdd("@any", term);
            }
            else if (def.Type is not null)
            {
                typeMap.TryAdd(def.Type, term);
            }
            else if (def.HasLanguage && def.HasDirection)
            {
                var langDir = def.Language is not null && def.Direction is not null ? def.Language + "_" + def.Direction
                    : def.Language is not null ? def.Language
                    : def.Direction is not null ? "_" + def.Direction
                    : "@null";
                languageMap.TryAdd(langDir, term);
            }
            else if (def.HasLanguage)
            {
                languageMap.TryAdd(def.Language ?? "@null", term);
            }
            else if (def.HasDirection)
            {
                languageMap.TryAdd(def.Direction is not null ? "_" + def.Direction : "@none", term);
            }
            else if (active.DefaultDirection is not null)
            {
                languageMap.TryAdd((active.DefaultLanguage ?? "") + "_" + active.DefaultDirection, term);
                languageMap.TryAdd("@none", term);
                typeMap.TryAdd("@none", term);
            }
            else
            {
                languageMap.TryAdd(defaultLanguage, term);
                languageMap.TryAdd("@none", term);
                typeMap.TryAdd("@none", term);
            }
        }
        return result;
    }
}
