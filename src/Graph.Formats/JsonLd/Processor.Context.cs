using Graph.Rdf;
using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>The JSON-LD 1.1 algorithms; this part holds context processing and IRI expansion (API §4).</summary>
internal sealed partial class Processor(JsonLdOptions options)
{
    private readonly JsonLdOptions _options = options;
    private readonly Dictionary<string, JToken> _contextCache = new(StringComparer.Ordinal);
    private int _depth;

    /// <summary>The input token being processed, so an error can say where it is (JSON read with line info).</summary>
    internal JToken? At;
    // Term definitions created on demand by IRI expansion (a term used before its definition) need these too.
    private string? _termBaseUrl;
    private bool _termOverrideProtected;

    private static bool IsProtected(JObject local) => local.TryGetValue("@protected", out var p) && p.Type == JTokenType.Boolean && (bool)p;

    private static readonly HashSet<string> s_contextKeys = ["@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab"];

    private static readonly HashSet<string> s_termKeys =
        ["@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type"];

    private static JsonLdException Err(string code, string message) => new(code, message);

    /// <summary>Counts recursion so that deeply nested input gives an error instead of a stack overflow.</summary>
    private DepthGuard Deeper()
    {
        if (++_depth > _options.MaxDepth)
        {
            throw Err("loading document failed", $"The document is nested more than {_options.MaxDepth} levels deep.");
        }
        return new DepthGuard(this);
    }

    private readonly struct DepthGuard(Processor p) : IDisposable
    {
        public void Dispose() => p._depth--;
    }

