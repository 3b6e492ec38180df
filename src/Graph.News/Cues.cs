namespace Graph.News;

/// <summary>Verb and noun cues that decide roles, tense and the action of a statement.</summary>
internal static class Cues
{
    private static WordList K(params string[] s) => new(s.Select(NormalizedText.Key).ToArray());

    public static readonly WordList Announce = K("أعلن", "يعلن", "تعلن", "حدد", "يحدد", "تحدد", "صرح", "يصرح", "قال", "يقول", "تقول", "أوضح", "يوضح", "توضح",
        "كشف", "يكشف", "تكشف", "ذكر", "أفاد", "يفيد", "نقل", "أكد", "يؤكد", "تؤكد", "اقترح", "تقترح", "يقترح", "أبلغ", "أشار", "مشير");
    /// <summary>Announcing verbs that also report a statement's content: they announce only a clause («أكد أن الجولة ستعقد …»), not a noun («أكدت تركيا التزامها …»).</summary>
    public static readonly WordList Stress = K("أكد", "يؤكد", "تؤكد");
    public static readonly WordList Decide = K("قرر", "تقرر", "اتفق", "تتفق", "توافق", "اتفقوا");
    public static readonly WordList Event = K("عقد", "انعقد", "تعقد", "يعقد", "ينعقد", "تنعقد", "انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ",
        "اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "تتواصل", "يتواصل", "تستمر", "يستمر", "استمر",
        "يلتئم", "تلتئم", "التأم", "استضاف", "تستضيف", "يستضيف", "احتضن", "تحتضن", "يحتضن", "افتتح", "موعد", "أسدل", "جرت", "تجري", "يجري", "بدء", "انطلاق", "انعقاد", "تأتي", "يأتي", "طوت");
    public static readonly WordList EventStart = K("انطلق", "تنطلق", "ينطلق", "بدأ", "تبدأ", "يبدأ", "افتتح", "بدء", "انطلاق");
    public static readonly WordList EventEnd = K("اختتم", "تختتم", "يختتم", "اختتام", "ختام", "انتهى", "انتهت", "تنتهي", "ينتهي", "أسدل", "طوت");
    public static readonly WordList EventEndPast = K("اختتم", "انتهى", "انتهت", "أسدل", "ختام", "طوت");
    public static readonly WordList Until = K("حتى");

