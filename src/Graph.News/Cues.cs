namespace Graph.News;

/// <summary>Verb and noun cues that decide roles, tense and the action of a statement.</summary>
internal static class Cues
{
    private static string[] K(params string[] s) => s.Select(NormalizedText.Key).ToArray();

    public static readonly string[] Announce = K("أعلن", "يعلن", "تعلن", "حدد", "يحدد", "تحدد", "صرح", "يصرح", "قال", "يقول", "تقول", "أوضح", "يوضح", "توضح",
        "كشف", "يكشف", "تكشف", "ذكر", "أفاد", "يفيد", "نقل", "أكد", "يؤكد", "تؤكد", "اقترح", "تقترح", "يقترح", "أبلغ", "أشار", "مشير");
    public static readonly string[] Decide = K("قرر", "تقرر", "اتفق", "تتفق", "توافق", "اتفقوا");
    public static readonly string[] Event = K("عقد", "انعقد", "تعقد", "يعقد", "ينعقد", "تنعقد", "انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ",
        "اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "تتواصل", "يتواصل", "تستمر", "يستمر", "استمر",
        "يلتئم", "تلتئم", "التأم", "استضاف", "تستضيف", "يستضيف", "احتضن", "تحتضن", "يحتضن", "افتتح", "موعد", "أسدل", "جرت", "تجري", "يجري", "بدء", "انطلاق", "انعقاد", "تأتي", "يأتي", "طوت");
    public static readonly string[] EventStart = K("انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ", "افتتح", "بدء", "انطلاق");
    public static readonly string[] EventEnd = K("اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "أسدل", "طوت");
    public static readonly string[] EventEndPast = K("اختتم", "انتهى", "انتهت", "أسدل", "ختام", "طوت");
    public static readonly string[] Until = K("حتى");

    public static readonly string[] Affirm = K("أكد", "يؤكد", "تؤكد", "مؤكد", "تأكيد", "شدد", "يشدد", "تشدد", "مشدد", "جدد", "يجدد", "تجدد", "مجدد",
        "تعهد", "اتفق", "تتفق", "توافق", "رحب", "ترحب", "مرحب", "الالتزام", "التزام", "تمسك", "عزم", "وقع", "أقر");
    public static readonly string[] Call = K("دعا", "دعت", "دعوا", "يدعو", "تدعو", "داعي", "طالب", "يطالب", "تطالب", "مطالب", "حث", "يحث", "تحث", "ناشد");
    public static readonly string[] Condemn = K("دان", "أدان", "يدين", "تدين", "إدانة", "ندد", "يندد", "استنكر", "رفض", "يرفض", "ترفض", "رافض",
        "عارض", "يعارض", "تعارض", "قلق", "القلق");
    /// <summary>Verbs after which listed topics are an agenda or a review, not what a statement says.</summary>
    public static readonly string[] Block = K("راجع", "يتناول", "تتناول", "تناول", "بحث", "يبحث", "تبحث", "ناقش", "يناقش", "تناقش", "يلتئم", "تلتئم",
        "تشهد", "يشهد", "يتضمن", "جدول", "يعلن", "أعلن");
    /// <summary>«بذريعة مكافحة الإرهاب»: a topic named as someone's pretext or as a purpose is not what is affirmed.</summary>
    public static readonly string[] Pretext = K("بذريعة", "ذريعة", "بحجة", "حجة", "يخدم");

    /// <summary>Nouns a state adjective must follow to stand for the state («الوفد الروسي»، «السفير الأميركي»), not for a thing («الهجمات الإسرائيلية»).</summary>
    public static readonly string[] Agent = K("وفد", "الوفد", "جانب", "الجانب", "وزير", "وزارة", "الخارجية", "خارجية", "رئيس", "الرئيس", "للرئيس", "مبعوث", "المبعوث",
        "ممثل", "الممثل", "سفير", "السفير", "مستشار", "مستشاري", "مساعد", "مساعدي", "مندوب", "المندوب", "نائب", "الحكومة", "الدبلوماسي", "دبلوماسي", "مسؤول", "المسؤول");
    public static readonly string[] Guarantor = K("ضامن", "الضامن", "برعاية", "رعاية", "راعي", "الراعي", "بضمان");
    public static readonly string[] Observer = K("مراقب", "كمراقب", "بصفة مراقب");
    public static readonly string[] Attend = K("حضور", "بحضور", "يحضر", "تحضر", "حضر", "حضرت", "حضره");
    public static readonly string[] Participate = K("مشاركة", "بمشاركة", "شارك", "شاركت", "يشارك", "تشارك", "المشاركة", "ومشاركة");
    public static readonly string[] Delegation = K("وفد", "وفدا", "وفدي", "وفود", "الوفد", "الوفدين", "ممثلي", "ممثلو", "الوفود");
    public static readonly string[] Absent = K("غياب", "بغياب", "تغيب", "غاب", "قاطع", "يقاطع", "مقاطعة", "امتنع", "يمتنع", "عدم");
    public static readonly string[] Headed = K("برئاسة", "برئاسته", "يترأسه", "يرأسه");
    public static readonly string[] Statement = K("بيان", "البيان", "بيانه", "بيانها", "بيانهم", "بيانا");
    public static readonly string[] StatementQualifier = K("الختامي", "ختامي", "ختاميا", "المشترك", "مشترك", "مشتركا");
    public static readonly string[] Memorandum = K("مذكرة", "المذكرة", "الوثيقة");
    public static readonly string[] Collective = K("الضامنون", "الضامنين", "الأطراف", "المشاركون", "المشاركين");
    public static readonly string[] States3 = K("الدول", "الثلاث");
    public static readonly string[] Complementizer = K("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها", "إنه", "إنها");
    public static readonly string[] From = K("عن");
    public static readonly string[] Continuation = K("كما", "كذلك");
    public static readonly string[] Prepare = K("التحضير", "تحضير", "الإعداد", "الختامية", "الأخيرة", "الأخير", "إنهاء", "موعد");
    public static readonly string[] Pluperfect = K("كان", "كانت", "وكان", "وكانت");
    public static readonly string[] Qad = K("قد");
    public static readonly string[] Complement = K("مكمل", "مكملة", "مكملا", "تكمل", "يكمل", "بديلا", "بديل");
    public static readonly string[] Duration = K("استمر", "استمرت", "تستمر", "يستمر", "مدى", "لمدة", "مدة");
    public static readonly string[] TwoDays = K("يومين");
    public static readonly string[] ThreeDays = K("ثلاثة");

    // Stem tests run many times per token (every cue list, from many positions), so each token caches the
    // answer per (stem list, slack) pair in two bit sets; the pairs are numbered on first use.
    private static readonly object s_slotLock = new();
    private static (string[] Stems, int Slack)[] s_slots = [];

    private static int Slot(string[] stems, int slack)
    {
        var slots = s_slots;
        for (var i = 0; i < slots.Length; i++)
            if (ReferenceEquals(slots[i].Stems, stems) && slots[i].Slack == slack) return i;
        lock (s_slotLock)
        {
            slots = s_slots;
            for (var i = 0; i < slots.Length; i++)
                if (ReferenceEquals(slots[i].Stems, stems) && slots[i].Slack == slack) return i;
            if (slots.Length >= 64) return -1;
            s_slots = [.. slots, (stems, slack)];
            return slots.Length;
        }
    }

    /// <summary>Stem test on a token's forms, also without the article «ال».</summary>
    public static bool Has(Token t, string[] stems, int slack = 4)
    {
        if (t.IsNumber) return false;
        var slot = Slot(stems, slack);
        if (slot < 0) return HasUncached(t, stems, slack);
        var bit = 1UL << slot;
        var cue = t.Cue;
        if ((cue.Known & bit) != 0) return (cue.Hit & bit) != 0;
        var hit = HasUncached(t, stems, slack);
        if (hit) cue.Hit |= bit;
        cue.Known |= bit;
        return hit;
    }

    private static bool HasUncached(Token t, string[] stems, int slack)
    {
        foreach (var (f, _) in t.Forms)
        {
            var bare = f.StartsWith("ال", StringComparison.Ordinal) && f.Length > 3 ? f[2..] : null;
            foreach (var s in stems)
            {
                if (f.StartsWith(s, StringComparison.Ordinal) && f.Length <= s.Length + slack) return true;
                if (bare is not null && bare.StartsWith(s, StringComparison.Ordinal) && bare.Length <= s.Length + slack) return true;
            }
        }
        return false;
    }

    public static bool Exactly(Token t, string[] words)
    {
        if (t.IsNumber) return false;
        foreach (var (f, _) in t.Forms) if (Array.IndexOf(words, f) >= 0) return true;
        return false;
    }

    /// <summary>True when the token is a verb with the future prefix «س» (ستعقد، سيعقد).</summary>
    public static bool IsFuture(Token t)
    {
        if (t.IsNumber) return false;
        var w = t.Text;
        if (w.Length > 1 && (w[0] == 'و' || w[0] == 'ف') && w[1] == 'س') w = w[1..];
        return w.Length >= 4 && w[0] == 'س' && w[1] is 'ي' or 'ت' or 'ن';
    }

    /// <summary>True for an imperfect verb form (يعقد، تعقد) rather than a perfect (عقد).</summary>
    public static bool IsImperfect(Token t)
    {
        if (t.IsNumber) return false;
        var w = t.Text;
        if (w.Length > 1 && (w[0] == 'و' || w[0] == 'ف')) w = w[1..];
        if (w.Length > 1 && w[0] == 'س') w = w[1..];
        return w.Length >= 3 && w[0] is 'ي' or 'ت';
    }
}
