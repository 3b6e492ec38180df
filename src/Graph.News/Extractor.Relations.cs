namespace Graph.News;

public sealed partial class Extractor
{
    private sealed partial class Run
    {
        private const string ProcessIri = Ns.Id + "astana_talks";

        private NormSpan Span(int firstToken, int lastToken) => new(_t[firstToken].Start, _t[lastToken].End);

        private NormSpan MentionSpan(EntityMention m)
        {
            // The span starts after a stripped proclitic («وروسيا» → «روسيا»).
            var first = _t[m.First];
            var start = first.Start;
            foreach (var (form, prefix) in first.Forms)
                if (prefix > 0 && _g.Exact.ContainsFirst(form)) { start = first.Start + Math.Min(prefix, first.Text.Length - 1); break; }
            return new NormSpan(start, _t[m.Last].End);
        }

        private void Add(string s, string p, Obj o, IReadOnlyList<NormSpan> evidence) => Result.Facts.Add(new Fact(s, p, o, evidence));

        private IEnumerable<int> SentenceRounds(Sentence s) => _rounds.Where(r => r.Sentence == s.Index && _state.ContainsKey(r.Number)).Select(r => r.Number);

        /// <summary>The round a sentence reports on: one it names, else the last one named before it that has taken place.</summary>
        private int CurrentRound(Sentence s, bool heldOnly)
        {
            // Plain loops, not LINQ: this runs for most sentences. Ties keep the first in mention order, as a stable sort would.
            RoundMention? own = null, ownAnaphor = null, before = null;
            foreach (var r in _rounds)
            {
                if (r.Sentence > s.Index || !_state.TryGetValue(r.Number, out var st) || (heldOnly && st.Status == "announced")) continue;
                if (r.Sentence == s.Index)
                {
                    if (r.Reference != RoundReference.Anaphor) own ??= r;
                    else ownAnaphor ??= r;
                }
                else if (before is null || r.Sentence > before.Sentence || (r.Sentence == before.Sentence && r.First > before.First)) before = r;
            }
            if ((own ?? ownAnaphor) is { } o) return o.Number;
            if (before is not null) return before.Number;
            RoundState? main = null;
            foreach (var x in _state.Values)
                if ((!heldOnly || x.Status != "announced") && (main is null || x.Number > main.Number)) main = x;
            return main?.Number ?? 0;
        }

        // ---------------------------------------------------------------- roles

        private enum SegRole { None, Guarantor, Observer }

        private readonly record struct Segment(int From, int To, bool Guarantor, bool Observer, bool Attend, bool Delegation, bool Participate, bool Absent);

        private List<Segment> Segments(Sentence s)
        {
            var list = new List<Segment>();
            var from = s.FirstToken;
            for (var i = s.FirstToken; i <= s.EndToken; i++)
            {
                var boundary = i == s.EndToken || (i > from && (_t[i].HardGapBefore || _t[i].Text is "فيما" or "بينما" or "اذ"));
                if (!boundary) continue;
                bool g = false, o = false, at = false, del = false, part = false, absent = false;
                for (var k = from; k < i; k++)
                {
                    g |= Cues.Has(_t[k], Cues.Guarantor, 4) || IsThreeStates(k);
                    o |= Cues.Has(_t[k], Cues.Observer, 4);
                    at |= Cues.Has(_t[k], Cues.Attend, 3);
                    del |= Cues.Has(_t[k], Cues.Delegation, 2);
                    part |= Cues.Exactly(_t[k], Cues.Participate);
                    absent |= Cues.Exactly(_t[k], Cues.AbsentInflected);
                }
                list.Add(new Segment(from, i, g, o, at, del, part, absent));
                from = i;
            }
            return list;
        }

        private static readonly WordList States = new([Cues.States3[0]]);
        private static readonly WordList Three = new([Cues.States3[1]]);

        private bool IsThreeStates(int k) => k + 1 < _t.Count && Cues.Exactly(_t[k], States) && Cues.Exactly(_t[k + 1], Three);