    public ActiveContext ProcessContext(ActiveContext active, JToken? local, string? baseUrl,
        List<string>? remoteContexts = null, bool overrideProtected = false, bool propagate = true, bool validateScoped = true)
    {
        using var _ = Deeper();
        remoteContexts ??= [];
        var result = active.Clone();
        if (local is JObject lo && lo.TryGetValue("@propagate", out var prop))
        {
            if (prop.Type != JTokenType.Boolean) throw Err("invalid @propagate value", "@propagate must be true or false.");
            propagate = (bool)prop;
        }
        if (!propagate && result.PreviousContext is null) result.PreviousContext = active;
        foreach (var item in Keywords.AsArray(local))
        {
            var context = item;
            if (item is Newtonsoft.Json.IJsonLineInfo li && li.HasLineInfo()) At = item;
            if (Keywords.IsNull(context))
            {
                if (!overrideProtected && result.Terms.Values.Any(t => t.Protected))
                    throw Err("invalid context nullification", "A context with protected terms cannot be replaced by null.");
                var fresh = new ActiveContext(active.OriginalBaseUrl) { OriginalBaseUrl = active.OriginalBaseUrl };
                if (!propagate) fresh.PreviousContext = result;
                result = fresh;
                continue;
            }
            if (context.Type == JTokenType.String)
            {
                var reference = (string)context!;
                string url;
                try
                {
                    url = baseUrl is not null ? Iri.Resolve(baseUrl, reference) : reference;
                }
                catch (Exception ex) when (ex is not JsonLdException)
                {
                    throw Err("loading remote context failed", $"Cannot resolve the context reference {reference}: {ex.Message}");
                }
                if (!Iri.IsAbsolute(url))
                    throw Err("loading remote context failed", $"The context reference {reference} is relative and there is no base IRI.");
                if (remoteContexts.Contains(url))
                {
                    if (!validateScoped) continue;
                    throw Err("recursive context inclusion", $"The context {url} includes itself.");
                }
                if (remoteContexts.Count >= _options.MaxRemoteContexts)
                    throw Err("context overflow", $"More than {_options.MaxRemoteContexts} remote contexts are nested.");
                var loaded = LoadContext(url);
                var chain = new List<string>(remoteContexts) { url };
                result = ProcessContext(result, loaded, url, chain, overrideProtected, true, validateScoped);
                continue;
            }
            if (context is not JObject ctx) throw Err("invalid local context", "A context must be null, a string or an object.");
            if (ctx.TryGetValue("@version", out var version))
            {
                if (version.Type != JTokenType.Float && version.Type != JTokenType.Integer || (double)version != 1.1)
                    throw Err("invalid @version value", "@version must be 1.1.");
                if (_options.Is10) throw Err("processing mode conflict", "@version 1.1 in json-ld-1.0 processing mode.");
            }
            if (ctx.TryGetValue("@import", out var import))
            {
                if (_options.Is10) throw Err("invalid context entry", "@import is not allowed in json-ld-1.0 mode.");
                if (import.Type != JTokenType.String) throw Err("invalid @import value", "@import must be a string.");
                var url = baseUrl is not null ? Iri.Resolve(baseUrl, (string)import!) : (string)import!;
                var imported = LoadContext(url, "loading remote context failed");
                if (imported is not JObject importedMap) throw Err("invalid remote context", $"The imported context {url} is not an object.");
                if (importedMap.ContainsKey("@import")) throw Err("invalid context entry", "An imported context may not itself contain @import.");
                var merged = (JObject)importedMap.DeepClone();
                foreach (var p in ctx.Properties()) merged[p.Name] = p.Value.DeepClone();
                ctx = merged;
            }
            if (ctx.TryGetValue("@base", out var b) && remoteContexts.Count == 0)
            {
                if (Keywords.IsNull(b)) result.BaseIri = null;
                else if (b.Type != JTokenType.String) throw Err("invalid base IRI", "@base must be a string or null.");
                else
                {
                    var s = (string)b!;
                    if (Iri.IsAbsolute(s)) result.BaseIri = s;
                    else if (result.BaseIri is not null) result.BaseIri = Iri.Resolve(result.BaseIri, s);
                    else throw Err("invalid base IRI", $"@base {s} is relative and there is no base IRI.");
                }
            }
            if (ctx.TryGetValue("@vocab", out var vocab))
            {
                if (Keywords.IsNull(vocab)) result.Vocab = null;
                else if (vocab.Type != JTokenType.String) throw Err("invalid vocab mapping", "@vocab must be a string or null.");
                else
                {
                    var s = (string)vocab!;
                    if (_options.Is10 && !Iri.IsAbsolute(s) && !Keywords.IsBlankNodeId(s))
                        throw Err("invalid vocab mapping", "@vocab must be an absolute IRI in json-ld-1.0 mode.");
                    var expanded = ExpandIri(result, s, documentRelative: true, vocab: true);
                    if (expanded is null || (!Iri.IsAbsolute(expanded) && !Keywords.IsBlankNodeId(expanded)) || Keywords.IsKeyword(expanded))
                        throw Err("invalid vocab mapping", $"@vocab {s} is not an IRI.");
                    result.Vocab = expanded;
                }
            }
            if (ctx.TryGetValue("@language", out var lang))
            {
                if (Keywords.IsNull(lang)) result.DefaultLanguage = null;
                else if (lang.Type != JTokenType.String) throw Err("invalid default language", "@language must be a string or null.");
                else result.DefaultLanguage = ((string)lang!).ToLowerInvariant();
            }
            if (ctx.TryGetValue("@direction", out var dir))
            {
                if (_options.Is10) throw Err("invalid context entry", "@direction is not allowed in json-ld-1.0 mode.");
                if (Keywords.IsNull(dir)) result.DefaultDirection = null;
                else if (dir.Type != JTokenType.String || ((string)dir! is not "ltr" and not "rtl"))
                    throw Err("invalid base direction", "@direction must be \"ltr\", \"rtl\" or null.");
                else result.DefaultDirection = (string)dir!;
            }
            if (ctx.TryGetValue("@propagate", out var propagateValue))
            {
                if (_options.Is10) throw Err("invalid context entry", "@propagate is not allowed in json-ld-1.0 mode.");
                if (propagateValue.Type != JTokenType.Boolean) throw Err("invalid @propagate value", "@propagate must be true or false.");
            }
            var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
            var isProtected = false;
            if (ctx.TryGetValue("@protected", out var protectedValue))
            {
                if (protectedValue.Type != JTokenType.Boolean) throw Err("invalid @protected value", "@protected must be true or false.");
                isProtected = (bool)protectedValue;
            }
            _termBaseUrl = baseUrl;
            _termOverrideProtected = overrideProtected;
            foreach (var p in ctx.Properties())
            {
                if (s_contextKeys.Contains(p.Name)) continue;
                CreateTermDefinition(result, ctx, p.Name, defined, baseUrl, isProtected, overrideProtected, remoteContexts, validateScoped);
            }
        }
        return result;
    }

