namespace Graph.News;

/// <summary>An entity named in the text.</summary>
public sealed record EntityMention(string Key, NameKind Kind, int First, int Last, Entity Entity);

/// <summary>
/// Turns one article into facts: rounds of the Astana process with dates, place and status; guarantors,
/// participants, observers; designated groups; what final statements affirm, call for or condemn;
/// announcements of rounds; each with the spans of the text that state it.
/// </summary>
public sealed partial class Extractor(Gazetteer gazetteer)
{
    private readonly bool _debug = Environment.GetEnvironmentVariable("KG_NEWS_DEBUG") == "1";

    /// <summary>Extracts one article; safe to call from several threads at once (each call has its own state).</summary>
    public ArticleFacts Extract(Article article)
    {
        var run = new Run(gazetteer, article);
        run.Execute();
        if (_debug) lock (this) run.Dump(Console.Error);
        return run.Result;
    }

    /// <summary>The gazetteer entities named in a text, in order (longest match, proclitics stripped when the rest is a name).</summary>
    public IReadOnlyList<EntityMention> FindEntities(string text)
    {
        var run = new Run(gazetteer, new Article { Id = "x", Text = text, Published = new DateOnly(2000, 1, 1) });
        run.MatchEntitiesOnly();
        return run.Mentions;
    }

    private sealed partial class Run
    {
        public IReadOnlyList<EntityMention> Mentions => _mentions;

        public void MatchEntitiesOnly() => MatchEntities();

        private readonly Gazetteer _g;
        private readonly Article _a;
        private readonly NormalizedText _n;
        private readonly List<Token> _t;
        private readonly List<Sentence> _s;
        private readonly List<EntityMention> _mentions = [];
        private readonly EntityMention?[] _mentionAt;
        private readonly List<DateExpression>[] _dates;
        private readonly HashSet<int> _dateTokens = [];
        private readonly List<RoundMention> _rounds = [];
        private readonly Dictionary<int, RoundState> _state = [];
        private readonly DateOnly _p;

        public ArticleFacts Result { get; }

        public Run(Gazetteer g, Article a)
        {
            _g = g;
            _a = a;
            _p = a.Published;
            _n = NormalizedText.Of(a.Text);
            (_t, _s) = Tokenizer.Tokenize(_n.Text);
            _mentionAt = new EntityMention?[_t.Count];
            _dates = new List<DateExpression>[_s.Count];
            Result = new ArticleFacts { Article = a, Norm = _n, Sentences = _s };
        }

        public void Execute()
        {
            MatchEntities();
            foreach (var s in _s)
            {
                _dates[s.Index] = DateRecognizer.Find(_t, s.FirstToken, s.EndToken, _p, i => FutureAt(i, s));
                foreach (var d in _dates[s.Index])
                    for (var i = d.First; i <= d.Last; i++) _dateTokens.Add(i);
            }
            foreach (var s in _s) _rounds.AddRange(RoundRecognizer.Find(_t, s, _dateTokens));
            AttributeProcesses();
            if (!IsAboutAstana()) return;
            ResolveNumbers();
            DetectChanges();
            AttachDates();
            ComputeStatus();
            FoldNextIntoAnnounced();
            ResolveNewRounds();
            EmitRounds();
            ExtractRoles();
            ExtractDesignated();
            ExtractStatements();
            ExtractAnnouncements();
            ExtractPeopleAndRelations();
        }

        // ---------------------------------------------------------------- entities

        private void MatchEntities()
        {
            Span<char> buffer = stackalloc char[64];
            for (var i = 0; i < _t.Count; i++)
            {
                if (_t[i].IsNumber) continue;
                var bestLen = 0;
                List<(string Key, NameKind Kind)>? best = null;
                // Most words start no name: one cached test per word text skips the lookups.
                if (_g.MayStartName(_t[i]))
                    foreach (var (form, _) in _t[i].Forms)
                    {
                        if (!_g.Exact.ContainsFirst(form)) continue;
                        var start = i;
                        var len = _g.Exact.Longest(form, k => Next(start, k), out var values);
                        if (len > bestLen) { bestLen = len; best = values; }
                    }
                if (bestLen == 0 && _g.MayStartSkeleton(_t[i]))
                {
                    var word = Gazetteer.WithoutConjunction(_t[i].Text);
                    var into = word.Length <= buffer.Length ? buffer : new char[word.Length];
                    var sk = into[..Gazetteer.SkeletonOf(word, into)];
                    if (_g.Skeleton.ContainsFirst(sk))
                    {
                        var start = i;
                        var len = _g.Skeleton.Longest(new string(sk), k => NextSkeleton(start, k), out var values);
                        if (len > 0 && (len > 1 || _t[i].Text.Length >= 5)) { bestLen = len; best = values; }
                    }
                }
                if (bestLen == 0 || best is null) continue;
                var (key, kind) = best[0];
                var e = _g.Get(key)!;
                var m = new EntityMention(key, kind, i, i + bestLen - 1, e);
                _mentions.Add(m);
                for (var j = i; j < i + bestLen; j++) _mentionAt[j] = m;
                i += bestLen - 1;
            }
        }