        /// <summary>
        /// True when <paramref name="state"/> is the state of the process's own city (Kazakhstan for Astana) and the round
        /// is held in another state: there it attends as a delegation (Sochi rounds), not as host or observer.
        /// </summary>
        private bool IsHomeStateAway(string state, int round)
        {
            var home = _g.Get("astana")?.Country;
            if (home is null || state != home || !_state.TryGetValue(round, out var st)) return false;
            var host = st.Place?.Entity.Country ?? st.HostState;
            return host is not null && host != home;
        }

        /// <summary>The state of the process's own city (Kazakhstan for Astana) hosts the talks and never guarantees them; a state hosting a round elsewhere (Russia at Sochi) may.</summary>
        private bool IsHomeState(string state) => _g.Get("astana")?.Country is { } home ? state == home : false;

        private HashSet<string> HostStates() =>
            _state.Values.Select(st => st.Place?.Entity.Country ?? st.HostState).Where(c => c is not null).Select(c => c!).ToHashSet();

        /// <summary>«موسكو وأنقرة وطهران»: cities of different states coordinated in a list stand for their states.</summary>
        private string? CapitalInList(EntityMention m)
        {
            if (m.Entity.Type != "City" || m.Entity.Country is not { } country || m.Kind != NameKind.Name) return null;
            var before = m.First > 0 ? _mentionAt[m.First - 1] : null;
            var after = m.Last + 1 < _t.Count ? _mentionAt[m.Last + 1] : null;
            bool Other(EntityMention? o, int joint) => o is { Entity.Type: "City", Kind: NameKind.Name } && o.Entity.Country is { } c && c != country
                && (_t[joint].Text[0] == 'و' || _t[joint].CommaBefore) && _t[joint].Sentence == _t[m.First].Sentence;
            return Other(before, m.First) || (after is not null && after.First == m.Last + 1 && Other(after, after.First)) ? country : null;
        }

        private string? StateOf(EntityMention m)
        {
            if (m.Entity.Type != "State") return null;
            if (m.Kind == NameKind.Name) return m.Key;
            if (m.Kind != NameKind.Adjective) return null;
            // An adjective stands for the state after a person or delegation noun, possibly with one word between.
            for (var k = m.First - 1; k >= Math.Max(0, m.First - 3); k--)
            {
                if (_t[k + 1].HardGapBefore) break;
                if (Cues.Exactly(_t[k], Cues.Agent) || Cues.Has(_t[k], Cues.Agent, 2)) return m.Key;
            }
            return null;
        }

        private void ExtractRoles()
        {
            var hosts = HostStates();
            foreach (var s in _s)
            {
                if (SentenceIsOtherProcess(s.Index)) continue;
                var segs = Segments(s);
                var role = SegRole.None;
                var statementSentence = IsStatementSentence(s) || SentenceMentions(s, m => m.Key == "astana_talks") || SentenceRounds(s).Any();
                var attending = false;
                var round = CurrentRound(s, heldOnly: false);
                var subject = round > 0 ? RoundIri(round) : ProcessIri;
                var observedBefore = ObservedByTail(segs);
                var guaranteedBefore = GuaranteedByApposition(segs);
                for (var si = 0; si < segs.Count; si++)
                {
                    var seg = segs[si];
                    attending |= seg.Attend || seg.Observer || seg.Delegation || seg.Participate;
                    // «فيما غابت الولايات المتحدة عن الاجتماعات»: an absent party takes no role.
                    if (seg.Absent) { role = SegRole.None; continue; }
                    if (seg.Observer || observedBefore[si]) role = SegRole.Observer;
                    else if (guaranteedBefore[si]) role = SegRole.Guarantor;
                    else if (seg.Guarantor) role = SegRole.Guarantor;
                    else if (seg.Delegation && role == SegRole.Observer && Enumerable.Range(seg.From, seg.To - seg.From).Any(k => _t[k].Text.Contains("وفد"))) role = SegRole.None;
                    foreach (var m in MentionsIn(seg.From, seg.To))
                    {
                        var ev = new List<NormSpan> { MentionSpan(m) };
                        // Capitals stand for guarantor states only in the clause that names the role (or its apposition), not in a
                        // later clause that inherits it («… الدول الضامنة …، رغم توتر العلاقات بين أنقرة وطهران»).
                        var state = StateOf(m) ?? (role == SegRole.Guarantor && (seg.Guarantor || guaranteedBefore[si]) ? CapitalInList(m) : null);
                        if (attending && state is not null && round > 0 && IsHomeStateAway(state, round))
                        {
                            Add(subject, Ns.Ast + "participant", Obj.Iri(Ns.Id + state), ev);
                            continue;
                        }
                        if (role == SegRole.Guarantor && state is not null && state != "syria" && !IsHomeState(state))
                            Add(ProcessIri, Ns.Ast + "guarantor", Obj.Iri(Ns.Id + state), ev);
                        else if (role == SegRole.Observer && IsObserverCandidate(m, hosts) && (m.Entity.Type != "State" || state is not null))
                            Add(subject, Ns.Ast + "observer", Obj.Iri(ObserverIri(m)), ev);
                        else if ((seg.Attend || RepresentedAt(m)) && !seg.Observer && (m.Key == "united_nations" || m.Entity.Represents == "united_nations") && (round > 0 || seg.Attend))
                            Add(subject, Ns.Ast + "observer", Obj.Iri(Ns.Id + "united_nations"), ev);
                    }
                }
                // «تعهدت روسيا وتركيا وإيران في بيانها المشترك»: states that issue a round's statement guarantee the process.
                if (IsStatementSentence(s)) GuarantorsFromList(s, hosts);
                ExtractParticipants(s);
            }
        }