    private JToken LoadContext(string url, string failureCode = "loading remote context failed")
    {
        if (_contextCache.TryGetValue(url, out var cached)) return cached;
        RemoteDocument doc;
        try
        {
            doc = _options.DocumentLoader.Load(url);
        }
        catch (JsonLdException ex)
        {
            throw Err(failureCode, $"Cannot load the context {url}: {ex.Message}");
        }
        if (doc.Document is not JObject o || !o.TryGetValue("@context", out var ctx))
            throw Err("invalid remote context", $"{url} has no top-level @context.");
        _contextCache[url] = ctx;
        return ctx;
    }

    private void CreateTermDefinition(ActiveContext active, JObject local, string term, Dictionary<string, bool> defined,
        string? baseUrl, bool isProtected, bool overrideProtected, List<string> remoteContexts, bool validateScoped)
    {
        if (defined.TryGetValue(term, out var done))
        {
            if (done) return;
            throw Err("cyclic IRI mapping", $"The term {term} is defined in terms of itself.");
        }
        if (term.Length == 0) throw Err("invalid term definition", "The empty string is not a valid term.");
        defined[term] = false;
        var value = local[term];
        if (term == "@type")
        {
            if (_options.Is10) throw Err("keyword redefinition", "@type cannot be redefined in json-ld-1.0 mode.");
            if (value is not JObject tv || tv.Count == 0 || tv.Properties().Any(p => p.Name is not "@container" and not "@protected")
                || (tv.TryGetValue("@container", out var tc) && (tc.Type != JTokenType.String || (string)tc! != "@set")))
                throw Err("keyword redefinition", "@type may only be given @container @set and @protected.");
        }
        else if (Keywords.IsKeyword(term))
        {
            throw Err("keyword redefinition", $"{term} is a keyword and cannot be redefined.");
        }
        else if (Keywords.HasKeywordForm(term))
        {
            return;
        }
        active.Terms.Remove(term, out var previous);
        active.Inverse = null;
        JObject map;
        var simpleTerm = false;
        if (Keywords.IsNull(value)) map = new JObject { ["@id"] = null };
        else if (value!.Type == JTokenType.String)
        {
            map = new JObject { ["@id"] = value.DeepClone() };
            simpleTerm = true;
        }
        else if (value is JObject vo) map = vo;
        else throw Err("invalid term definition", $"The definition of {term} must be null, a string or an object.");

        var def = new TermDefinition();
        if (map.TryGetValue("@protected", out var prot))
        {
            if (_options.Is10) throw Err("invalid term definition", "@protected is not allowed in json-ld-1.0 mode.");
            if (prot.Type != JTokenType.Boolean) throw Err("invalid @protected value", "@protected must be true or false.");
            isProtected = (bool)prot;
        }
        def.Protected = isProtected;
        if (map.TryGetValue("@type", out var typeValue))
        {
            if (typeValue.Type != JTokenType.String) throw Err("invalid type mapping", $"The @type of {term} must be a string.");
            var type = ExpandIri(active, (string)typeValue!, vocab: true, local: local, defined: defined);
            if (type is "@json" or "@none" && _options.Is10) throw Err("invalid type mapping", $"{type} is not allowed in json-ld-1.0 mode.");
            if (type is not ("@id" or "@json" or "@none" or "@vocab") && (type is null || !Iri.IsAbsolute(type)))
                throw Err("invalid type mapping", $"The @type of {term} is not an IRI.");
            def.Type = type;
        }
        if (map.TryGetValue("@reverse", out var reverse))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
                throw Err("invalid reverse property", $"{term} has @reverse together with @id or @nest.");
            if (reverse.Type != JTokenType.String) throw Err("invalid IRI mapping", $"The @reverse of {term} must be a string.");
            var r = (string)reverse!;
            if (Keywords.HasKeywordForm(r)) return;
            var iri = ExpandIri(active, r, vocab: true, local: local, defined: defined);
            if (iri is null || (!Iri.IsAbsolute(iri) && !Keywords.IsBlankNodeId(iri)) || Keywords.IsKeyword(iri))
                throw Err("invalid IRI mapping", $"The @reverse of {term} is not an IRI.");
            def.Iri = iri;
            if (map.TryGetValue("@container", out var rc) && !Keywords.IsNull(rc))
            {
                if (rc.Type != JTokenType.String || ((string)rc! is not "@set" and not "@index"))
                    throw Err("invalid reverse property", $"The container of the reverse property {term} must be @set or @index.");
                def.Container = [(string)rc!];
            }
            if (map.TryGetValue("@index", out var reverseIndex))
            {
                if (_options.Is10 || !def.HasContainer("@index") || reverseIndex.Type != JTokenType.String)
                    throw Err("invalid term definition", $"@index on {term} needs an @index container and a string.");
                def.Index = (string)reverseIndex!;
            }
            def.Reverse = true;
            FinishTerm(active, term, def, previous, overrideProtected, defined);
            return;
        }
        if (map.TryGetValue("@id", out var idValue) && !(idValue.Type == JTokenType.String && (string)idValue! == term))
        {
            if (Keywords.IsNull(idValue))
            {
                def.Iri = null;
            }
            else
            {
                if (idValue.Type != JTokenType.String) throw Err("invalid IRI mapping", $"The @id of {term} must be a string.");
                var id = (string)idValue!;
                if (!Keywords.IsKeyword(id) && Keywords.HasKeywordForm(id)) return;
                var iri = ExpandIri(active, id, vocab: true, local: local, defined: defined);
                if (iri is null || (!Keywords.IsKeyword(iri) && !Iri.IsAbsolute(iri) && !Keywords.IsBlankNodeId(iri)))
                    throw Err("invalid IRI mapping", $"The @id of {term} is not an IRI, blank node or keyword.");
                if (iri == "@context") throw Err("invalid keyword alias", "@context cannot be aliased.");
                def.Iri = iri;
                if (term.IndexOf(':', 1) > 0 && term.IndexOf(':', 1) < term.Length - 1 || term.Contains('/'))
                {
                    defined[term] = true;
                    var termIri = ExpandIri(active, term, vocab: true, local: local, defined: defined);
                    if (termIri != iri)
                        throw Err("invalid IRI mapping", $"The term {term} looks like an IRI but is mapped to a different IRI.");
                }
                if (!term.Contains(':') && !term.Contains('/') && simpleTerm
                    && (iri.Length > 0 && ":/?#[]@".Contains(iri[^1]) || Keywords.IsBlankNodeId(iri)))
                    def.Prefix = true;
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            var suffix = term[(colon + 1)..];
            if (local.ContainsKey(prefix))
                CreateTermDefinition(active, local, prefix, defined, baseUrl, IsProtected(local), overrideProtected, remoteContexts, validateScoped);
            def.Iri = active.Term(prefix) is { Iri: not null } pd ? pd.Iri + suffix : term;
        }
        else if (term.Contains('/'))
        {
            var iri = ExpandIri(active, term, vocab: true);
            if (iri is null || !Iri.IsAbsolute(iri)) throw Err("invalid IRI mapping", $"The term {term} is not an IRI.");
            def.Iri = iri;
        }
        else if (term == "@type")
        {
            def.Iri = "@type";
        }
        else if (active.Vocab is not null)
        {
            def.Iri = active.Vocab + term;
        }
        else
        {
            throw Err("invalid IRI mapping", $"The term {term} has no IRI: it has no @id and there is no @vocab.");
        }

        if (map.TryGetValue("@container", out var containerValue))
        {
            var container = ParseContainer(containerValue, term);
            def.Container = container;
            if (container.Contains("@type"))
            {
                if (def.Type is null) def.Type = "@id";
                else if (def.Type is not "@id" and not "@vocab")
                    throw Err("invalid type mapping", $"A @type container on {term} needs @type @id or @vocab.");
            }
        }
        if (map.TryGetValue("@index", out var indexValue))
        {
            if (_options.Is10 || !def.HasContainer("@index"))
                throw Err("invalid term definition", $"@index on {term} needs an @index container.");
            if (indexValue.Type != JTokenType.String) throw Err("invalid term definition", "@index must be a string.");
            var idx = (string)indexValue!;
            var expanded = ExpandIri(active, idx, vocab: true, local: local, defined: defined);
            if (expanded is null || !Iri.IsAbsolute(expanded) || Keywords.IsKeyword(idx))
                throw Err("invalid term definition", $"@index {idx} of {term} is not an IRI.");
            def.Index = idx;
        }
        if (map.TryGetValue("@context", out var scoped))
        {
            if (_options.Is10) throw Err("invalid term definition", "Scoped contexts are not allowed in json-ld-1.0 mode.");
            try
            {
                ProcessContext(active, scoped, baseUrl, [.. remoteContexts], overrideProtected: true, validateScoped: false);
            }
            catch (JsonLdException ex)
            {
                if (ex.Code is "loading remote context failed" or "recursive context inclusion") throw;
                throw Err("invalid scoped context", $"The scoped context of {term} is invalid: {ex.Message}");
            }
            def.Context = scoped.DeepClone();
            def.HasContext = true;
            def.BaseUrl = baseUrl;
        }
        if (map.TryGetValue("@language", out var langValue) && !map.ContainsKey("@type"))
        {
            if (!Keywords.IsNull(langValue) && langValue.Type != JTokenType.String)
                throw Err("invalid language mapping", $"@language of {term} must be a string or null.");
            def.HasLanguage = true;
            def.Language = Keywords.IsNull(langValue) ? null : ((string)langValue!).ToLowerInvariant();
        }
        if (map.TryGetValue("@direction", out var dirValue) && !map.ContainsKey("@type"))
        {
            if (!Keywords.IsNull(dirValue) && (dirValue.Type != JTokenType.String || ((string)dirValue! is not "ltr" and not "rtl")))
                throw Err("invalid base direction", $"@direction of {term} must be \"ltr\", \"rtl\" or null.");
            def.HasDirection = true;
            def.Direction = Keywords.IsNull(dirValue) ? null : (string)dirValue!;
        }
        if (map.TryGetValue("@nest", out var nestValue))
        {
            if (_options.Is10) throw Err("invalid term definition", "@nest is not allowed in json-ld-1.0 mode.");
            if (nestValue.Type != JTokenType.String || (Keywords.IsKeyword((string)nestValue!) && (string)nestValue! != "@nest"))
                throw Err("invalid @nest value", $"@nest of {term} must be a term or @nest.");
            def.Nest = (string)nestValue!;
        }
        if (map.TryGetValue("@prefix", out var prefixValue))
        {
            if (_options.Is10 || term.Contains(':') || term.Contains('/'))
                throw Err("invalid term definition", $"@prefix is not allowed on {term}.");
            if (prefixValue.Type != JTokenType.Boolean) throw Err("invalid @prefix value", "@prefix must be true or false.");
            def.Prefix = (bool)prefixValue;
            if (def.Prefix && Keywords.IsKeyword(def.Iri)) throw Err("invalid term definition", "A keyword alias cannot be a prefix.");
        }
        foreach (var p in map.Properties())
            if (!s_termKeys.Contains(p.Name))
                throw Err("invalid term definition", $"{p.Name} is not allowed in the definition of {term}.");
        FinishTerm(active, term, def, previous, overrideProtected, defined);
    }

