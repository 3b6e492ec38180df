namespace Graph.Rdf;

/// <summary>IRIs of the vocabularies the engine itself depends on.</summary>
public static class Vocab
{
    public static class Rdf
    {
        public const string Ns = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
        public const string Type = Ns + "type";
        public const string First = Ns + "first";
        public const string Rest = Ns + "rest";
        public const string Nil = Ns + "nil";
        public const string LangString = Ns + "langString";
        public const string DirLangString = Ns + "dirLangString";
        public const string XmlLiteral = Ns + "XMLLiteral";
        public const string JsonLiteral = Ns + "JSON";
        public const string Reifies = Ns + "reifies";
        public const string Statement = Ns + "Statement";
        public const string Subject = Ns + "subject";
        public const string Predicate = Ns + "predicate";
        public const string Object = Ns + "object";
        public static readonly IriNode TypeNode = new(Type);
        public static readonly IriNode FirstNode = new(First);
        public static readonly IriNode RestNode = new(Rest);
        public static readonly IriNode NilNode = new(Nil);
        public static readonly IriNode LangStringNode = new(LangString);
        public static readonly IriNode DirLangStringNode = new(DirLangString);
        public static readonly IriNode ReifiesNode = new(Reifies);
    }

    public static class Rdfs
    {
        public const string Ns = "http://www.w3.org/2000/01/rdf-schema#";
        public const string Label = Ns + "label";
        public const string Comment = Ns + "comment";
        public const string SubClassOf = Ns + "subClassOf";
        public const string Class = Ns + "Class";
    }

    public static class Owl
    {
        public const string Ns = "http://www.w3.org/2002/07/owl#";
        public const string SameAs = Ns + "sameAs";
    }

    public static class Xsd
    {
        public const string Ns = "http://www.w3.org/2001/XMLSchema#";
        public const string String = Ns + "string";
        public const string Boolean = Ns + "boolean";
        public const string Integer = Ns + "integer";
        public const string Decimal = Ns + "decimal";
        public const string Double = Ns + "double";
        public const string Float = Ns + "float";
        public const string Date = Ns + "date";
        public const string DateTime = Ns + "dateTime";
        public const string Time = Ns + "time";
        public const string GYear = Ns + "gYear";
        public const string GYearMonth = Ns + "gYearMonth";
        public const string Duration = Ns + "duration";
        public const string DayTimeDuration = Ns + "dayTimeDuration";
        public const string YearMonthDuration = Ns + "yearMonthDuration";
        public const string Long = Ns + "long";
        public const string Int = Ns + "int";
        public const string Short = Ns + "short";
        public const string Byte = Ns + "byte";
        public const string NonNegativeInteger = Ns + "nonNegativeInteger";
        public const string NonPositiveInteger = Ns + "nonPositiveInteger";
        public const string PositiveInteger = Ns + "positiveInteger";
        public const string NegativeInteger = Ns + "negativeInteger";
        public const string UnsignedLong = Ns + "unsignedLong";
        public const string UnsignedInt = Ns + "unsignedInt";
        public const string UnsignedShort = Ns + "unsignedShort";
        public const string UnsignedByte = Ns + "unsignedByte";
        public static readonly IriNode StringNode = new(String);
        public static readonly IriNode BooleanNode = new(Boolean);
        public static readonly IriNode IntegerNode = new(Integer);
        public static readonly IriNode DecimalNode = new(Decimal);
        public static readonly IriNode DoubleNode = new(Double);
        public static readonly IriNode DateNode = new(Date);
        public static readonly IriNode DateTimeNode = new(DateTime);
    }
}
