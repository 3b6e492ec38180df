namespace Graph.News;

public enum RoundChange { None, Postponed, Cancelled }

public sealed partial class Extractor
{
    private sealed partial class Run
    {
        private static WordList K(string words) => new(words.Split(' ').Select(NormalizedText.Key).ToArray());

        // Whole words, not stems: «أجل» is also «من أجل», «أرجاء» is «في أرجاء», «الغير» starts like «ألغي».
        private static readonly WordList PostponeWords = K(
            "تأجيل تأجيلها تأجيله تأجيلا تأجيلاً أجلت أجلتها أجلوا تأجلت تأجل يتأجل يؤجل تؤجل يؤجلها تؤجلها مؤجل مؤجلة مؤجلا " +
            "أرجئت أرجئ يرجأ ترجأ أرجأت أرجأ أرجأها إرجاء إرجائها إرجائه يرجئ ترجئ");
        private static readonly WordList CancelWords = K("إلغاء إلغائها إلغائه ألغيت ألغي ألغى ألغت ألغوا ألغتها يلغى تلغى يلغي تلغي ملغاة ملغى");
        /// <summary>Verbal nouns without a pronoun govern the round after them («تأجيل الجولة»); «في أرجاء سوريا» is not «إرجاء».</summary>
        private static readonly WordList BareNouns = K("تأجيل تأجيلا تأجيلاً إرجاء إلغاء");
        private static readonly WordList Negation = K("نفى نفت ينفي تنفي نافيا لا لن لم دون بدون عدم استبعد استبعدت يستبعد تستبعد");
        /// <summary>Words that make the date after them the one a round had before a change: «كانت مقررة في 20 آذار».</summary>
        private static readonly WordList Scheduled = K("مقررة مقررا مقرر المقرر المقررة المحدد المحددة محددا محددة موعدها موعده السابق الأصلي كانت كان");
        private static readonly WordList ToWords = K("إلى الى حتى لغاية");

        private readonly HashSet<DateExpression> _formerDates = [];
        private readonly HashSet<DateExpression> _newDates = [];

        private bool IsChangeCue(int k, out RoundChange change)
        {
            change = Cues.Exactly(_t[k], PostponeWords) ? RoundChange.Postponed : Cues.Exactly(_t[k], CancelWords) ? RoundChange.Cancelled : RoundChange.None;
            return change != RoundChange.None && _mentionAt[k] is null;
        }

        private bool Negated(int k, Sentence s)
        {
            for (var j = k - 1; j >= Math.Max(s.FirstToken, k - 3); j--)
                if (Cues.Exactly(_t[j], Negation)) return true;
            return false;
        }

        /// <summary>
        /// «تقرر تأجيل الجولة الخامسة عشرة إلى شباط المقبل»، «الجولة ... التي كانت مقررة في 20 آذار أُرجئت»، «إلغاء الاجتماع المقبل»:
        /// a postponing or cancelling word tied to a round in its clause, with the round's former and new dates.
        /// </summary>
        private void DetectChanges()
        {
            foreach (var s in _s)
            {
                for (var k = s.FirstToken; k < s.EndToken; k++)
                {
                    if (!IsChangeCue(k, out var change) || Negated(k, s)) continue;
                    var r = ChangedRound(k, s, allowBefore: !Cues.Exactly(_t[k], BareNouns));
                    if (r is null) continue;
                    var st = State(r.Number);
                    if (st.Change != RoundChange.Cancelled) st.Change = change;
                    st.ChangeEv.Add(Span(k, k));
                    st.ChangeEv.Add(Span(r.First, r.Last));
                    foreach (var d in _dates[s.Index])
                    {
                        if (IsFormer(d, s)) { _formerDates.Add(d); st.Previous.Add(d); }
                        else if (d.First > k && d.First - 1 >= s.FirstToken && PrecededByTo(d)) _newDates.Add(d);
                    }
                }
            }
        }

        /// <summary>The round a change word applies to: named within four words after it, else before it in the same clause.</summary>
        private RoundMention? ChangedRound(int k, Sentence s, bool allowBefore)
        {
            var inSentence = _rounds.Where(r => r.Sentence == s.Index && r.Number > 0).ToList();
            var after = inSentence.Where(r => r.First > k && r.First - k <= 4 && !Enumerable.Range(k + 1, r.First - k).Any(j => _t[j].HardGapBefore))
                .OrderBy(r => r.First).FirstOrDefault();
            if (after is not null || !allowBefore) return after;
            return inSentence.Where(r => r.Last < k && k - r.Last <= 14 && !Enumerable.Range(r.Last + 1, k - r.Last - 1).Any(ClauseBreak))
                .OrderByDescending(r => r.Last).FirstOrDefault();
        }

        private bool PrecededByTo(DateExpression d) => d.First > 0 && (Cues.Exactly(_t[d.First - 1], ToWords) || (d.First > 1 && Cues.Exactly(_t[d.First - 2], ToWords)));

        /// <summary>A date the round had before the change: governed by «مقررة»، «كانت»، «موعدها السابق» just before it.</summary>
        private bool IsFormer(DateExpression d, Sentence s)
        {
            if (PrecededByTo(d)) return false;
            for (var j = d.First - 1; j >= Math.Max(s.FirstToken, d.First - 4); j--)
            {
                if (Cues.Exactly(_t[j], Scheduled)) return true;
                if (_t[j + 1].HardGapBefore) break;
            }
            return false;
        }

        private void EmitChange(string iri, RoundState st)
        {
            if (st.Change == RoundChange.None) return;
            var ev = st.ChangeEv.Distinct().ToList();
            var newDates = st.Days.Count > 0 || st.Pairs.Count > 0 || st.Intervals.Count > 0;
            var status = st.Change == RoundChange.Cancelled ? "EventCancelled" : newDates ? "EventRescheduled" : "EventPostponed";
            Add(iri, Ns.Schema + "eventStatus", Obj.Iri(Ns.Schema + status), ev);
            foreach (var d in st.Previous)
            {
                var value = d.Kind is DateKind.Day or DateKind.DayPair ? Obj.Date(d.Earliest)
                    : d.Kind == DateKind.Month ? new Obj(d.Earliest.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), false, Ns.Xsd + "gYearMonth")
                    : (Obj?)null;
                if (value is { } v) Add(iri, Ns.Schema + "previousStartDate", v, [Span(d.First, d.Last)]);
            }
        }
    }
}
