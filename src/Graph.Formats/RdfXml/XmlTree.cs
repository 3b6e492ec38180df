using System.Text;
using System.Xml;
using Graph.Rdf;

namespace Graph.Formats.RdfXml;

/// <summary>
/// A minimal element tree read from <see cref="XmlReader"/> that keeps what the RDF/XML grammar and XML literal
/// canonicalisation need and LINQ to XML loses: the prefix each name was written with, and positions.
/// </summary>
internal abstract class XNodeItem
{
    public int Line;
    public int Column;
}

internal sealed class XTextItem : XNodeItem
{
    public readonly StringBuilder Text = new();
}

internal sealed class XCommentItem(string text) : XNodeItem
{
    public string Text { get; } = text;
}

internal sealed class XPiItem(string target, string data) : XNodeItem
{
    public string Target { get; } = target;
    public string Data { get; } = data;
}

internal sealed record XAttr(string Prefix, string LocalName, string Namespace, string Value, int Line, int Column)
{
    public bool IsNamespaceDeclaration => Namespace == XmlNames.XmlnsNs;
}

internal sealed class XElementItem : XNodeItem
{
    public string Prefix = "";
    public string LocalName = "";
    public string Namespace = "";
    public readonly List<XAttr> Attributes = [];
    public readonly List<XNodeItem> Children = [];
    public XElementItem? Parent;

    public string Iri => Namespace + LocalName;

    /// <summary>The namespace bound to <paramref name="prefix"/> here ("" prefix = default namespace), or null.</summary>
    public string? LookupNamespace(string prefix)
    {
        for (var e = this; e is not null; e = e.Parent)
            foreach (var a in e.Attributes)
                if (a.IsNamespaceDeclaration && (prefix.Length == 0 ? a.Prefix.Length == 0 && a.LocalName == "xmlns" : a.Prefix == "xmlns" && a.LocalName == prefix))
                    return a.Value;
        return null;
    }
}

internal static class XmlTreeLoader
{
    /// <summary>Reads the whole document with DTDs prohibited (no entity expansion, no external resources).</summary>
    public static XElementItem Load(TextReader input, string? sourceName, int maxDepth)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = false,
            IgnoreWhitespace = false,
            IgnoreProcessingInstructions = false,
            CloseInput = false,
        };
        using var reader = XmlReader.Create(input, settings);
        var info = (IXmlLineInfo)reader;
        XElementItem? root = null;
        XElementItem? current = null;
        // XmlReader reports no position for a prohibited DTD: the last node read is the best position known.
        int lastLine = 1, lastColumn = 1;
        try
        {
            while (reader.Read())
            {
                lastLine = info.LineNumber;
                lastColumn = info.LinePosition;
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                    {
                        if (reader.Depth >= maxDepth)
                            throw new RdfParseException($"XML elements are nested more than {maxDepth} levels deep.", sourceName, info.LineNumber, info.LinePosition);
                        var e = new XElementItem
                        {
                            Prefix = reader.Prefix,
                            LocalName = reader.LocalName,
                            Namespace = reader.NamespaceURI,
                            Line = info.LineNumber,
                            Column = info.LinePosition,
                            Parent = current,
                        };
                        var empty = reader.IsEmptyElement;
                        if (reader.MoveToFirstAttribute())
                        {
                            do
                            {
                                e.Attributes.Add(new XAttr(reader.Prefix, reader.LocalName, reader.NamespaceURI, reader.Value, info.LineNumber, info.LinePosition));
                            }
                            while (reader.MoveToNextAttribute());
                            reader.MoveToElement();
                        }
                        if (current is null)
                        {
                            if (root is not null)
                                throw new RdfParseException("More than one root element.", sourceName, e.Line, e.Column);
                            root = e;
                        }
                        else
                        {
                            current.Children.Add(e);
                        }
                        if (!empty) current = e;
                        break;
                    }
                    case XmlNodeType.EndElement:
                        current = current?.Parent;
                        break;
                    case XmlNodeType.Text:
                    case XmlNodeType.CDATA:
                    case XmlNodeType.Whitespace:
                    case XmlNodeType.SignificantWhitespace:
                        if (current is null) break;
                        if (current.Children.Count > 0 && current.Children[^1] is XTextItem last)
                            last.Text.Append(reader.Value);
                        else
                        {
                            var t = new XTextItem { Line = info.LineNumber, Column = info.LinePosition };
                            t.Text.Append(reader.Value);
                            current.Children.Add(t);
                        }
                        break;
                    case XmlNodeType.Comment:
                        current?.Children.Add(new XCommentItem(reader.Value) { Line = info.LineNumber, Column = info.LinePosition });
                        break;
                    case XmlNodeType.ProcessingInstruction:
                        current?.Children.Add(new XPiItem(reader.Name, reader.Value) { Line = info.LineNumber, Column = info.LinePosition });
                        break;
                }
            }
        }
        catch (XmlException ex)
        {
            var message = ex.Message.Contains("DTD", StringComparison.Ordinal)
                ? "DOCTYPE declarations are not accepted: DTD processing is prohibited, so no entity is expanded and nothing outside the document is read."
                : "Malformed XML: " + ex.Message;
            var line = ex.LineNumber > 0 ? ex.LineNumber : lastLine;
            var column = ex.LineNumber > 0 ? ex.LinePosition : lastColumn;
            throw new RdfParseException(message, sourceName, line, column, ex);
        }
        return root ?? throw new RdfParseException("The document has no root element.", sourceName, 1, 1);
    }
}
