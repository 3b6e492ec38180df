namespace Graph.Formats.JsonLd;

/// <summary>The active context of the JSON-LD algorithms.</summary>
internal sealed class ActiveContext
{
    public ActiveContext(string? baseIri)
    {
        BaseIri = baseIri;
        OriginalBaseUrl = baseIri;
    }

    public string? BaseIri;
    public string? OriginalBaseUrl;
    public string? Vocab;
    public string? DefaultLanguage;
    public string? DefaultDirection;
    public Dictionary<string, TermDefinition> Terms = new(StringComparer.Ordinal);
    public ActiveContext? PreviousContext;
    public InverseContext? Inverse;

    public TermDefinition? Term(string? term) => term is not null && Terms.TryGetValue(term, out var d) ? d : null;

    public ActiveContext Clone()
    {
        var c = (ActiveContext)MemberwiseClone();
        c.Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal);
        c.Inverse = null;
        return c;
    }
}