        /// <summary>
        /// «حضر العراق والأردن ولبنان، إضافة إلى …، وهي أطراف تتابع المسار بصفة مراقب»: a clause that names no one but says
        /// «بصفة مراقب» gives that role to the clauses before it, back to the one with the attendance verb.
        /// </summary>
        private bool[] ObservedByTail(List<Segment> segs)
        {
            var marked = new bool[segs.Count];
            for (var j = 1; j < segs.Count; j++)
            {
                if (!segs[j].Observer || segs[j].Attend || MentionsIn(segs[j].From, segs[j].To).Any(m => m.Entity.Type is "State" or "Organisation")) continue;
                for (var i = j - 1; i >= 0; i--)
                {
                    var seg = segs[i];
                    if (seg.Guarantor || seg.Observer || Enumerable.Range(seg.From, seg.To - seg.From).Any(k => _t[k].Text.Contains("وفد") || _t[k].Text.Contains("وفود"))) break;
                    marked[i] = true;
                    if (seg.Attend || seg.Participate) break;
                }
            }
            return marked;
        }

        /// <summary>«وفود روسيا وتركيا وإيران، الدول الضامنة لمسار أستانا، …»: an apposition that names no state makes the states of the clause before it guarantors.</summary>
        private bool[] GuaranteedByApposition(List<Segment> segs)
        {
            var marked = new bool[segs.Count];
            for (var j = 1; j < segs.Count; j++)
            {
                var seg = segs[j];
                if (!seg.Guarantor || _t[seg.From].Text[0] == 'و' || MentionsIn(seg.From, seg.To).Any(m => m.Entity.Type == "State")) continue;
                // The cue opens the apposition («الدول الضامنة»، «بصفتها الدول الضامنة»).
                var opens = false;
                for (var k = seg.From; k < Math.Min(seg.To, seg.From + 3); k++) opens |= Cues.Has(_t[k], Cues.Guarantor, 4) || IsThreeStates(k);
                var prev = segs[j - 1];
                if (opens && MentionsIn(prev.From, prev.To).Count(m => StateOf(m) is not null || CapitalInList(m) is not null) >= 2) marked[j - 1] = true;
            }
            return marked;
        }

        /// <summary>«ومثّل الأمم المتحدة فريق …»: a representation verb right before the body.</summary>
        private bool RepresentedAt(EntityMention m) => m.First > 0 && !_t[m.First].HardGapBefore && Cues.Exactly(_t[m.First - 1], Cues.Represented);

