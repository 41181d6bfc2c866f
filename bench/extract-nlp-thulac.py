"""THULAC's part-of-speech tagging for bench/extract-nlp.ts: reads one JSON object per line
({"name", "text"}) on stdin and writes, per article, {"name", "words": [[word, tag], ...],
"ms"}: the time to tag it, the model loaded once before (its load time is reported apart)."""
import contextlib
import json
import sys
import time

start = time.perf_counter()
import thulac  # noqa: E402  (imported here so that its load is timed)

with contextlib.redirect_stdout(sys.stderr):  # it announces its model on stdout
    tagger = thulac.thulac()
print(json.dumps({"loadMs": round((time.perf_counter() - start) * 1000)}), flush=True)
for line in sys.stdin:
    article = json.loads(line)
    t = time.perf_counter()
    words = tagger.cut(article["text"])
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"name": article["name"], "words": words, "ms": ms}, ensure_ascii=False), flush=True)
