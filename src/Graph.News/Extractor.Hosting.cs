namespace Graph.News;

public sealed partial class Extractor
{
    private sealed partial class Run
    {
        private static readonly WordList HostVerbs = WordList.Of("استضاف تستضيف يستضيف ستستضيف احتضن تحتضن يحتضن ستحتضن");
        private static readonly WordList Relatives = WordList.Of("التي الذي");

        /// <summary>
        /// The state a round's own clause says hosts it: «الجولة العشرين ... التي تستضيفها كازاخستان»،
        /// «تستضيف روسيا الجولة العاشرة»، «الجولة ... في كازاخستان». Null when no state is tied to the round.
        /// </summary>
        private EntityMention? HostStateOf(RoundState st)
        {
            foreach (var r in st.Mentions.OrderBy(m => m.Reference == RoundReference.Anaphor ? 1 : 0))
            {
                var s = _s[r.Sentence];
                for (var i = r.Last + 1; i < Math.Min(s.EndToken, r.Last + 10); i++)
                {
                    if (ClauseBreak(i) && !Cues.Has(_t[i], HostVerbs, 3)) break;
                    if (RoundRecognizer.IsHead(_t[i])) break;
                    if (Cues.Exactly(_t[i], Relatives)) continue;
                    if (Cues.Has(_t[i], HostVerbs, 3) && HostStateAt(i + 1) is { } after) return after;
                    if (Cues.Exactly(_t[i], Fi) && HostStateAt(i + 1) is { } within) return within;
                }
                // «تستضيف كازاخستان الجولة ...»: verb, state, then the round.
                if (r.First >= 2 && _mentionAt[r.First - 1] is { } m && m.Last == r.First - 1 && m.First > s.FirstToken
                    && Cues.Has(_t[m.First - 1], HostVerbs, 3) && HostStateAt(m.First) is { } before)
                    return before;
            }
            return null;
        }

        private EntityMention? HostStateAt(int i)
        {
            if (i >= _t.Count || _mentionAt[i] is not { } m || m.First != i) return null;
            // Syria is what the talks are about («محادثات أستانا في سوريا»), never their host.
            return m.Kind == NameKind.Name && m.Entity.Type == "State" && m.Key != "syria" ? m : null;
        }

        /// <summary>
        /// The city of a round hosted by a named state: the only city of that state the article places a
        /// meeting in («عقد ... في العاصمة الكازاخستانية» earlier, «التي تستضيفها كازاخستان» with the round).
        /// </summary>
        private EntityMention? CityOfHost(EntityMention host)
        {
            var found = new List<EntityMention>();
            foreach (var s in _s)
            {
                if (SentenceIsOtherProcess(s.Index)) continue;
                var meeting = Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).Any(i => Cues.Has(_t[i], Cues.Event, 3) || RoundRecognizer.IsHead(_t[i]));
                if (!meeting) continue;
                for (var i = s.FirstToken; i < s.EndToken; i++)
                    if (IsPlace(i) && _mentionAt[i]!.Entity.Country == host.Key) found.Add(_mentionAt[i]!);
            }
            return found.Select(m => m.Key).Distinct().Count() == 1 ? found[0] : null;
        }
    }
}
