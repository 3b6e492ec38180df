namespace Graph.News;

public sealed partial class Extractor
{
    private sealed partial class Run
    {
        private readonly Dictionary<string, string> _personOrg = [];
        private int _announcements;

        /// <summary>
        /// «أعلنت وزارة الخارجية الكازاخستانية، اليوم الخميس، أن العاصمة نور سلطان ستستضيف ... الاجتماع الثامن عشر»:
        /// an announcing verb, its speaker, and a round named after it together with its timing.
        /// </summary>
        private void ExtractAnnouncements()
        {
            LinkPeopleToBodies();
            foreach (var s in _s)
            {
                if (SentenceIsOtherProcess(s.Index) && !_rounds.Any(r => r.Sentence == s.Index)) continue;
                var seen = new HashSet<int>();
                for (var v = s.FirstToken; v < s.EndToken; v++)
                {
                    var announce = Cues.Has(_t[v], Cues.Announce, 3);
                    var decide = !announce && Cues.Has(_t[v], Cues.Decide, 3);
                    if (!announce && !decide) continue;
                    if (_dateTokens.Contains(v) || _mentionAt[v] is not null) continue;
                    var rounds = _rounds.Where(r => r.Sentence == s.Index && r.First > v && _state.ContainsKey(r.Number) && !seen.Contains(r.Number)).ToList();
                    if (announce && rounds.Count > 0 && Cues.Has(_t[v], Cues.Stress, 3) && !ClauseFollows(v, rounds[0].First)) continue;
                    var about = rounds.Where(r => AboutTiming(r, v, s)).ToList();
                    // «تنطلق الجولة ... الأربعاء المقبل، وفق ما أعلنته الخارجية»: what was announced comes before the verb
                    // (a round already under way is reported, not announced).
                    if (about.Count == 0 && announce && AccordingTo(v, s))
                        about = _rounds.Where(r => r.Sentence == s.Index && r.Last < v && r.Reference != RoundReference.Anaphor && _state.TryGetValue(r.Number, out var rs) && rs.Status == "announced" && !seen.Contains(r.Number)
                            && _dates[s.Index].Any(d => d.Last < v && CueRole(d.First, s).Role == Role.Event)).ToList();
                    if (about.Count == 0) continue;
                    // «وأعلن البيان، الذي صدر أمس في ختام الجولة، أن الاجتماع المقبل ...»: what is announced follows «أن»;
                    // a round named before it belongs to the subject or to a clause about it.
                    var said = ComplementizerAfter(v, s);
                    if (about.Any(r => r.First > said)) about = about.Where(r => r.First > said).ToList();
                    var speakers = announce ? Speakers(v, s) : [];
                    if (announce && speakers.Count == 0 && !GuarantorSubjectAfter(v, s) && !StatementSubjectAfter(v, s)) continue;
                    about = OwnRounds(about, v);
                    var (date, dateEv) = AnnouncementDate(v, s);
                    if (speakers.Count == 0 && dateEv.Count == 0 && date is not null)
                        date = StatementDay(s);
                    else if (speakers.Count > 0 && dateEv.Count == 0 && date is not null && s.Index + 1 < _s.Count
                        && DayOfSameSpeaker(_s[s.Index + 1], speakers[0]) is { } later)
                        (date, dateEv) = later;
                    foreach (var r in about.GroupBy(r => r.Number).Select(g => g.First()))
                    {
                        seen.Add(r.Number);
                        var iri = ArticleIri + "/announcement/" + (++_announcements).ToString(System.Globalization.CultureInfo.InvariantCulture);
                        var ev = new List<NormSpan> { Span(v, v), Span(r.First, r.Last) };
                        Add(iri, Ns.Rdf + "type", Obj.Iri(Ns.Ast + "Announcement"), ev);
                        Add(iri, Ns.Ast + "aboutRound", Obj.Iri(RoundIri(r.Number)), ev);
                        Add(iri, Ns.Prov + "wasDerivedFrom", Obj.Iri(ArticleIri), []);
                        if (date is { } d) Add(iri, Ns.Ast + "announcementDate", Obj.Date(d), dateEv.Count > 0 ? dateEv : [Span(v, v)]);
                        if (speakers.Count == 0) Add(iri, Ns.Ast + "announcedIn", Obj.Iri(RoundIri(CurrentRound(s, true)) + "/statement"), ev);
                        foreach (var sp in speakers)
                        {
                            Add(iri, Ns.Ast + "announcedBy", Obj.Iri(Ns.Id + sp.Key), [MentionSpan(sp.Mention)]);
                            if (sp.Org is { } org) Add(iri, Ns.Ast + "announcedBy", Obj.Iri(Ns.Id + org), [MentionSpan(sp.Mention)]);
                        }
                        foreach (var agency in MentionsIn(s.FirstToken, v + 6).Where(m => m.Entity.Type == "Agency"))
                            Add(iri, Ns.Ast + "reportedBy", Obj.Iri(agency.Entity.Iri), [MentionSpan(agency)]);
                        Add(iri, Ns.Ast + "announcementKind", Obj.Iri(Ns.Ast + KindOf(r, v, s)), ev);
                    }
                }
            }
        }

