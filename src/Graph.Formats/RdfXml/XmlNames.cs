using System.Xml;

namespace Graph.Formats.RdfXml;

/// <summary>The RDF/XML vocabulary terms whose use is restricted by the grammar (RDF 1.1 XML Syntax §7.2).</summary>
internal static class XmlNames
{
    public const string RdfNs = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public const string XmlNs = "http://www.w3.org/XML/1998/namespace";
    public const string XmlnsNs = "http://www.w3.org/2000/xmlns/";

    private static readonly HashSet<string> s_coreSyntaxTerms = ["RDF", "ID", "about", "parseType", "resource", "nodeID", "datatype"];
    private static readonly HashSet<string> s_oldTerms = ["aboutEach", "aboutEachPrefix", "bagID"];

    public static bool IsCoreSyntaxTerm(string ns, string local) => ns == RdfNs && s_coreSyntaxTerms.Contains(local);

    public static bool IsOldTerm(string ns, string local) => ns == RdfNs && s_oldTerms.Contains(local);

    /// <summary>Names a node element may not have: coreSyntaxTerms, rdf:li and the old terms.</summary>
    public static bool IsForbiddenNodeElement(string ns, string local) =>
        IsCoreSyntaxTerm(ns, local) || IsOldTerm(ns, local) || (ns == RdfNs && local == "li");

    /// <summary>Names a property element may not have: coreSyntaxTerms, rdf:Description and the old terms.</summary>
    public static bool IsForbiddenPropertyElement(string ns, string local) =>
        IsCoreSyntaxTerm(ns, local) || IsOldTerm(ns, local) || (ns == RdfNs && local == "Description");

    /// <summary>Names a property attribute may not have: coreSyntaxTerms, rdf:Description, rdf:li and the old terms.</summary>
    public static bool IsForbiddenPropertyAttribute(string ns, string local) =>
        IsCoreSyntaxTerm(ns, local) || IsOldTerm(ns, local) || (ns == RdfNs && (local == "Description" || local == "li"));

    /// <summary>rdf:ID and rdf:nodeID values must be XML NCNames.</summary>
    public static bool IsNcName(string s)
    {
        if (s.Length == 0) return false;
        try
        {
            return XmlConvert.VerifyNCName(s) == s;
        }
        catch (XmlException)
        {
            return false;
        }
    }
}