        private string? Next(int start, int k)
        {
            var j = start + k;
            if (j >= _t.Count || _t[j].HardGapBefore || _t[j].Sentence != _t[start].Sentence) return null;
            return _t[j].Text;
        }

        private string? NextSkeleton(int start, int k)
        {
            var w = Next(start, k);
            return w is null ? null : Gazetteer.SkeletonOf(w);
        }

        private IEnumerable<EntityMention> MentionsIn(int from, int to)
        {
            for (var i = from; i < to; i++)
            {
                var m = _mentionAt[i];
                if (m is not null && m.First == i) yield return m;
            }
        }

        private bool SentenceMentions(Sentence s, Func<EntityMention, bool> pred)
        {
            // A loop, not MentionsIn(...).Any: asked several times per sentence, and the iterator is an allocation each time.
            for (var i = s.FirstToken; i < s.EndToken; i++)
                if (_mentionAt[i] is { } m && m.First == i && pred(m)) return true;
            return false;
        }

        // ---------------------------------------------------------------- rounds

        private static readonly HashSet<string> OtherProcessKeys = ["geneva_talks", "geneva", "constitutional_committee", "syrian_national_dialogue_congress"];
        private static readonly WordList Quad = WordList.Of("الرباعي الرباعية رباعية رباعي");

        /// <summary>Which process a numbered round belongs to: the process or city named right after it, else the sentence.</summary>
        private void AttributeProcesses()
        {
            foreach (var r in _rounds)
            {
                if (r.Process != Process.Unknown) continue;
                var s = _s[r.Sentence];
                if (OfAnotherGathering(r, s)) { r.Process = Process.Other; continue; }
                for (var i = r.Last + 1; i < Math.Min(s.EndToken, r.Last + 8); i++)
                {
                    if (i > r.Last + 1 && _t[i].CommaBefore) break;
                    // «بالجولة العشرين، التي شهدت على هامشها لقاءات رباعية»: a relative clause tells about the round, not whose it is.
                    if (_t[i].CommaBefore && Cues.Exactly(_t[i], Relatives)) break;
                    // «الجولة الثامنة من اجتماعات اللجنة الدستورية»: a plural head is not another round; read on to its owner.
                    if (RoundRecognizer.IsHead(_t[i]) && _rounds.Any(x => x != r && x.First == i)) break;
                    var m = _mentionAt[i];
                    if (m is null) { if (Cues.Exactly(_t[i], Quad)) { r.Process = Process.Other; break; } continue; }
                    if (m.Key is "astana_talks" or "astana") { r.Process = Process.Astana; break; }
                    if (OtherProcessKeys.Contains(m.Key)) { r.Process = Process.Other; break; }
                }
                // «انطلقت في العاصمة الكازاخستانية أستانا أولى جولات المحادثات»: the meeting is placed in the city of the process.
                if (r.Process == Process.Unknown && r.Reference == RoundReference.Number
                    && SentenceMentions(s, m => m.Key == "astana" && m.Kind == NameKind.Name && !IsDateline(m.First))
                    && !SentenceMentions(s, m => OtherProcessKeys.Contains(m.Key)))
                    r.Process = Process.Astana;
            }
        }

        /// <summary>Gatherings whose sessions are numbered too: «الدورة الثانية لمنتدى أستانا»، «النسخة الثالثة من مؤتمر …».</summary>
        private static readonly WordList OtherGatherings = WordList.Of(
            "منتدى المنتدى مؤتمر المؤتمر معرض المعرض مهرجان المهرجان بطولة البطولة البرلمان برلمان مجلس المجلس قمة القمة " +
            "اللجنة لجنة الألعاب انتخابات الانتخابات أسبوع جائزة الجائزة");

        /// <summary>True when the round phrase is the numbered session of another kind of gathering named right after it, by «ل» or «من».</summary>
        private bool OfAnotherGathering(RoundMention r, Sentence s)
        {
            var g = r.Last + 1;
            var viaMin = g < s.EndToken && _t[g].Text == "من";
            if (viaMin) g++;
            // «الجولة الأولى من هذا الحوار»
            if (viaMin && g < s.EndToken && Cues.Exactly(_t[g], Demonstratives)) g++;
            if (g >= s.EndToken || _t[g].HardGapBefore) return false;
            // «الاجتماع الثالث لوزراء خارجية ...»، «الاجتماع الثاني لقادة الدول»: ministerial meetings and summits are not rounds.
            if (!viaMin && Cues.Exactly(_t[g], Principals)) return true;
            if (Cues.Exactly(_t[g], OtherGatherings)) return viaMin || _t[g].Text.StartsWith('ل');
            // «الجولة الثانية من الحوار الاستراتيجي»، «الجولة الثانية للحوار»: a round of a named definite thing that is
            // neither talks nor a gazetteer name is a round of something else.
            var definite = viaMin ? _t[g].Text.StartsWith("ال", StringComparison.Ordinal) : _t[g].Text.StartsWith("لل", StringComparison.Ordinal);
            return definite && _mentionAt[g] is null && !_dateTokens.Contains(g) && !Cues.Exactly(_t[g], TalksNouns);
        }