        private void GuarantorsFromList(Sentence s, HashSet<string> hosts)
        {
            var states = MentionsIn(s.FirstToken, s.EndToken).Where(m => m.Kind == NameKind.Name && StateOf(m) is { } k && k != "syria" && !IsHomeState(k)).ToList();
            // A coordinated list: consecutive state names joined by «و» or commas.
            for (var i = 0; i < states.Count; i++)
            {
                var run = new List<EntityMention> { states[i] };
                for (var j = i + 1; j < states.Count && states[j].First == run[^1].Last + 1; j++) run.Add(states[j]);
                if (run.Select(r => r.Key).Distinct().Count() >= 3)
                {
                    foreach (var m in run) Add(ProcessIri, Ns.Ast + "guarantor", Obj.Iri(m.Entity.Iri), [MentionSpan(m)]);
                    i += run.Count - 1;
                }
            }
        }

        private static bool IsObserverCandidate(EntityMention m, HashSet<string> hosts)
        {
            if (m.Kind == NameKind.Context) return false;
            var e = m.Entity;
            if (e.Type == "State") return m.Key != "syria" && !hosts.Contains(m.Key) && m.Kind == NameKind.Name || (e.Type == "State" && m.Kind == NameKind.Adjective && m.Key != "syria" && !hosts.Contains(m.Key));
            if (e.Type == "Organisation") return !m.Key.StartsWith("syrian_", StringComparison.Ordinal) && !m.Key.StartsWith("mfa_", StringComparison.Ordinal) && m.Key is not ("constitutional_committee" or "sdf" or "aanes" or "pyd" or "unsc");
            if (e.Type == "Person") return e.Represents is not null;
            return false;
        }

        private static string ObserverIri(EntityMention m) => m.Entity.Represents is { } r ? Ns.Id + r : m.Entity.Iri;

        /// <summary>«وفد الحكومة السورية»، «وفدا الحكومة السورية والمعارضة»، «وفود من نظام الأسد والمعارضة السورية».</summary>
        private void ExtractParticipants(Sentence s)
        {
            for (var i = s.FirstToken; i < s.EndToken; i++)
            {
                var delegation = Cues.Has(_t[i], Cues.Delegation, 2);
                if (!delegation && !Cues.Exactly(_t[i], Cues.Participate)) continue;
                // The cue may itself open the name («الوفد الحكومي»).
                var k = _mentionAt[i] is { } own && own.First == i ? i : i + 1;
                if (k < s.EndToken && _t[k].Text == "من") k++;
                // «وشاركت في الاجتماعات الحكومة السورية والمعارضة»، «وفد قوى الثورة والمعارضة»: a few words may come before the first party.
                for (var skip = 0; skip < (delegation ? 2 : 3) && k < s.EndToken && !_t[k].HardGapBefore && _mentionAt[k] is null; skip++) k++;
                if (k >= s.EndToken || _mentionAt[k] is not { } firstParty || firstParty.First != k || PartyOf(firstParty) is null) continue;
                var absent = Enumerable.Range(Math.Max(s.FirstToken, i - 4), Math.Min(8, s.EndToken - Math.Max(s.FirstToken, i - 4))).Any(j => Cues.Exactly(_t[j], Cues.Absent));
                var first = true;
                while (k < s.EndToken)
                {
                    var m = _mentionAt[k];
                    if (m is null || m.First != k || (!first && !_t[k].Text.StartsWith('و'))) break;
                    if (k > i + 1 && _t[k].HardGapBefore) break;
                    var party = PartyOf(m);
                    if (party is null) break;
                    var round = CurrentRound(s, false);
                    if (!absent) Add(round > 0 ? RoundIri(round) : ProcessIri, Ns.Ast + "participant", Obj.Iri(Ns.Id + party), [MentionSpan(m)]);
                    first = false;
                    k = m.Last + 1;
                    // «برئاسة بشار الجعفري» between two parties
                    if (k < s.EndToken && Cues.Has(_t[k], Cues.Headed, 2))
                    {
                        k++;
                        while (k < s.EndToken && _mentionAt[k] is { } pm && pm.Entity.Type == "Person" && !_t[k].Text.StartsWith('و')) k = pm.Last + 1;
                    }
                }
                if (!first) i = k - 1;
            }
        }

