namespace Graph.News;

/// <summary>Verb and noun cues that decide roles, tense and the action of a statement.</summary>
internal static class Cues
{
    private static WordList K(params string[] s) => new(s.Select(NormalizedText.Key).ToArray());

    public static readonly WordList Announce = K("أعلن", "يعلن", "تعلن", "حدد", "يحدد", "تحدد", "صرح", "يصرح", "قال", "يقول", "تقول", "أوضح", "يوضح", "توضح",
        "كشف", "يكشف", "تكشف", "ذكر", "أفاد", "يفيد", "نقل", "أكد", "يؤكد", "تؤكد", "اقترح", "تقترح", "يقترح", "أبلغ", "أشار", "مشير");
    public static readonly WordList Decide = K("قرر", "تقرر", "اتفق", "تتفق", "توافق", "اتفقوا");
    public static readonly WordList Event = K("عقد", "انعقد", "تعقد", "يعقد", "ينعقد", "تنعقد", "انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ",
        "اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "تتواصل", "يتواصل", "تستمر", "يستمر", "استمر",
        "يلتئم", "تلتئم", "التأم", "استضاف", "تستضيف", "يستضيف", "احتضن", "تحتضن", "يحتضن", "افتتح", "موعد", "أسدل", "جرت", "تجري", "يجري", "بدء", "انطلاق", "انعقاد", "تأتي", "يأتي");
    public static readonly WordList EventStart = K("انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ", "افتتح", "بدء", "انطلاق");
    public static readonly WordList EventEnd = K("اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "أسدل");
    public static readonly WordList EventEndPast = K("اختتم", "انتهى", "انتهت", "أسدل", "ختام");
    public static readonly WordList Until = K("حتى");

    public static readonly WordList Affirm = K("أكد", "يؤكد", "تؤكد", "مؤكد", "تأكيد", "شدد", "يشدد", "تشدد", "مشدد", "جدد", "يجدد", "تجدد", "مجدد",
        "تعهد", "اتفق", "تتفق", "توافق", "رحب", "ترحب", "مرحب", "الالتزام", "التزام", "تمسك", "عزم", "وقع", "أقر");
    public static readonly WordList Call = K("دعا", "دعت", "دعوا", "يدعو", "تدعو", "داعي", "طالب", "يطالب", "تطالب", "مطالب", "حث", "يحث", "تحث", "ناشد");
    public static readonly WordList Condemn = K("دان", "أدان", "يدين", "تدين", "إدانة", "ندد", "يندد", "استنكر", "رفض", "يرفض", "ترفض", "رافض",
        "عارض", "يعارض", "تعارض", "قلق", "القلق");
    /// <summary>Verbs after which listed topics are an agenda or a review, not what a statement says.</summary>
    public static readonly WordList Block = K("راجع", "يتناول", "تتناول", "تناول", "بحث", "يبحث", "تبحث", "ناقش", "يناقش", "تناقش", "يلتئم", "تلتئم",
        "تشهد", "يشهد", "يتضمن", "جدول", "يعلن", "أعلن");
    /// <summary>«بذريعة مكافحة الإرهاب»: a topic named as someone's pretext or as a purpose is not what is affirmed.</summary>
    public static readonly WordList Pretext = K("بذريعة", "ذريعة", "بحجة", "حجة", "يخدم");

    /// <summary>Nouns a state adjective must follow to stand for the state («الوفد الروسي»، «السفير الأميركي»), not for a thing («الهجمات الإسرائيلية»).</summary>
    public static readonly WordList Agent = K("وفد", "الوفد", "جانب", "الجانب", "وزير", "وزارة", "الخارجية", "خارجية", "رئيس", "الرئيس", "للرئيس", "مبعوث", "المبعوث",
        "ممثل", "الممثل", "سفير", "السفير", "مستشار", "مستشاري", "مساعد", "مساعدي", "مندوب", "المندوب", "نائب", "الحكومة", "الدبلوماسي", "دبلوماسي", "مسؤول", "المسؤول");
    public static readonly WordList Guarantor = K("ضامن", "الضامن", "برعاية", "رعاية", "راعي", "الراعي", "بضمان");
    public static readonly WordList Observer = K("مراقب", "كمراقب", "بصفة مراقب");
    public static readonly WordList Attend = K("حضور", "بحضور", "يحضر", "تحضر", "حضر", "حضرت", "حضره");
    public static readonly WordList Participate = K("مشاركة", "بمشاركة", "شارك", "شاركت", "يشارك", "تشارك", "المشاركة", "ومشاركة");
    public static readonly WordList Delegation = K("وفد", "وفدا", "وفدي", "وفود", "الوفد", "الوفدين", "ممثلي", "ممثلو", "الوفود");
    public static readonly WordList Absent = K("غياب", "بغياب", "تغيب", "غاب", "قاطع", "يقاطع", "مقاطعة", "امتنع", "يمتنع", "عدم");
    public static readonly WordList Headed = K("برئاسة", "برئاسته", "يترأسه", "يرأسه");
    public static readonly WordList Statement = K("بيان", "البيان", "بيانه", "بيانها", "بيانهم", "بيانا");
    public static readonly WordList StatementQualifier = K("الختامي", "ختامي", "ختاميا", "المشترك", "مشترك", "مشتركا");
    public static readonly WordList Memorandum = K("مذكرة", "المذكرة", "الوثيقة");
    public static readonly WordList Collective = K("الضامنون", "الضامنين", "الأطراف", "المشاركون", "المشاركين");
    public static readonly WordList States3 = K("الدول", "الثلاث");
    public static readonly WordList Complementizer = K("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها", "إنه", "إنها");
    public static readonly WordList From = K("عن");
    public static readonly WordList Continuation = K("كما", "كذلك");
    public static readonly WordList Prepare = K("التحضير", "تحضير", "الإعداد", "الختامية", "الأخيرة", "الأخير", "إنهاء", "موعد");
    public static readonly WordList Pluperfect = K("كان", "كانت", "وكان", "وكانت");
    public static readonly WordList Qad = K("قد");
    public static readonly WordList Complement = K("مكمل", "مكملة", "مكملا", "تكمل", "يكمل", "بديلا", "بديل");
    public static readonly WordList Duration = K("استمر", "استمرت", "تستمر", "يستمر", "مدى", "لمدة", "مدة");
    public static readonly WordList TwoDays = K("يومين");
    public static readonly WordList ThreeDays = K("ثلاثة");

    // Stem and word tests run many times per token (every cue list, from many positions): each answer is cached per
    // word text, in the slot the list holds for that kind of test (see WordTestSlots).

    /// <summary>Stem test on a token's forms, also without the article «ال».</summary>
    public static bool Has(Token t, WordList stems, int slack = 4)
    {
        if (t.IsNumber) return false;
        var slot = stems.StemSlot(slack);
        if (slot < 0) return HasUncached(t, stems.Words, slack);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, HasUncached(t, stems.Words, slack));
    }

    /// <summary>The same for a plain array: not cached (an array may be built per call), so hot lists should be <see cref="WordList"/>s.</summary>
    public static bool Has(Token t, string[] stems, int slack = 4) => !t.IsNumber && HasUncached(t, stems, slack);

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

    /// <summary>True when some form of the token (after stripping proclitics) is one of the words.</summary>
    public static bool Exactly(Token t, WordList words)
    {
        if (t.IsNumber) return false;
        var slot = words.ExactSlot;
        if (slot < 0) return ExactlyUncached(t, words.Words);
        var cue = t.Cue;
        return cue.TryGet(slot, out var hit) ? hit : cue.Remember(slot, ExactlyUncached(t, words.Words));
    }

    /// <summary>The same for a plain array: not cached (an array may be built per call), so hot lists should be <see cref="WordList"/>s.</summary>
    public static bool Exactly(Token t, string[] words) => !t.IsNumber && ExactlyUncached(t, words);

    private static bool ExactlyUncached(Token t, string[] words)
    {
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