        private static readonly WordList Principals = WordList.Of("لوزراء وزراء لقادة قادة لرؤساء رؤساء الوزاري الوزارية لزعماء");

        private static readonly WordList Demonstratives = WordList.Of("هذا هذه ذلك تلك");

        /// <summary>Nouns for the talks themselves, whose rounds are the process's rounds.</summary>
        private static readonly WordList TalksNouns = WordList.Of(
            "المحادثات المفاوضات المباحثات الاجتماعات المشاورات اللقاءات الجولات المسار الصيغة العملية");

        private bool SentenceIsOtherProcess(int sentence)
        {
            var s = _s[sentence];
            if (SentenceMentions(s, m => m.Key is "geneva_talks" or "syrian_national_dialogue_congress")) return true;
            if (_rounds.Any(r => r.Sentence == sentence && r.Process == Process.Other)) return true;
            return false;
        }

        private bool IsAboutAstana()
        {
            var astana = _rounds.Any(r => r.Process == Process.Astana)
                || _mentions.Any(m => m.Key == "astana_talks");
            if (!astana)
            {
                _rounds.Clear();
                return false;
            }
            // A round not attributed to a process belongs to Astana unless its sentence is about another one.
            foreach (var r in _rounds)
                if (r.Process == Process.Unknown)
                    r.Process = r.Reference is RoundReference.Number or RoundReference.Next or RoundReference.Previous && SentenceIsOtherProcess(r.Sentence) ? Process.Other : Process.Astana;
            // «الجلسة الأولى» is a sitting of a meeting unless the process is named right after it.
            _rounds.RemoveAll(r => r.Process != Process.Astana || (r.SessionHead && r.Reference == RoundReference.Number && !NamedProcessAfter(r) && !DigitsAfter(r)));
            return _rounds.Any(r => r.Reference == RoundReference.Number);
        }

        private bool NamedProcessAfter(RoundMention r)
        {
            var s = _s[r.Sentence];
            for (var i = r.Last + 1; i < Math.Min(s.EndToken, r.Last + 5); i++)
                if (_mentionAt[i] is { Key: "astana_talks" or "astana" }) return true;
            return false;
        }

        private bool DigitsAfter(RoundMention r) => _t[r.Last].IsNumber;

        private void ResolveNumbers()
        {
            var maxSoFar = 0;
            RoundMention? lastNumbered = null;
            var lead = _rounds.FirstOrDefault(r => r.Reference == RoundReference.Number);
            foreach (var r in _rounds)
            {
                switch (r.Reference)
                {
                    case RoundReference.Number:
                        break;
                    case RoundReference.Next when maxSoFar > 0:
                        r.Number = maxSoFar + 1;
                        break;
                    // «الجولة المقبلة … بعد اختتام الجولة الثامنة عشرة»: the round it follows is named later in the sentence.
                    case RoundReference.Next when _rounds.FirstOrDefault(x => x.Sentence == r.Sentence && x.First > r.Last && x.Reference == RoundReference.Number) is { } later:
                        r.Number = later.Number + 1;
                        break;
                    case RoundReference.Previous:
                        var max = _rounds.Where(x => x.Reference == RoundReference.Number).Select(x => x.Number).DefaultIfEmpty(0).Max();
                        if (max > 1) r.Number = max - 1;
                        break;
                    case RoundReference.Anaphor when lead is not null:
                        // News name the round they report on first; a bare «الجولة» later refers to it.
                        r.Number = lead.Number;
                        break;
                }
                if (r.Number > 0 && r.Reference != RoundReference.Anaphor)
                {
                    maxSoFar = Math.Max(maxSoFar, r.Number);
                    lastNumbered = r;
                }
            }
            _rounds.RemoveAll(r => r.Number <= 0 && r.Reference != RoundReference.New);
        }

        /// <summary>What the article says about one round.</summary>
        private sealed class RoundState
        {
            public required int Number { get; init; }
            public List<RoundMention> Mentions { get; } = [];
            public List<(DateOnly Day, DateExpression Expr, char Role)> Days { get; } = [];
            public List<(DateOnly A, DateOnly B, DateExpression Expr)> Pairs { get; } = [];
            public List<DateExpression> Intervals { get; } = [];
            public int Duration { get; set; }
            public NormSpan? DurationSpan { get; set; }
            public bool EndedVerb { get; set; }
            public bool FutureVerb { get; set; }
            public bool PastVerb { get; set; }
            public EntityMention? Place { get; set; }
            /// <summary>The hosting state when the text names it but no city.</summary>
            public string? HostState { get; set; }
            public string Status { get; set; } = "held";
            public DateOnly? Start, End, Earliest, Latest;
            public List<NormSpan> StartEv { get; } = [];
            public List<NormSpan> EndEv { get; } = [];
            public List<NormSpan> IntervalEv { get; } = [];
            /// <summary>Postponed or cancelled, with the words that say so and the dates the round had before.</summary>
            public RoundChange Change { get; set; }
            public List<NormSpan> ChangeEv { get; } = [];
            public List<DateExpression> Previous { get; } = [];
        }