        private string KindOf(RoundMention r, int v, Sentence s)
        {
            for (var k = v; k < s.EndToken; k++)
            {
                var f = _t[k].Text;
                if (f.Contains("التحضير") || f.Contains("تحضير") || f.EndsWith("تحضر", StringComparison.Ordinal)) return "preparation";
                if (f.Contains("الختاميه") || f.Contains("اقترح") || f.Contains("تقترح")) return "finalRoundProposal";
            }
            var st = _state[r.Number];
            return st.Pairs.Count > 0 || st.Days.Count > 0 ? "dates" : "timing";
        }

        /// <summary>The round is the object of the announcement: its dates, its holding or its preparation follow the verb.</summary>
        private bool AboutTiming(RoundMention r, int v, Sentence s)
        {
            // «الجولة الحالية»: without a number or a date the round of an announcement is not fixed.
            if (r.Reference == RoundReference.Anaphor && !_dates[s.Index].Any(d => d.First > v && CueRole(d.First, s).Role != Role.Announce)) return false;
            foreach (var d in _dates[s.Index])
                if (d.First > v && CueRole(d.First, s).Role != Role.Announce && Math.Abs(d.First - r.First) < 20) return true;
            for (var k = v + 1; k < s.EndToken; k++)
            {
                if (k >= r.First && k <= r.Last) continue;
                var t = _t[k];
                if (k < r.First && IsChangeCue(k, out _)) return true;
                if (Cues.Exactly(t, Cues.Prepare) || t.Text.Contains("موعد")) return true;
                // «تحضّر لجولة»: preparing for the round.
                if (t.Forms.Any(f => f.Form is "تحضر" or "يحضر" or "نحضر") && k + 1 < s.EndToken && _t[k + 1].Text.StartsWith('ل')) return true;
                if (Cues.Has(t, Cues.Event, 3) && (Cues.IsFuture(t) || Cues.IsImperfect(t) || t.Text.StartsWith("عقد", StringComparison.Ordinal) || t.Text.StartsWith("وعقد", StringComparison.Ordinal) || t.Text is "انعقاد" or "تعقد")) return true;
            }
            return false;
        }

        private bool ClauseFollows(int v, int before)
        {
            for (var k = v + 1; k < before; k++)
                if (Cues.Exactly(_t[k], Cues.Complementizer)) return true;
            return false;
        }

        private static readonly WordList According = WordList.Of("وفق وفقا بحسب حسب طبقا حسبما وفقما");

        /// <summary>«وفق ما أعلنته»، «بحسب ما أعلن»، «حسبما أعلنت»: the verb reports what was said before it.</summary>
        private bool AccordingTo(int v, Sentence s)
        {
            var k = v - 1;
            if (k > s.FirstToken && _t[k].Text == "ما") k--;
            return k >= s.FirstToken && Cues.Exactly(_t[k], According);
        }

        private static readonly WordList Temporal = WordList.Of("بعد منذ عقب قبل");

        /// <summary>
        /// The rounds an announcement is about: the first one named after the verb, and further ones unless the text
        /// places them in time relative to it («بعد خمسة أشهر من الجولة 15») or describes them in a past relative clause
        /// («الجولة 15 التي استضافتها سوتشي»).
        /// </summary>
        private List<RoundMention> OwnRounds(List<RoundMention> about, int v)
        {
            if (about.Select(r => r.Number).Distinct().Count() < 2) return about;
            var first = about.MinBy(r => r.First)!;
            return about.Where(r => r.Number == first.Number || !Recalled(r, v)).ToList();
        }

        private bool Recalled(RoundMention r, int v)
        {
            for (var k = r.First - 1; k > v && k >= r.First - 6; k--)
                if (Cues.Exactly(_t[k], Temporal)) return true;
            var j = r.Last + 1;
            if (j + 1 < _t.Count && _t[j].Sentence == r.Sentence && Cues.Exactly(_t[j], Relatives)
                && !Cues.IsImperfect(_t[j + 1]) && !Cues.IsFuture(_t[j + 1]) && Cues.Has(_t[j + 1], Cues.Event, 4)) return true;
            return false;
        }

