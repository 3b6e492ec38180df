using Newtonsoft.Json.Linq;

namespace Graph.Formats.JsonLd;

/// <summary>A term definition of an active context (JSON-LD 1.1 API §4.1).</summary>
internal sealed class TermDefinition
{
    /// <summary>The IRI mapping; null for a term explicitly mapped to null.</summary>
    public string? Iri;
    public bool Prefix;
    public bool Protected;
    public bool Reverse;
    public string? BaseUrl;
    public JToken? Context;
    public bool HasContext;
    /// <summary>Container mapping, sorted; null when none.</summary>
    public List<string>? Container;
    public bool HasDirection;
    public string? Direction;
    public string? Index;
    public bool HasLanguage;
    public string? Language;
    public string? Nest;
    public string? Type;

    public bool HasContainer(string c) => Container is not null && Container.Contains(c);

    /// <summary>Equal in everything but the protected flag (the test for a permitted redefinition of a protected term).</summary>
    public bool SameAs(TermDefinition o) =>
        Iri == o.Iri && Prefix == o.Prefix && Reverse == o.Reverse
        && HasContext == o.HasContext && (!HasContext || JToken.DeepEquals(Context, o.Context))
        && (Container ?? []).SequenceEqual(o.Container ?? [])
        && HasDirection == o.HasDirection && Direction == o.Direction
        && Index == o.Index && HasLanguage == o.HasLanguage && Language == o.Language
        && Nest == o.Nest && Type == o.Type;

    public TermDefinition Clone() => (TermDefinition)MemberwiseClone();
}
