namespace Graph.News;

/// <summary>How a statement relates to a topic.</summary>
public enum StatementAction { Affirms, CallsFor, Condemns }

/// <summary>Cue patterns of the closed topic list (../shared/eval/topics.tsv) and what each topic needs in the sentence.</summary>
internal static class TopicCues
{
    [Flags]
    public enum Need { None = 0, Idlib = 1, Gaza = 2, NoGaza = 4, GroupAfter = 8, TurkeySyria = 16, CommitteeInArticle = 32 }

    public sealed record Cue(string Topic, string[][] Pattern, Need Need)
    {
        /// <summary>Per pattern word, each stem's teh-marbuta form before a pronoun («سيادة» → «سيادت»), or null.</summary>
        public string?[][] Teh { get; } = Pattern.Select(w => w.Select(s => s.Length > 2 && s[^1] == 'ه' ? s[..^1] + "ت" : null).ToArray()).ToArray();

        /// <summary>Per pattern word, the slot caching whether a word matches it (every cue is tried at every token of a statement).</summary>
        internal int[] Slots { get; } = Pattern.Select(w => w[0] == "*" ? -1 : WordTestSlots.Take()).ToArray();
    }

    /// <summary>Topics that name something bad: whatever the verb, a statement about them condemns.</summary>
    public static readonly HashSet<string> Negative = ["israeli_attacks", "separatist_agendas", "oil_revenues", "terrorist_presence_idlib"];

    /// <summary>The action when the governing verb only affirms or stresses.</summary>
    public static StatementAction Default(string topic) => topic switch
    {
        "humanitarian_assistance" or "refugee_return" or "gaza_ceasefire" => StatementAction.CallsFor,
        _ when Negative.Contains(topic) => StatementAction.Condemns,
        _ => StatementAction.Affirms,
    };

    private static Cue C(string topic, string pattern, Need need = Need.None) =>
        new(topic, pattern.Split(' ').Select(alt => alt == "*" ? ["*"] : alt.Split('|').Select(NormalizedText.Key).ToArray()).ToArray(), need);

    /// <summary>Each word of a pattern is a set of stems (a|b); «*» skips up to two words.</summary>
    public static readonly Cue[] All =
    [
        C("sovereignty_territorial_integrity", "سيادة"),
        C("sovereignty_territorial_integrity", "وحدة|سلامة أراضي|الأراضي"),
        C("sovereignty_territorial_integrity", "استقلال|استقلالية"),
        C("sovereignty_territorial_integrity", "وحدة سوريا|سورية|السورية"),
        C("idlib_normalization", "التطبيع|تطبيع المستدام", Need.Idlib),
        C("idlib_normalization", "تهدئة|التهدئة|الهدوء|هدوء", Need.Idlib),
        C("idlib_normalization", "الاستقرار|استقرار", Need.Idlib),
        C("eliminate_terrorist_groups", "القضاء|قضاء على|نهائيا"),
        C("eliminate_terrorist_groups", "مكافحة|محاربة|مواجهة الإرهاب|الإرهابية|التنظيمات|الجماعات"),
        C("eliminate_terrorist_groups", "الحرب|حرب|الحملة على", Need.GroupAfter),
        C("eliminate_terrorist_groups", "مكافحة|محاربة|مواجهة|التصدي|تصدي|قتال|القتال|ملاحقة", Need.GroupAfter),
        C("terrorist_presence_idlib", "وجود|تواجد|نشاط|انتشار|تنامي|تزايد|تمدد|تمركز", Need.GroupAfter),
        C("humanitarian_assistance", "المساعدات|مساعدات"),
        C("humanitarian_assistance", "المساعدة|مساعدة الإنسانية|في"),
        C("humanitarian_assistance", "تحسين الوضع الإنساني"),
        C("humanitarian_assistance", "الإنعاش|إنعاش"),
        C("humanitarian_assistance", "إعادة الإعمار|إعمار"),
        C("humanitarian_assistance", "الإغاثة|إغاثة|الإغاثية|إغاثية"),
        C("humanitarian_assistance", "التعافي|تعافي المبكر"),
        C("political_settlement", "التسوية|تسوية السياسية"),
        C("political_settlement", "الحل|حل السياسي"),
        C("political_settlement", "العملية|عملية السياسية"),
        C("political_settlement", "المسار|مسار السياسي"),
        C("political_settlement", "2254"),
        C("political_settlement", "حل|الحل عسكريا|عسكري"),
        C("constitutional_committee", "اللجنة|لجنة الدستورية"),
        C("constitutional_committee", "اللجنة", Need.CommitteeInArticle),
        C("israeli_attacks", "الهجمات|هجمات|الاعتداءات|اعتداءات|الغارات|غارات|الضربات|ضربات|القصف|قصف|العدوان|عدوان * الإسرائيلية|إسرائيلية|الإسرائيلي|إسرائيل"),
        C("separatist_agendas", "الأجندات|أجندات الانفصالية"),
        C("separatist_agendas", "الانفصالية|انفصالية"),
        C("separatist_agendas", "الحكم الذاتي"),
        C("oil_revenues", "عائدات|إيرادات النفط"),
        C("oil_revenues", "الاستيلاء|استيلاء|نهب|سرقة * النفط|النفطية|الثروات"),
        C("refugee_return", "عودة|العودة اللاجئين|النازحين|المهجرين|المهاجرين|آمنة|الآمنة|طوعية|الطوعية|السوريين"),
        C("refugee_return", "إعادة|اعادة اللاجئين|النازحين|المهجرين"),
        C("detainees_release", "المحتجزين|المختطفين|المخطوفين|المعتقلين|المفقودين|محتجزين|مختطفين|مخطوفين|معتقلين|مفقودين|الإفراج|الأسرى"),
        C("gaza_ceasefire", "وقف * إطلاق النار", Need.Gaza),
        C("de_escalation_zones", "مناطق * التصعيد"),
        C("ceasefire_regime", "وقف * إطلاق النار", Need.NoGaza),
        C("ceasefire_regime", "وقف الأعمال القتالية|العدائية"),
        C("ceasefire_regime", "الهدنة|هدنة"),
        C("civilian_protection", "حماية|سلامة المدنيين"),
        C("turkey_syria_normalization", "تطبيع|إعادة|استعادة|استئناف العلاقات", Need.TurkeySyria),
        C("turkey_syria_normalization", "خريطة طريق", Need.TurkeySyria),
    ];