        private static string? PartyOf(EntityMention m) => m.Key switch
        {
            // «وفد دمشق»: the capital after a delegation noun stands for the government.
            "syrian_government" or "syria" or "damascus" => "syrian_government",
            "syrian_opposition" => "syrian_opposition",
            _ => null,
        };

        private void ExtractDesignated()
        {
            foreach (var m in _mentions.Where(m => m.Entity.Type == "DesignatedGroup" && (m.Kind == NameKind.Name || m.Kind == NameKind.Context && GroupContext(m))))
            {
                if (SentenceIsOtherProcess(_t[m.First].Sentence) && !_rounds.Any(r => r.Sentence == _t[m.First].Sentence)) continue;
                Add(ArticleIri, Ns.Schema + "mentions", Obj.Iri(m.Entity.Iri), [MentionSpan(m)]);
            }
        }

        /// <summary>
        /// A group's short, ambiguous name («القاعدة»، «الهيئة») is the group when tied to another group («المرتبطة بالقاعدة»)
        /// or coordinated with a group's full name («داعش والقاعدة»).
        /// </summary>
        private bool GroupContext(EntityMention m)
        {
            var s = _t[m.First].Sentence;
            if (m.First > 0 && !_t[m.First].HardGapBefore && _t[m.First - 1].Sentence == s && Cues.Exactly(_t[m.First - 1], Cues.TiedTo)) return true;
            // «يرتبط بالقاعدة»، «من يرتبط بتنظيم …» with the preposition on the name
            if (m.First > 0 && _t[m.First].Text[0] == 'ب' && _t[m.First - 1].Sentence == s && Cues.Has(_t[m.First - 1], Cues.TiedTo, 2)) return true;
            // A definite adjective after it makes it a common noun («داعش والقاعدة العسكرية»: the military base).
            var next = m.Last + 1;
            if (next < _t.Count && _t[next].Sentence == s && !_t[next].HardGapBefore && _t[next].Text.StartsWith("ال", StringComparison.Ordinal) && _mentionAt[next] is null
                && !Cues.Has(_t[next], Cues.Terrorist, 3))
                return false;
            var before = m.First > 0 ? _mentionAt[m.First - 1] : null;
            if (before is { Kind: NameKind.Name, Entity.Type: "DesignatedGroup" } && _t[m.First].Text[0] == 'و' && !_t[m.First].HardGapBefore) return true;
            var after = next < _t.Count ? _mentionAt[next] : null;
            if (after is { Kind: NameKind.Name, Entity.Type: "DesignatedGroup" } && after.First == next && _t[next].Text[0] == 'و' && !_t[next].HardGapBefore) return true;
            // «… داعش، وتنظيمي حراس الدين والقاعدة»: a coordinated short name in a sentence that names a group in full.
            return _t[m.First].Text[0] == 'و'
                && MentionsIn(_s[s].FirstToken, _s[s].EndToken).Any(o => o != m && o.Kind == NameKind.Name && o.Entity.Type == "DesignatedGroup");
        }

        public string ArticleIri => Ns.Id + "article/" + Uri.EscapeDataString(_a.Id);

        // ---------------------------------------------------------------- statements

        private bool[]? _statement;

        /// <summary>A sentence reporting a round's joint or final statement (or a memorandum adopted at the round).</summary>
        private bool IsStatementSentence(Sentence s)
        {
            _statement ??= ClassifyStatements();
            return _statement[s.Index];
        }