    public static readonly WordList Affirm = K("أكد", "يؤكد", "تؤكد", "مؤكد", "تأكيد", "شدد", "يشدد", "تشدد", "مشدد", "جدد", "يجدد", "تجدد", "مجدد",
        "تعهد", "اتفق", "تتفق", "توافق", "رحب", "ترحب", "مرحب", "الالتزام", "التزام", "تمسك", "عزم", "وقع", "أقر",
        "أشاد", "تشيد", "يشيد", "مشيد", "ثمن", "تثمن", "يثمن", "نوه", "تنوه", "ينوه", "منوه");
    public static readonly WordList Call = K("دعا", "دعت", "دعوا", "يدعو", "تدعو", "داعي", "طالب", "يطالب", "تطالب", "مطالب", "حث", "يحث", "تحث", "ناشد");
    public static readonly WordList Condemn = K("دان", "أدان", "يدين", "تدين", "إدانة", "ندد", "يندد", "استنكر", "رفض", "يرفض", "ترفض", "رافض",
        "عارض", "يعارض", "تعارض", "قلق", "القلق", "شجب", "يشجب", "تشجب", "استهجن", "يدن");
    /// <summary>«أعلنت دعمها لعمل اللجنة»: support affirms, unless it is the object of a call («دعا إلى دعم …»).</summary>
    public static readonly WordList Support = K("دعم", "دعمت", "دعموا", "يدعم", "تدعم", "دعمها", "دعمه", "دعمهم", "تأييد", "تأييدها", "تأييده", "أيد", "أيدت", "أيدوا", "تؤيد", "يؤيد");
    /// <summary>«لم يتطرق البيان إلى …»: after a negation these verbs say what a statement left out.</summary>
    public static readonly WordList Mention = K("يتطرق", "تتطرق", "يشر", "تشر", "يذكر", "تذكر", "يتناول", "تتناول", "يتحدث", "تتحدث", "يأت", "تأت",
        "التطرق", "الإشارة", "ذكر");
    public static readonly WordList Negation = K("لم", "ولم", "دون", "بدون", "ودون", "لن", "ولن");
    /// <summary>«خلا البيان من أي إدانة …»، «لم يتضمن أي دعوة …»: a statement noun after «أي» is what is missing.</summary>
    public static readonly WordList Any = K("أي", "اي", "بأي");
    /// <summary>Verbs that leave a topic out whatever precedes them.</summary>
    public static readonly WordList Omit = K("أغفل", "تجاهل", "يتجاهل", "أهمل", "خلا", "يغفل", "تغفل");
    /// <summary>«ومثّل الأمم المتحدة فريق …»: the body is represented at the round.</summary>
    public static readonly WordList Represented = K("مثل", "ومثل", "يمثل", "تمثل", "ويمثل");
    /// <summary>«الجماعات المرتبطة بالقاعدة»: a group's short name after a tie word is the group.</summary>
    public static readonly WordList Terrorist = K("الإرهابي", "الإرهابيين", "الإرهابية", "المتطرف", "المتطرفين");
    public static readonly WordList TiedTo = K("المرتبطة", "المرتبطين", "مرتبطة", "مرتبطين", "المرتبط", "مرتبط", "يرتبط", "ترتبط", "التابعة", "تابعة", "التابع", "الموالية", "فرع", "ذراع");
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
    /// <summary>The absence verbs inflected, tested exactly (a stem test would take «بعدما» for «عدم»).</summary>
    public static readonly WordList AbsentInflected = K("غاب", "غابت", "تغيب", "تغيبت", "يتغيب", "غياب", "بغياب", "قاطع", "قاطعت", "يقاطع", "تقاطع",
        "مقاطعة", "امتنع", "امتنعت", "يمتنع", "تمتنع", "عدم", "تعتذر", "اعتذر", "اعتذرت", "رفض", "رفضت");
    public static readonly WordList Headed = K("برئاسة", "برئاسته", "يترأسه", "يرأسه");
    public static readonly WordList Statement = K("بيان", "البيان", "بيانه", "بيانها", "بيانهم", "بيانا");
    public static readonly WordList StatementQualifier = K("الختامي", "ختامي", "ختاميا", "المشترك", "مشترك", "مشتركا");
    public static readonly WordList Memorandum = K("مذكرة", "المذكرة", "الوثيقة");
    public static readonly WordList Collective = K("الضامنون", "الضامنين", "الأطراف", "المشاركون", "المشاركين");
    public static readonly WordList States3 = K("الدول", "الثلاث");
    /// <summary>«وأعرب المجتمعون عن …»: those gathered at the round speak through its statement.</summary>
    public static readonly WordList Assembled = K("المجتمعون", "المجتمعين", "المؤتمرون", "المتحاورون");
    public static readonly WordList Complementizer = K("أن", "إن", "بأن", "أنه", "أنها", "بأنه", "بأنها", "إنه", "إنها");
    public static readonly WordList From = K("عن");
    public static readonly WordList To = K("إلى", "الى");
    public static readonly WordList Continuation = K("كما", "كذلك");
    public static readonly WordList Prepare = K("التحضير", "تحضير", "الإعداد", "الختامية", "الأخيرة", "الأخير", "إنهاء", "موعد");
    public static readonly WordList Pluperfect = K("كان", "كانت", "وكان", "وكانت");
    public static readonly WordList Qad = K("قد");
    public static readonly WordList Complement = K("مكمل", "مكملة", "مكملا", "تكمل", "يكمل", "بديلا", "بديل");
    public static readonly WordList Duration = K("استمر", "استمرت", "تستمر", "يستمر", "مدى", "لمدة", "مدة");
    public static readonly WordList TwoDays = K("يومين");
    public static readonly WordList ThreeDays = K("ثلاثة");
    /// <summary>«انتهت ... بعد يومين من النقاشات»: «بعد» counts the days of the meeting only with «من» and what was held.</summary>
    public static readonly WordList AfterDays = K("بعد");
    public static readonly WordList Of = K("من");
    public static readonly WordList MeetingActivity = K("النقاشات", "النقاش", "المحادثات", "المفاوضات", "المباحثات", "الاجتماعات",
        "المشاورات", "اللقاءات", "الحوار", "الحوارات", "المداولات", "الجلسات", "العمل", "الأعمال");

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