    private static void FinishTerm(ActiveContext active, string term, TermDefinition def, TermDefinition? previous, bool overrideProtected, Dictionary<string, bool> defined)
    {
        if (!overrideProtected && previous is { Protected: true })
        {
            if (!def.SameAs(previous))
                throw Err("protected term redefinition", $"The protected term {term} cannot be redefined.");
            def = previous;
        }
        active.Terms[term] = def;
        defined[term] = true;
    }

    private List<string> ParseContainer(JToken value, string term)
    {
        var items = new List<string>();
        if (value.Type == JTokenType.String) items.Add((string)value!);
        else if (value is JArray arr && !_options.Is10 && arr.All(v => v.Type == JTokenType.String)) items.AddRange(arr.Select(v => (string)v!));
        else if (Keywords.IsNull(value)) return [];
        else throw Err("invalid container mapping", $"The @container of {term} must be a keyword or an array of keywords.");
        var set = items.ToHashSet();
        bool Only(params string[] allowed) => set.All(allowed.Contains);
        var valid = items.Count == 1 && items[0] is "@graph" or "@id" or "@index" or "@language" or "@list" or "@set" or "@type"
            || (set.Contains("@graph") && (set.Contains("@id") || set.Contains("@index")) && Only("@graph", "@id", "@index", "@set") && !(set.Contains("@id") && set.Contains("@index")))
            || (set.Contains("@graph") && Only("@graph", "@set"))
            || (set.Contains("@set") && Only("@set", "@index", "@graph", "@id", "@type", "@language") && set.Count <= 2);
        if (items.Count == 0 || !valid || (_options.Is10 && items[0] is "@graph" or "@id" or "@type"))
            throw Err("invalid container mapping", $"The @container of {term} is not a valid container.");
        items.Sort(StringComparer.Ordinal);
        return items.Distinct().ToList();
    }