        private RoundState State(int n)
        {
            if (!_state.TryGetValue(n, out var st)) _state[n] = st = new RoundState { Number = n };
            return st;
        }

        private enum Role { None, Event, Announce }

        /// <summary>The cue nearest before token i in its sentence (else nearest after) decides whether a date is an event's or an announcement's.</summary>
        private (Role Role, int At) CueRole(int i, Sentence s)
        {
            for (var k = i - 1; k >= s.FirstToken; k--)
            {
                if (_dateTokens.Contains(k)) continue;
                if (Cues.Has(_t[k], Cues.Event, 3)) return (Role.Event, k);
                if (Cues.Has(_t[k], Cues.Announce, 3) || Cues.Has(_t[k], Cues.Decide, 3)) return (Role.Announce, k);
            }
            for (var k = i + 1; k < s.EndToken; k++)
            {
                if (_dateTokens.Contains(k)) continue;
                if (Cues.Has(_t[k], Cues.Event, 3)) return (Role.Event, k);
                if (Cues.Has(_t[k], Cues.Announce, 3)) return (Role.Announce, k);
            }
            return (Role.None, -1);
        }

        private bool FutureAt(int i, Sentence s)
        {
            for (var k = i - 1; k >= Math.Max(s.FirstToken, i - 8); k--)
            {
                if (Cues.IsFuture(_t[k])) return true;
                if (Cues.Has(_t[k], Cues.Event, 3) || Cues.Has(_t[k], Cues.Announce, 3)) return false;
            }
            return false;
        }

