namespace Graph.Formats;

/// <summary>The character classes of the Turtle grammar (PN_CHARS_BASE, PN_CHARS_U, PN_CHARS), for UTF-16 code units.</summary>
internal static class CharClasses
{
    /// <summary>PN_CHARS_BASE for a BMP character (supplementary ones arrive as surrogate pairs: see <see cref="IsPnCharsBaseSupplementary"/>).</summary>
    public static bool IsPnCharsBase(int c) =>
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
        || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD);

    public static bool IsPnCharsBaseSupplementary(int codePoint) => codePoint >= 0x10000 && codePoint <= 0xEFFFF;

    public static bool IsPnCharsU(int c) => c == '_' || IsPnCharsBase(c);

    public static bool IsPnChars(int c) =>
        IsPnCharsU(c) || c == '-' || (c >= '0' && c <= '9') || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
}
