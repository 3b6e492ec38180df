namespace Graph.News;

public sealed partial class Extractor
{
    private sealed partial class Run
    {
        /// <summary>What the extractor saw, for KG_NEWS_DEBUG=1 (stderr).</summary>
        public void Dump(TextWriter w)
        {
            foreach (var s in _s)
            {
                w.WriteLine($"S{s.Index} stmt={(_statement is null ? "?" : IsStatementSentence(s).ToString())}: " + string.Join(' ', Enumerable.Range(s.FirstToken, s.EndToken - s.FirstToken).Select(i => (_t[i].HardGapBefore ? "| " : "") + _t[i].Text)));
                foreach (var m in MentionsIn(s.FirstToken, s.EndToken)) w.WriteLine($"   E {m.Key} {m.Kind} [{m.First}-{m.Last}]");
                foreach (var d in _dates[s.Index] ?? []) w.WriteLine($"   D {d} role={CueRole(d.First, s).Role}");
                foreach (var r in _rounds.Where(r => r.Sentence == s.Index)) w.WriteLine($"   R {r}");
            }
            foreach (var st in _state.Values) w.WriteLine($"ROUND {st.Number} {st.Status} start={st.Start} end={st.End} [{st.Earliest}..{st.Latest}] place={st.Place?.Key}");
        }
    }
}