        private void AttachDates()
        {
            foreach (var r in _rounds.Where(r => r.Number > 0)) State(r.Number).Mentions.Add(r);
            foreach (var s in _s)
            {
                var inSentence = _rounds.Where(r => r.Sentence == s.Index && r.Number > 0).ToList();
                if (inSentence.Count == 0) continue;
                foreach (var d in _dates[s.Index])
                {
                    if (_formerDates.Contains(d)) continue;
                    var (role, at) = CueRole(d.First, s);
                    if (role == Role.Announce && !_newDates.Contains(d)) continue;
                    if (DatesAnnouncementOnly(d, s, inSentence)) continue;
                    // The nearest round mention, explicit ones first.
                    var r = inSentence.OrderBy(x => x.Reference == RoundReference.Anaphor ? 1 : 0)
                        .ThenBy(x => Distance(x, d)).First();
                    // Equally near: the round the date follows, in its own clause («الجولة المقبلة … في النصف الأول …، بعد اختتام الجولة 18»).
                    if (inSentence.Any(x => x.Reference != RoundReference.Anaphor))
                        r = inSentence.Where(x => x.Reference != RoundReference.Anaphor).OrderBy(x => Distance(x, d) + (ClauseBetween(x, d) ? 8 : 0)).ThenBy(x => x.First > d.Last ? 1 : 0).First();
                    // «أن الجولة ستعقد يومي 7 و8 تموز، بعد ... من الجولة الخامسة عشرة»: a back-reference in the date's own
                    // clause is nearer than a numbered round beyond a comma.
                    if (r.Reference != RoundReference.Anaphor
                        && inSentence.FirstOrDefault(x => x.Reference == RoundReference.Anaphor && x.Last < d.First && d.First - x.Last <= 3 && !GapBetween(x.Last + 1, d.First)) is { } near
                        && GapBetween(Math.Min(r.Last, d.Last) + 1, Math.Max(r.First, d.First)))
                        r = near;
                    // A long sentence about one round («كانت البداية يومي 23 و24 ... حين جلس ... في الجولة الأولى») may state its days far from it.
                    var only = r.Reference != RoundReference.Anaphor && inSentence.All(x => x.Number == r.Number)
                        && !SentenceMentions(s, m => OtherProcessKeys.Contains(m.Key));
                    if (Distance(r, d) > (only && role == Role.Event ? 34 : 20)) continue;
                    // «وتنعقد الجولة ...، فيما يزور المبعوث دمشق الأسبوع المقبل»: a contrastive clause dates another event.
                    if (ContrastBetween(Math.Min(r.Last, d.Last) + 1, Math.Max(r.First, d.First))) continue;
                    if (InRelativeClauseOfAnother(d, r, s)) continue;
                    var st = State(r.Number);
                    var ev = Span(d.First, d.Last);
                    var roleChar = 'n';
                    if (at >= 0 && role == Role.Event)
                    {
                        if (Cues.Has(_t[at], Cues.EventStart, 3)) roleChar = 's';
                        else if (Cues.Has(_t[at], Cues.EventEnd, 3)) roleChar = 'e';
                    }
                    // «تتواصل حتى يوم غد»: the last day.
                    if (d.First > s.FirstToken && Cues.Exactly(_t[d.First - 1], Cues.Until)) roleChar = 'e';
                    else if (roleChar == 'e' && !Cues.IsImperfect(_t[at]) && !Cues.IsFuture(_t[at])) st.EndedVerb = true;
                    if (d.Kind == DateKind.DayPair) st.Pairs.Add((d.Days[0], d.Days[1], d));
                    else if (d.Kind == DateKind.Day) st.Days.Add((d.Days[0], d, roleChar));
                    else st.Intervals.Add(d);
                    st.IntervalEv.Add(ev);
                }
                // «استمرت يومين»
                for (var i = s.FirstToken; i + 1 < s.EndToken; i++)
                {
                    if (!Cues.Has(_t[i], Cues.Duration, 3)) continue;
                    var j = i + 1;
                    if (j < s.EndToken && _t[j].Text == "مدي") j++;
                    if (j >= s.EndToken) continue;
                    var n = Cues.Exactly(_t[j], Cues.TwoDays) ? 2 : Cues.Exactly(_t[j], Cues.ThreeDays) && j + 1 < s.EndToken && _t[j + 1].Text == "ايام" ? 3 : 0;
                    if (n == 0) continue;
                    var r = inSentence.OrderBy(x => Math.Abs(x.First - i)).First();
                    var st = State(r.Number);
                    st.Duration = n;
                    st.DurationSpan = Span(i, n == 3 ? j + 1 : j);
                }
                // «انتهت أمس الجمعة بعد يومين من النقاشات»: after an end verb, «بعد» with what was held counts the meeting's
                // days; a bare «بعد يومين» is «in two days» and says nothing about the length.
                for (var i = s.FirstToken + 1; i + 2 < s.EndToken; i++)
                {
                    if (!Cues.Exactly(_t[i], Cues.AfterDays) || _t[i + 1].HardGapBefore) continue;
                    var j = i + 1;
                    var n = Cues.Exactly(_t[j], Cues.TwoDays) ? 2 : Cues.Exactly(_t[j], Cues.ThreeDays) && _t[j + 1].Text == "ايام" ? 3 : 0;
                    if (n == 0) continue;
                    var last = n == 3 ? j + 1 : j;
                    if (last + 2 >= s.EndToken || _t[last + 1].HardGapBefore || !Cues.Exactly(_t[last + 1], Cues.Of)
                        || !Cues.Exactly(_t[last + 2], Cues.MeetingActivity)) continue;
                    var v = i - 1;
                    while (v > s.FirstToken && _dateTokens.Contains(v)) v--;
                    if (!Cues.Has(_t[v], Cues.EventEndPast, 3) || Cues.IsImperfect(_t[v]) || GapBetween(v + 1, i)) continue;
                    var r = inSentence.OrderBy(x => Math.Abs(x.First - i)).First();
                    var st = State(r.Number);
                    st.Duration = n;
                    st.DurationSpan = Span(i, last + 2);
                }
                // Tense of the verb nearest each mention.
                foreach (var r in inSentence)
                {
                    var st = State(r.Number);
                    var v = NearestEventVerb(r, s);
                    if (v < 0) continue;
                    if (Cues.IsFuture(_t[v]) || (Cues.IsImperfect(_t[v]) && PrecededByAn(v, s))) st.FutureVerb = true;
                    else if (!Cues.IsImperfect(_t[v])) st.PastVerb = true;
                    if (Cues.Has(_t[v], Cues.EventEndPast, 3) && !Cues.IsImperfect(_t[v])) st.EndedVerb = true;
                }
            }
        }

        private bool PrecededByAn(int v, Sentence s)
        {
            for (var k = v - 1; k >= Math.Max(s.FirstToken, v - 3); k--)
                if (_t[k].Text is "ان" or "علي" or "المقرر" or "المنتظر" or "المتوقع") return true;
            return false;
        }

        private int NearestEventVerb(RoundMention r, Sentence s)
        {
            var best = -1;
            var bestDist = int.MaxValue;
            for (var k = s.FirstToken; k < s.EndToken; k++)
            {
                if (k >= r.First && k <= r.Last) continue;
                if (!Cues.Has(_t[k], Cues.Event, 3) || _t[k].Text is "موعد" or "ختام" or "بدء" or "انعقاد" or "انطلاق" or "اختتام") continue;
                var dist = k < r.First ? r.First - k : k - r.Last;
                if (dist < bestDist) { bestDist = dist; best = k; }
            }
            return bestDist <= 12 ? best : -1;
        }

        private bool ClauseBetween(RoundMention r, DateExpression d)
        {
            var (from, to) = d.First > r.Last ? (r.Last + 1, d.First) : (d.Last + 1, r.First);
            for (var i = from; i <= to; i++) if (ClauseBreak(i)) return true;
            return false;
        }

