using Graph.Rdf;

namespace Graph.Sparql.Functions;

/// <summary>XSD datatype IRIs the functions need beyond <see cref="Vocab.Xsd"/>, and their groups.</summary>
internal static class XsdNames
{
    public const string Ns = Vocab.Xsd.Ns;
    public const string NonNegativeInteger = Ns + "nonNegativeInteger";
    public static readonly IriNode FloatNode = new(Vocab.Xsd.Float);
    public static readonly IriNode DayTimeDurationNode = new(Vocab.Xsd.DayTimeDuration);

    /// <summary>The integer types derived from xsd:integer, with their inclusive bounds (null = unbounded).</summary>
    public static readonly Dictionary<string, (System.Numerics.BigInteger? Min, System.Numerics.BigInteger? Max)> IntegerTypes = new(StringComparer.Ordinal)
    {
        [Vocab.Xsd.Integer] = (null, null),
        [Vocab.Xsd.NonPositiveInteger] = (null, 0),
        [Vocab.Xsd.NegativeInteger] = (null, -1),
        [Vocab.Xsd.Long] = (long.MinValue, long.MaxValue),
        [Vocab.Xsd.Int] = (int.MinValue, int.MaxValue),
        [Vocab.Xsd.Short] = (short.MinValue, short.MaxValue),
        [Vocab.Xsd.Byte] = (sbyte.MinValue, sbyte.MaxValue),
        [Vocab.Xsd.NonNegativeInteger] = (0, null),
        [Vocab.Xsd.UnsignedLong] = (0, ulong.MaxValue),
        [Vocab.Xsd.UnsignedInt] = (0, uint.MaxValue),
        [Vocab.Xsd.UnsignedShort] = (0, ushort.MaxValue),
        [Vocab.Xsd.UnsignedByte] = (0, byte.MaxValue),
        [Vocab.Xsd.PositiveInteger] = (1, null),
    };

    public static bool IsNumericType(string dt) =>
        dt == Vocab.Xsd.Decimal || dt == Vocab.Xsd.Double || dt == Vocab.Xsd.Float || IntegerTypes.ContainsKey(dt);
}