    /// <summary>IRI expansion (API §4.3).</summary>
    public string? ExpandIri(ActiveContext active, string? value, bool documentRelative = false, bool vocab = false,
        JObject? local = null, Dictionary<string, bool>? defined = null)
    {
        if (value is null || Keywords.IsKeyword(value)) return value;
        if (Keywords.HasKeywordForm(value)) return null;
        if (local is not null && local.ContainsKey(value) && !(defined!.TryGetValue(value, out var d) && d))
            CreateTermDefinition(active, local, value, defined, _termBaseUrl, IsProtected(local), _termOverrideProtected, [], true);
        var term = active.Term(value);
        if (term is not null && Keywords.IsKeyword(term.Iri)) return term.Iri;
        if (vocab && active.Terms.ContainsKey(value)) return term!.Iri;
        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal)) return value;
            if (local is not null && local.ContainsKey(prefix) && !(defined!.TryGetValue(prefix, out var pd) && pd))
                CreateTermDefinition(active, local, prefix, defined, _termBaseUrl, IsProtected(local), _termOverrideProtected, [], true);
            var pterm = active.Term(prefix);
            if (pterm is { Iri: not null, Prefix: true }) return pterm.Iri + suffix;
            if (Iri.IsAbsolute(value)) return value;
        }
        if (vocab && active.Vocab is not null) return active.Vocab + value;
        if (documentRelative)
        {
            if (active.BaseIri is null) return value;
            try
            {
                return Iri.Resolve(active.BaseIri, value);
            }
            catch (ArgumentException)
            {
                return value;
            }
        }
        return value;
    }
}