        /// <summary>
        /// The day a round's joint statement was issued: the closing day of the round the sentence reports on
        /// («واتفقت على عقد الاجتماع المقبل» in the statement of a round that ended two days before publication).
        /// Null when that round is over but its closing day is not stated.
        /// </summary>
        private DateOnly? StatementDay(Sentence s)
        {
            var n = CurrentRound(s, true);
            if (n == 0 || !_state.TryGetValue(n, out var st)) return _p;
            if (st.End is { } end && end <= _p) return end;
            if (st.Latest is { } l && l < _p) return st.Earliest == l ? l : null;
            return _p;
        }

        /// <summary>
        /// «أعلنت الخارجية ... أن الجولة ...»، then «ونقلت وكالة ... عن المتحدث باسم الخارجية قوله، يوم الخميس، ...»:
        /// the next sentence quoting the same speaker gives the day of the announcement.
        /// </summary>
        private (DateOnly? Date, List<NormSpan> Evidence)? DayOfSameSpeaker(Sentence next, Speaker sp)
        {
            for (var v = next.FirstToken; v < next.EndToken; v++)
            {
                if (!Cues.Has(_t[v], Cues.Announce, 3) || _dateTokens.Contains(v) || _mentionAt[v] is not null) continue;
                var who = Speakers(v, next);
                if (who.Count == 0 || !(who[0].Key == sp.Key || who[0].Org == sp.Key || (sp.Org is not null && who[0].Key == sp.Org))) continue;
                var (date, ev) = AnnouncementDate(v, next);
                if (ev.Count > 0) return (date, ev);
            }
            return null;
        }

        /// <summary>The first «أن/إن» after token v in its sentence, or the sentence end.</summary>
        private int ComplementizerAfter(int v, Sentence s)
        {
            for (var k = v + 1; k < s.EndToken; k++)
                if (Cues.Exactly(_t[k], Cues.Complementizer)) return k;
            return s.EndToken;
        }

        /// <summary>
        /// A day stated between an announcing verb and its «أن» when every round of the sentence comes after the «أن»:
        /// it dates the announcement («أعلن أمس أن الجولة ستعقد ...»), not a round.
        /// </summary>
        private bool DatesAnnouncementOnly(DateExpression d, Sentence s, List<RoundMention> inSentence)
        {
            if (d.Kind != DateKind.Day) return false;
            for (var v = d.First - 1; v >= s.FirstToken; v--)
            {
                if (Cues.Exactly(_t[v], Cues.Complementizer)) return false;
                if (!Cues.Has(_t[v], Cues.Announce, 3) || _mentionAt[v] is not null) continue;
                var said = ComplementizerAfter(v, s);
                return said > d.Last && said < s.EndToken && inSentence.All(r => r.First > said);
            }
            return false;
        }

        private bool GuarantorSubjectAfter(int v, Sentence s)
        {
            for (var k = v + 1; k < Math.Min(s.EndToken, v + 4); k++)
                if (Cues.Has(_t[k], Cues.Guarantor, 4) || Cues.Exactly(_t[k], Cues.Collective) || IsThreeStates(k)) return true;
            return false;
        }

        /// <summary>«وأعلن البيان (الختامي)»: the statement itself is the subject, so it is the statement that announces.</summary>
        private bool StatementSubjectAfter(int v, Sentence s) =>
            v + 1 < s.EndToken && !_t[v + 1].HardGapBefore && Cues.Exactly(_t[v + 1], Cues.Statement);

        private sealed record Speaker(string Key, string? Org, EntityMention Mention);

        /// <summary>Who speaks: the persons or bodies between the verb and «أن», after «عن» when a report is quoted, else just before the verb.</summary>
        private List<Speaker> Speakers(int v, Sentence s)
        {
            var result = new List<Speaker>();
            var end = s.EndToken;
            for (var k = v + 1; k < s.EndToken; k++)
                if (Cues.Exactly(_t[k], Cues.Complementizer) || _rounds.Any(r => r.First == k)) { end = k; break; }
            var from = v + 1;
            for (var k = v + 1; k < end; k++)
                if (Cues.Exactly(_t[k], Cues.From)) { from = k + 1; break; }
            var found = MentionsIn(from, end).Where(IsSpeaker).ToList();
            if (found.Count == 0)
            {
                // «وكانت وزارة الخارجية الروسية قد أعلنت»: the subject before the verb.
                for (var k = v - 1; k >= Math.Max(s.FirstToken, v - 8); k--)
                {
                    if (_t[k + 1].HardGapBefore && k + 1 != v) break;
                    if (_mentionAt[k] is { } m && IsSpeaker(m)) { found.Add(m); break; }
                }
            }
            // «أكدت الدول الضامنة، تركيا وروسيا وإيران، ...»: the guarantors together speak through their joint statement.
            if (found.Count > 0 && found.All(m => m.Entity.Type == "State") && GuarantorSubjectAfter(v, s)) return result;
            var persons = found.Where(m => m.Entity.Type == "Person").ToList();
            if (persons.Count > 0)
            {
                var p = persons[0];
                result.Add(new Speaker(p.Key, _personOrg.GetValueOrDefault(p.Key), p));
            }
            else if (found.Count > 0)
                result.Add(new Speaker(found[0].Key, null, found[0]));
            return result;
        }