        private bool[] ClassifyStatements()
        {
            var result = new bool[_s.Count];
            for (var si = 0; si < _s.Count; si++)
            {
                var s = _s[si];
                var own = false;
                var bareStatement = false;
                var guarantorSubject = false;
                var contentVerb = false;
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    var t = _t[i];
                    if (Cues.Exactly(t, Cues.Statement))
                    {
                        if (i + 1 < s.EndToken && (Cues.Has(_t[i + 1], Cues.StatementQualifier, 2) || _rounds.Any(r => r.First == i + 1)))
                            own = true;
                        else if (t.Forms.Any(f => f.Form == "البيان") && !(i > s.FirstToken && Cues.Exactly(_t[i - 1], Fi)))
                            bareStatement = true;
                    }
                    if (Cues.Has(t, Cues.Memorandum, 2)) own = true;
                    if (Cues.Has(t, Cues.Guarantor, 4) || Cues.Exactly(t, Cues.Collective) || Cues.Exactly(t, Cues.Assembled) || IsThreeStates(i)) guarantorSubject = true;
                    if (Cues.Has(t, Cues.Affirm, 3) || Cues.Has(t, Cues.Call, 3) || Cues.Has(t, Cues.Condemn, 3) || Cues.Exactly(t, Cues.Support)) contentVerb = true;
                }
                var continues = si > 0 && result[si - 1] && StartsWithContinuation(s);
                result[si] = own || (bareStatement && si > 0 && result.Take(si).Any(x => x)) || (guarantorSubject && contentVerb) || continues;
            }
            return result;
        }

        private bool StartsWithContinuation(Sentence s)
        {
            for (var i = s.FirstToken; i < Math.Min(s.EndToken, s.FirstToken + 2); i++)
            {
                var t = _t[i];
                if (Cues.Exactly(t, Cues.Continuation)) return true;
                if (Cues.Has(t, Cues.Affirm, 3) || Cues.Has(t, Cues.Call, 3) || Cues.Has(t, Cues.Condemn, 3)) return !SpeakerAfter(i, s);
            }
            return false;
        }

        /// <summary>«ودعا رئيس وفد المعارضة أحمد طعمة إلى …»: a verb whose subject is a person or a delegation opens a quote, not more of the statement.</summary>
        private bool SpeakerAfter(int verb, Sentence s)
        {
            for (var k = verb + 1; k < Math.Min(s.EndToken, verb + 4); k++)
            {
                if (_t[k].HardGapBefore) return false;
                if (Cues.Exactly(_t[k], Cues.Agent) || Cues.Has(_t[k], Cues.Delegation, 2)) return true;
                if (_mentionAt[k] is { Entity.Type: "Person" }) return true;
            }
            return false;
        }