        /// <summary>True when «فيما»، «بينما» or «في حين» opens a clause in [from, to] (a bare «حين» is «when», not a contrast).</summary>
        private bool ContrastBetween(int from, int to)
        {
            for (var i = from; i <= to && i < _t.Count; i++)
            {
                if (!_t[i].HardGapBefore) continue;
                var w = _t[i].Text;
                if (w is "فيما" or "بينما" or "وفيما" or "وبينما") return true;
                if (w is "في" or "وفي" && i + 1 < _t.Count && _t[i + 1].Text == "حين") return true;
            }
            return false;
        }

        /// <summary>
        /// «وكانت العاصمة الكازاخستانية، التي استعادت اسمها الشهر الماضي، قد احتضنت الجولة 18»: a date inside a relative
        /// clause about some other noun is not the date of a round outside it.
        /// </summary>
        private bool InRelativeClauseOfAnother(DateExpression d, RoundMention r, Sentence s)
        {
            for (var k = d.First - 1; k > s.FirstToken; k--)
            {
                if (!_t[k].HardGapBefore) continue;
                if (!Cues.Exactly(_t[k], Relatives)) return false;
                if (_rounds.Any(x => x.Sentence == s.Index && x.Last == k - 1)) return false;
                var end = k + 1;
                while (end < s.EndToken && !_t[end].HardGapBefore) end++;
                return r.First >= end;
            }
            return false;
        }

        /// <summary>True when a comma or other hard separator comes before a token in [from, to].</summary>
        private bool GapBetween(int from, int to)
        {
            for (var i = from; i <= to && i < _t.Count; i++) if (_t[i].HardGapBefore) return true;
            return false;
        }

        private static int Distance(RoundMention r, DateExpression d) => d.First > r.Last ? d.First - r.Last : r.First > d.Last ? r.First - d.Last : 0;

        private void ComputeStatus()
        {
            foreach (var st in _state.Values)
            {
                var starts = new List<DateOnly>();
                var ends = new List<DateOnly>();
                var named = new List<DateOnly>();
                foreach (var (a, b, _) in st.Pairs) { starts.Add(a); ends.Add(b); }
                foreach (var (d, _, role) in st.Days)
                {
                    if (role == 's') starts.Add(d);
                    else if (role == 'e') ends.Add(d);
                    else named.Add(d);
                }
                var days = starts.Concat(ends).Concat(named).ToList();
                if (days.Count > 0)
                {
                    DateOnly lo = days.Min(), hi = days.Max();
                    // Claims that disagree: keep the interval every vague claim allows, when there is one.
                    if (st.Pairs.Count > 1)
                    {
                        var a = st.Pairs.Max(p => p.A);
                        var b = st.Pairs.Min(p => p.B);
                        if (a <= b) { lo = a; hi = b; }
                    }
                    DateOnly? start = starts.Contains(lo) ? lo : named.Contains(lo) && !ends.Contains(lo) ? lo : null;
                    DateOnly? end = ends.Contains(hi) && hi != start ? hi : null;
                    if (start is null && end is not null && st.Duration > 0) { start = end.Value.AddDays(1 - st.Duration); lo = start.Value; }
                    else if (end is null && start is not null && st.Duration > 1 && hi == lo) { end = start.Value.AddDays(st.Duration - 1); hi = end.Value; }
                    if (start is null && end is null && named.Count > 0) start = lo;
                    // «بدأت الإثنين ... على أن تختتم غداً»: a later named day closes a round whose start is known.
                    if (start is not null && end is null && hi > start && named.Contains(hi)) end = hi;
                    st.Start = start;
                    st.End = end;
                    st.Earliest = lo;
                    st.Latest = hi;
                }
                else if (st.Intervals.Count > 0)
                {
                    var a = st.Intervals.Max(x => x.Earliest);
                    var b = st.Intervals.Min(x => x.Latest);
                    if (a > b) { a = st.Intervals[0].Earliest; b = st.Intervals[0].Latest; }
                    st.Earliest = a;
                    st.Latest = b;
                }
                // A postponed or cancelled round without a new date has not taken place.
                if (st.Change != RoundChange.None && st.Earliest is null) st.Status = "announced";
                else if (st.Earliest is { } e && e > _p) st.Status = "announced";
                else if (st.Latest is { } l && l < _p) st.Status = "held";
                // «الاجتماع المقبل» has not started unless a stated day says so.
                else if (st.Start is null && st.Mentions.Any(m => m.Reference == RoundReference.Next)) st.Status = "announced";
                else if (st.End is { } end2 && end2 == _p && st.EndedVerb) st.Status = "held";
                else if (st.Start is { } s2 && s2 <= _p) st.Status = st.EndedVerb ? "held" : "ongoing";
                else if (st.FutureVerb && !st.PastVerb) st.Status = "announced";
                else if (st.Earliest is { } e2 && st.Latest is { } l2 && e2 <= _p && l2 >= _p) st.Status = st.FutureVerb ? "announced" : "ongoing";
                else st.Status = "held";
            }
        }