        private static bool IsSpeaker(EntityMention m) =>
            m.Kind == NameKind.Name && (m.Entity.Type is "Person" || (m.Entity.Type is "Organisation" && !m.Key.StartsWith("syrian_", StringComparison.Ordinal) && m.Key != "constitutional_committee") || m.Entity.Type == "State");

        /// <summary>A date governed by the announcing verb; else the publication day, unless the verb is a pluperfect («وكان ... قد أعلن»).</summary>
        private (DateOnly? Date, List<NormSpan> Evidence) AnnouncementDate(int v, Sentence s)
        {
            foreach (var d in _dates[s.Index])
            {
                var (role, at) = CueRole(d.First, s);
                if (role == Role.Announce && d.Kind == DateKind.Day && !_newDates.Contains(d) && !_formerDates.Contains(d) && (at == v || Math.Abs(at - v) <= 1 || (at < v && d.First < v)))
                    return (d.Days[0], [Span(d.First, d.Last)]);
            }
            // «أوضح الوزير، في ندوة صحفية عقدها أمس، أن ...»: a day between the verb and what was said.
            var said = ComplementizerAfter(v, s);
            foreach (var d in _dates[s.Index])
                if (d.Kind == DateKind.Day && d.First > v && d.Last < said && !_newDates.Contains(d) && !_formerDates.Contains(d) && !_rounds.Any(r => r.Sentence == s.Index && r.First > v && r.First < d.First))
                    return (d.Days[0], [Span(d.First, d.Last)]);
            for (var k = v - 1; k >= Math.Max(s.FirstToken, v - 8); k--)
                if (Cues.Exactly(_t[k], Cues.Qad)) return (null, []);
            return (_p, []);
        }

        /// <summary>«المتحدث باسم الخارجية الكازاخية أيبك صمادياروف»: a body named just before a person is the one he speaks for.</summary>
        private void LinkPeopleToBodies()
        {
            foreach (var p in _mentions.Where(m => m.Entity.Type == "Person"))
            {
                if (_personOrg.ContainsKey(p.Key)) continue;
                for (var k = p.First - 1; k >= Math.Max(0, p.First - 6); k--)
                {
                    if (_t[k].Sentence != _t[p.First].Sentence) break;
                    if (_mentionAt[k] is { } m && m.Entity.Type == "Organisation" && m.Kind == NameKind.Name)
                    {
                        _personOrg[p.Key] = m.Key;
                        break;
                    }
                    if (_mentionAt[k] is { Entity.Type: "Person" }) break;
                }
            }
        }

        private void ExtractPeopleAndRelations()
        {
            foreach (var p in _mentions.Where(m => m.Entity.Type == "Person" && m.Kind == NameKind.Name))
            {
                Add(ArticleIri, Ns.Schema + "mentions", Obj.Iri(p.Entity.Iri), [MentionSpan(p)]);
                if (_personOrg.TryGetValue(p.Key, out var org))
                    Add(p.Entity.Iri, Ns.Schema + "affiliation", Obj.Iri(Ns.Id + org), [MentionSpan(p)]);
            }
            // «مسار أستانا ... ليس بديلاً عن مفاوضات جنيف، بل هو مكمّل لها»
            foreach (var s in _s)
            {
                var astana = MentionsIn(s.FirstToken, s.EndToken).FirstOrDefault(m => m.Key == "astana_talks");
                var geneva = MentionsIn(s.FirstToken, s.EndToken).FirstOrDefault(m => m.Key == "geneva_talks");
                if (astana is null || geneva is null) continue;
                var cue = Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).FirstOrDefault(i => Cues.Has(_t[i], Cues.Complement, 3), -1);
                if (cue < 0) continue;
                Add(ProcessIri, Ns.Ast + "complements", Obj.Iri(Ns.Id + "geneva_talks"), [MentionSpan(astana), Span(cue, cue), MentionSpan(geneva)]);
            }
        }
    }
}