    private static readonly int StartSlot = WordTestSlots.Take();

    /// <summary>False when no cue can match at this token (its first pattern word does not), so callers need not try each cue.</summary>
    public static bool MayStartAt(Token t)
    {
        if (StartSlot < 0) return MayStartUncached(t);
        var cue = t.Cue;
        return cue.TryGet(StartSlot, out var hit) ? hit : cue.Remember(StartSlot, MayStartUncached(t));
    }

    private static bool MayStartUncached(Token t)
    {
        foreach (var c in All)
            if (c.Pattern[0][0] == "*" || WordMatchesUncached(t, c.Pattern[0], c.Teh[0])) return true;
        return false;
    }

    /// <summary>Matches a pattern at token i; returns the last token used, or -1.</summary>
    public static int Match(Cue cue, IReadOnlyList<Token> t, int i, int end)
    {
        var k = i;
        for (var w = 0; w < cue.Pattern.Length; w++)
        {
            var stems = cue.Pattern[w];
            if (stems[0] == "*")
            {
                var next = cue.Pattern[w + 1];
                var found = -1;
                for (var skip = 0; skip <= 2 && k + skip < end; skip++)
                {
                    if (skip > 0 && t[k + skip].HardGapBefore) break;
                    if (WordMatches(t[k + skip], next, cue.Teh[w + 1], cue.Slots[w + 1])) { found = k + skip; break; }
                }
                if (found < 0) return -1;
                k = found + 1;
                w++;
                continue;
            }
            if (k >= end || (k > i && t[k].HardGapBefore) || !WordMatches(t[k], stems, cue.Teh[w], cue.Slots[w])) return -1;
            k++;
        }
        return k - 1;
    }

    private static bool WordMatches(Token t, string[] stems, string?[] teh, int slot)
    {
        // The answer depends only on the word's text (numbers included: a token is a number by its text).
        if (slot < 0) return WordMatchesUncached(t, stems, teh);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, WordMatchesUncached(t, stems, teh));
    }

    private static bool WordMatchesUncached(Token t, string[] stems, string?[] teh)
    {
        foreach (var (f, _) in t.Forms)
            for (var j = 0; j < stems.Length; j++)
            {
                var s = stems[j];
                if (t.IsNumber) { if (f == s) return true; continue; }
                if (f.Length > s.Length + 3) continue;
                if (f.StartsWith(s, StringComparison.Ordinal)) return true;
                // Teh marbuta is written teh before a pronoun: «سيادة» but «سيادتها».
                if (teh[j] is { } ts && f.StartsWith(ts, StringComparison.Ordinal)) return true;
            }
        return false;
    }
}