        private void ExtractStatements()
        {
            var committee = _mentions.Any(m => m.Key == "constitutional_committee");
            foreach (var s in _s)
            {
                if (!IsStatementSentence(s) || SentenceIsOtherProcess(s.Index)) continue;
                var round = CurrentRound(s, heldOnly: true);
                if (round == 0) continue;
                var statement = RoundIri(round) + "/statement";
                var idlib = SentenceMentions(s, m => m.Key.StartsWith("idlib", StringComparison.Ordinal));
                var gaza = Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).Any(i => _t[i].Forms.Any(f => f.Form is "غزه"));
                var turkey = SentenceMentions(s, m => m.Key is "turkey" or "ankara");
                var syria = SentenceMentions(s, m => m.Key is "syria" or "damascus" or "syrian_government");
                var used = new HashSet<int>();
                for (var i = s.FirstToken; i < s.EndToken; i++)
                {
                    if (used.Contains(i) || !TopicCues.MayStartAt(_t[i])) continue;
                    foreach (var cue in TopicCues.All)
                    {
                        var last = TopicCues.Match(cue, _t, i, s.EndToken);
                        if (last < 0) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.Idlib) && !idlib) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.Gaza) && !gaza) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.NoGaza) && gaza) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.TurkeySyria) && !(turkey && syria)) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.CommitteeInArticle) && (!committee || _mentionAt[i] is not null)) continue;
                        if (cue.Need.HasFlag(TopicCues.Need.GroupAfter) && !GroupAfter(last, s)) continue;
                        if (cue.Topic == "de_escalation_zones" && !_t[i].Forms.Any(f => f.Form.StartsWith("مناطق", StringComparison.Ordinal))) continue;
                        if (Pretext(i, s)) { for (var k = i; k <= last; k++) used.Add(k); break; }
                        var (kind, verbAt) = GoverningVerb(i, s);
                        if (kind == 'b') break;
                        var action = ActionOf(cue.Topic, kind);
                        var ev = new List<NormSpan> { Span(i, last) };
                        Add(statement, Ns.Rdf + "type", Obj.Iri(Ns.Ast + "FinalStatement"), ev);
                        Add(statement, Ns.Ast + "statementOf", Obj.Iri(RoundIri(round)), ev);
                        var prop = action switch { StatementAction.CallsFor => "callsFor", StatementAction.Condemns => "condemns", _ => "affirms" };
                        Add(statement, Ns.Ast + prop, Obj.Iri(Ns.Topic + cue.Topic), verbAt >= 0 ? [Span(verbAt, verbAt), Span(i, last)] : ev);
                        for (var k = i; k <= last; k++) used.Add(k);
                        break;
                    }
                }
            }
        }

        private bool GroupAfter(int last, Sentence s)
        {
            for (var k = last + 1; k < Math.Min(s.EndToken, last + 4); k++)
            {
                if (_mentionAt[k] is { } m && m.Entity.Type == "DesignatedGroup") return true;
                if (_t[k].Forms.Any(f => f.Form.StartsWith("التنظيمات", StringComparison.Ordinal) || f.Form.StartsWith("الجماعات", StringComparison.Ordinal))) return true;
            }
            return false;
        }

        private bool Pretext(int i, Sentence s)
        {
            for (var k = i - 1; k >= Math.Max(s.FirstToken, i - 2); k--)
                if (Cues.Has(_t[k], Cues.Pretext, 2)) return true;
            return false;
        }

        /// <summary>The nearest statement verb before the cue: 'a' affirm, 'c' call, 'd' condemn, 'b' agenda or review (no statement), '-' none.</summary>
        private (char Kind, int At) GoverningVerb(int i, Sentence s)
        {
            for (var k = i - 1; k >= s.FirstToken; k--)
            {
                var t = _t[k];
                if (Cues.Exactly(t, Cues.Omit)) return ('b', k);
                // «لم يتطرق البيان إلى …»، «من دون الإشارة إلى …»: what the statement left out.
                if (Cues.Exactly(t, Cues.Mention) && NegationBefore(k, s)) return ('b', k);
                if (Cues.Has(t, Cues.Block, 2) && !Cues.Has(t, Cues.Affirm, 3)) return ('b', k);
                var kind = Cues.Has(t, Cues.Call, 3) ? 'c' : Cues.Has(t, Cues.Condemn, 3) ? 'd' : Cues.Has(t, Cues.Affirm, 3) || Cues.Exactly(t, Cues.Support) ? 'a' : '-';
                // «دعا إلى الالتزام بـ…»، «دعا إلى دعم …»: an affirming noun after «إلى» is what is called for.
                if (kind == 'a' && k > s.FirstToken && Cues.Exactly(_t[k - 1], Cues.To)) continue;
                if (kind == '-') continue;
                return NegationBefore(k, s) || k > s.FirstToken && Cues.Exactly(_t[k - 1], Cues.Any) ? ('b', k) : (kind, k);
            }
            return ('-', -1);
        }

        /// <summary>A negation right before the verb at <paramref name="k"/> («لم يشر»، «دون أن يتطرق»).</summary>
        private bool NegationBefore(int k, Sentence s)
        {
            for (var j = k - 1; j >= Math.Max(s.FirstToken, k - 2); j--)
            {
                if (_t[j + 1].HardGapBefore) return false;
                if (Cues.Exactly(_t[j], Cues.Negation)) return true;
                if (!Cues.Exactly(_t[j], Cues.Complementizer)) return false;
            }
            return false;
        }

        private static StatementAction ActionOf(string topic, char verb)
        {
            var negative = TopicCues.Negative.Contains(topic);
            if (negative) return StatementAction.Condemns;
            return verb switch
            {
                'c' => StatementAction.CallsFor,
                // Concern about, or rejection of, violations of a good thing upholds it.
                'd' => StatementAction.Affirms,
                _ => TopicCues.Default(topic),
            };
        }
    }
}