        /// <summary>
        /// «الجولة المقبلة» in an article whose latest numbered round is still to come is that round, not the one after it:
        /// a «next» round with nothing stated of its own joins the announced round before it.
        /// </summary>
        private void FoldNextIntoAnnounced()
        {
            foreach (var st in _state.Values.ToList())
            {
                if (!st.Mentions.All(m => m.Reference == RoundReference.Next)) continue;
                if (st.Days.Count > 0 || st.Pairs.Count > 0 || st.Intervals.Count > 0 || st.Change != RoundChange.None) continue;
                if (!_state.TryGetValue(st.Number - 1, out var prev) || prev.Status != "announced") continue;
                if (prev.Mentions.All(m => m.Reference == RoundReference.Next)) continue;
                foreach (var m in st.Mentions) { m.Number = prev.Number; prev.Mentions.Add(m); }
                _state.Remove(st.Number);
            }
        }

        /// <summary>«جولة جديدة» is the latest round named when that one is still to come or under way, else the one after.</summary>
        private void ResolveNewRounds()
        {
            var numbered = _state.Values.ToList();
            foreach (var r in _rounds.Where(r => r.Reference == RoundReference.New))
            {
                if (numbered.Count == 0) continue;
                var latest = numbered.MaxBy(x => x.Number)!;
                r.Number = latest.Status == "held" ? latest.Number + 1 : latest.Number;
            }
            _rounds.RemoveAll(r => r.Number <= 0);
        }

        private string RoundIri(int n) => Ns.Id + "astana/round/" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);

        private void EmitRounds()
        {
            foreach (var st in _state.Values.OrderBy(x => x.Number))
            {
                var iri = RoundIri(st.Number);
                var mentionEv = st.Mentions.Where(m => m.Reference != RoundReference.Anaphor).Select(m => Span(m.First, m.Last)).Distinct().ToList();
                if (mentionEv.Count == 0) continue;
                Result.RoundCount++;
                Add(iri, Ns.Rdf + "type", Obj.Iri(Ns.Ast + "Round"), mentionEv);
                Add(iri, Ns.Ast + "roundNumber", Obj.Int(st.Number), mentionEv);
                Add(iri, Ns.Schema + "superEvent", Obj.Iri(Ns.Id + "astana_talks"), mentionEv);
                var dateEv = st.IntervalEv.Distinct().ToList();
                if (st.DurationSpan is { } ds) dateEv.Add(ds);
                if (st.Start is { } a) Add(iri, Ns.Schema + "startDate", Obj.Date(a), dateEv);
                if (st.End is { } b) Add(iri, Ns.Schema + "endDate", Obj.Date(b), dateEv);
                if (st.Earliest is { } e) Add(iri, Ns.Ast + "earliestDate", Obj.Date(e), dateEv);
                if (st.Latest is { } l) Add(iri, Ns.Ast + "latestDate", Obj.Date(l), dateEv);
                var statusEv = dateEv.Count > 0 ? dateEv : mentionEv;
                Add(iri, Ns.Ast + "status", Obj.Iri(Ns.Ast + st.Status), statusEv);
                EmitChange(iri, st);
                var place = FindPlace(st);
                var host = HostStateOf(st);
                // A city of another state than the one the round's clause names as host belongs to something else.
                if (host is not null && place?.Entity.Country is { } pc && pc != host.Key) place = null;
                var viaHost = place is null && host is not null;
                if (viaHost) place = CityOfHost(host!);
                if (place is not null)
                {
                    st.Place = place;
                    var pev = new List<NormSpan> { Span(place.First, place.Last) };
                    if (viaHost) pev.Add(MentionSpan(host!));
                    Add(iri, Ns.Schema + "location", Obj.Iri(place.Entity.Iri), pev);
                    if (place.Entity.Country is { } c) Add(iri, Ns.Ast + "host", Obj.Iri(Ns.Id + c), pev);
                }
                else if (host is not null)
                {
                    st.HostState = host.Key;
                    Add(iri, Ns.Ast + "host", Obj.Iri(host.Entity.Iri), [MentionSpan(host)]);
                }
            }
        }

        private static readonly WordList Fi = new([NormalizedText.Key("في")]);

