#!/usr/bin/env python3
"""Writes N synthetic articles (JSON Lines) by varying the numbers and dates of the shared dev articles.

Usage: python3 bench/news/gen.py ../shared/corpus/dev 10000 > bench/work/corpus.jsonl
Deterministic (fixed seed). Day numbers become other days, four-digit years other years of the talks,
digit round numbers other rounds; the publication date moves with them.
"""
import json, os, random, re, sys, datetime

def main(folder, n):
    rng = random.Random(42)
    arts = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".txt"):
            gold = json.load(open(os.path.join(folder, name[:-4] + ".gold.json"), encoding="utf-8"))
            arts.append((name[:-4], open(os.path.join(folder, name), encoding="utf-8").read(), gold["published"]))
    out = sys.stdout
    for i in range(n):
        base, text, pub = arts[i % len(arts)]
        def num(m):
            v = int(m.group(0))
            if 2015 <= v <= 2026:
                return str(rng.randint(2017, 2024))
            if 1 <= v <= 31:
                return str(rng.randint(1, 28))
            return m.group(0)
        varied = re.sub(r"\d+", num, text)
        d = datetime.date.fromisoformat(pub) + datetime.timedelta(days=rng.randint(-400, 400))
        out.write(json.dumps({"id": f"{base}-{i}", "url": f"https://example.org/news/{i}", "published": d.isoformat(), "text": varied}, ensure_ascii=False) + "\n")

if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
