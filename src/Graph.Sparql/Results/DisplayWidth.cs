using System.Globalization;
using System.Text;

namespace Graph.Sparql.Results;

/// <summary>
/// How many terminal columns text takes: combining marks, format characters (including bidi isolates) and
/// zero-width joiners take none; East Asian wide and fullwidth characters and most emoji take two.
/// </summary>
public static class DisplayWidth
{
    public static int Of(string s)
    {
        var w = 0;
        foreach (var r in s.EnumerateRunes()) w += Of(r);
        return w;
    }

    public static int Of(Rune r)
    {
        var v = r.Value;
        if (v < 0x20 || v is >= 0x7F and < 0xA0) return 0;
        switch (Rune.GetUnicodeCategory(r))
        {
            case UnicodeCategory.NonSpacingMark:
            case UnicodeCategory.EnclosingMark:
            case UnicodeCategory.Format:
                return 0;
        }
        // Hangul medial vowels and final consonants join the preceding syllable.
        if (v is >= 0x1160 and <= 0x11FF) return 0;
        return IsWide(v) ? 2 : 1;
    }

    private static bool IsWide(int v) =>
        v is >= 0x1100 and <= 0x115F
        or >= 0x2E80 and <= 0x303E
        or >= 0x3041 and <= 0x33FF
        or >= 0x3400 and <= 0x4DBF
        or >= 0x4E00 and <= 0x9FFF
        or >= 0xA000 and <= 0xA4CF
        or >= 0xAC00 and <= 0xD7A3
        or >= 0xF900 and <= 0xFAFF
        or >= 0xFE30 and <= 0xFE4F
        or >= 0xFF00 and <= 0xFF60
        or >= 0xFFE0 and <= 0xFFE6
        or >= 0x1F300 and <= 0x1F64F
        or >= 0x1F900 and <= 0x1F9FF
        or >= 0x20000 and <= 0x2FFFD
        or >= 0x30000 and <= 0x3FFFD;

    /// <summary>True for characters of strong right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, N'Ko, ...).</summary>
    public static bool IsStrongRtl(Rune r)
    {
        var v = r.Value;
        var inRange = v is >= 0x0590 and <= 0x08FF or >= 0xFB1D and <= 0xFDFF or >= 0xFE70 and <= 0xFEFF
            or >= 0x10800 and <= 0x10FFF or >= 0x1E800 and <= 0x1EFFF;
        if (!inRange) return false;
        // Marks and Arabic-Indic digits sit in these blocks but carry no strong direction.
        var c = Rune.GetUnicodeCategory(r);
        return c is not (UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark or UnicodeCategory.SpacingCombiningMark
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.Format);
    }

    /// <summary>The direction of the first strongly directional character: +1 left-to-right, -1 right-to-left, 0 none.</summary>
    public static int FirstStrongDirection(string s)
    {
        foreach (var r in s.EnumerateRunes())
        {
            if (IsStrongRtl(r)) return -1;
            if (Rune.IsLetter(r)) return 1;
        }
        return 0;
    }

    public static bool ContainsRtl(string s)
    {
        foreach (var r in s.EnumerateRunes())
            if (IsStrongRtl(r)) return true;
        return false;
    }
}