        /// <summary>The city a round is held in: named with «في» (or «ب»، «العاصمة») near one of its mentions, in the same clause.</summary>
        private EntityMention? FindPlace(RoundState st)
        {
            foreach (var r in st.Mentions.OrderBy(m => m.Reference == RoundReference.Anaphor ? 1 : 0))
            {
                var s = _s[r.Sentence];
                var limitF = Math.Min(s.EndToken, r.Last + 26);
                for (var i = r.Last + 1; i < limitF; i++)
                {
                    if (ClauseBreak(i)) break;
                    if (i > r.Last + 1 && RoundRecognizer.IsHead(_t[i]) && _rounds.Any(x => x.First == i && x != r)) break;
                    if (IsPlace(i)) return _mentionAt[i];
                }
                for (var i = r.First - 1; i >= Math.Max(s.FirstToken, r.First - 12); i--)
                {
                    if (ClauseBreak(i + 1)) break;
                    if (_rounds.Any(x => x.Last == i && x != r && x.Number != r.Number)) break;
                    if (IsPlace(i)) return _mentionAt[i];
                }
            }
            // A sentence about this one meeting that places something in one city places the meeting there.
            foreach (var r in st.Mentions.Where(m => m.Reference != RoundReference.Anaphor))
            {
                var s = _s[r.Sentence];
                var otherHead = Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).Any(i => (i < r.First || i > r.Last) && (RoundRecognizer.IsHead(_t[i]) || Cues.Exactly(_t[i], OtherEvents)));
                if (otherHead) continue;
                // «..., فيما عقد الوزراء اجتماعاً في موسكو»: a contrastive clause is about another event.
                var (from, to) = ContrastiveClause(s, r.First);
                var places = Enumerable.Range(from, to - from).Where(IsPlace).Select(i => _mentionAt[i]!).ToList();
                if (places.Select(p => p.Key).Distinct().Count() == 1) return places[0];
            }
            return null;
        }

        /// <summary>Nouns of other gatherings a sentence may place instead of the round («تستضيف روسيا القمة المقبلة في سوتشي»).</summary>
        private static readonly WordList OtherEvents = WordList.Of("القمة قمة المؤتمر مؤتمر اجتماعا لقاء لقاءات اجتماعات");

        private static readonly WordList Contrast = WordList.Of("فيما بينما حين");

        /// <summary>The tokens of sentence s between the contrastive conjunctions («فيما»، «بينما»، «في حين») around token at.</summary>
        private (int From, int To) ContrastiveClause(Sentence s, int at)
        {
            int from = s.FirstToken, to = s.EndToken;
            for (var i = s.FirstToken + 1; i < s.EndToken; i++)
            {
                if (!_t[i].HardGapBefore || !Cues.Exactly(_t[i], Contrast)) continue;
                if (i <= at) from = i;
                else { to = i; break; }
            }
            return (from, to);
        }

        /// <summary>A new clause starts at token i: a separator followed by a conjunction or a verb-initial word.</summary>
        private bool ClauseBreak(int i)
        {
            if (i >= _t.Count || !_t[i].HardGapBefore) return false;
            var w = _t[i].Text;
            if (w is "في" || _dateTokens.Contains(i) || _mentionAt[i] is not null) return false;
            return w.StartsWith('و') || w.StartsWith('ف') || w is "منذ" or "اثنتان" or "على" or "علي" or "بينما" or "فيما" or "كما" or "ثم" || Cues.Has(_t[i], Cues.Event, 3);
        }

        private static readonly WordList CityNouns = WordList.Of("مدينة المدينة منتجع المنتجع فنادق فندق");

        private bool IsPlace(int i)
        {
            var m = _mentionAt[i];
            if (m is null || m.First != i || m.Kind != NameKind.Name || m.Entity.Type != "City") return false;
            if (IsDateline(i)) return false;
            var first = _t[i];
            if (first.Forms.Length > 1 && first.Forms.Any(f => f.Prefix > 0 && first.Text[..f.Prefix].EndsWith('ب'))) return true;
            if (first.Text.StartsWith("العاصم", StringComparison.Ordinal) || first.Text.StartsWith("عاصم", StringComparison.Ordinal)) return true;
            if (i > 0 && Cues.Exactly(_t[i - 1], Fi) && !_t[i].HardGapBefore) return true;
            // «العاصمة الكازاخية أستانا»، «العاصمة نور سلطان»
            if (i > 0 && _t[i - 1].Text.StartsWith("العاصم", StringComparison.Ordinal)) return true;
            if (i > 0 && _mentionAt[i - 1] is { } prev && prev.Entity.Type == "City" && prev.Key == m.Key) return true;
            // «ستستضيف أستانا»، «احتضنته أستانا»
            if (i > 0 && Cues.Has(_t[i - 1], Cues.Event, 4)) return true;
            // «منتجع سوتشي»، «بمدينة سوتشي»: a locative noun before the name, or as part of the name.
            if (Cues.Exactly(first, CityNouns) || (i > 0 && Cues.Exactly(_t[i - 1], CityNouns))) return true;
            // «عادت سوتشي لتحتضن الجولة»: the city is the subject of a hosting verb.
            if (m.Last + 1 < _t.Count && !_t[m.Last + 1].HardGapBefore && Cues.Has(_t[m.Last + 1], HostVerbs, 3)) return true;
            return false;
        }

        /// <summary>«أستانا - وكالات:» at the start of the article is where it was filed, not where a round is.</summary>
        private bool IsDateline(int i)
        {
            if (_t[i].Sentence != 0 || i > 3) return false;
            for (var k = i + 1; k < Math.Min(_t.Count, i + 4); k++)
                if (_t[k].GapBefore.Contains(':')) return true;
            return false;
        }
    }
}
