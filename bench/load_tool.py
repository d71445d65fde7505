"""Helpers of bench/load.sh.

load_tool.py bodies CORPUS_DIR OUT_FILE [ARTICLES [WORDS]]
    Request bodies, one JSON object a line: {"text": "..."} with exactly WORDS (400) words.
    Article k starts at one corpus article (starts spread evenly over all of data/corpus, so every
    batch file and theme is represented) and goes on into the following articles until it has
    WORDS words, where it is cut. Paragraph breaks are kept (as "\\n", JSON-escaped); words are
    whitespace-separated tokens. Every line is checked: valid JSON, exactly WORDS words, no two
    bodies alike.

load_tool.py latency BEFORE AFTER [ROUTE]
    The service's own latency for ROUTE (/v1/classify) between two scrapes of its /metrics
    (Prometheus histogram http_server_requests_seconds, time spent inside Javalin: reading the
    body, classifying, writing the answer; not the time a request waits for a Jetty thread).
    Prints "count mean_ms p50_ms p90_ms p99_ms", percentiles as the upper bound of their bucket.
"""
import glob
import json
import os
import re
import sys


def paragraphs(corpus_dir):
    docs = []
    for path in sorted(glob.glob(os.path.join(corpus_dir, "*.jsonl"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    text = json.loads(line)["text"]
                    docs.append([p.split() for p in text.split("\n") if p.split()])
    return docs


def article(docs, start, words):
    out, count, i = [], 0, start
    while count < words:
        for para in docs[i % len(docs)]:
            take = para[: words - count]
            out.append(" ".join(take))
            count += len(take)
            if count == words:
                break
        i += 1
    return "\n".join(out)


def bodies(corpus_dir, out_file, n=100, words=400):
    docs = paragraphs(corpus_dir)
    if not docs:
        sys.exit(f"load_tool: no articles in {corpus_dir}/*.jsonl")
    starts = sorted({round(k * len(docs) / n) for k in range(n)})
    lines = [json.dumps({"text": article(docs, s, words)}, ensure_ascii=False) for s in starts]
    for b in lines:
        assert "\n" not in b and len(json.loads(b)["text"].split()) == words
    if len(set(lines)) != len(lines):
        sys.exit("load_tool: duplicate bodies")
    with open(out_file, "w", encoding="utf-8", newline="\n") as f:
        for b in lines:
            f.write(b + "\n")
    sizes = [len(b.encode("utf-8")) for b in lines]
    print(f"{len(lines)} distinct bodies of {words} words from {len(docs)} corpus articles, "
          f"{min(sizes)}-{max(sizes)} bytes (mean {sum(sizes) // len(sizes)})")


def histogram(path, route):
    buckets, total, count = {}, 0.0, 0
    pattern = re.compile(r'^http_server_requests_seconds_(bucket|sum|count)\{(.*)\} (\S+)$')
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = pattern.match(line.strip())
            if not m:
                continue
            labels = dict(re.findall(r'(\w+)="([^"]*)"', m.group(2)))
            if labels.get("route") != route or labels.get("method") != "POST":
                continue
            value = float(m.group(3))
            if m.group(1) == "bucket":
                le = float("inf") if labels["le"] == "+Inf" else float(labels["le"])
                buckets[le] = buckets.get(le, 0) + value  # summed over status codes
            elif m.group(1) == "sum":
                total += value
            else:
                count += int(value)
    return buckets, total, count


def latency(before, after, route="/v1/classify"):
    b0, s0, c0 = histogram(before, route)
    b1, s1, c1 = histogram(after, route)
    n = c1 - c0
    if n <= 0:
        print("0 nan nan nan nan")
        return
    cumulative = sorted((le, b1[le] - b0.get(le, 0)) for le in b1)

    def pct(q):
        for le, c in cumulative:
            if c >= q * n:
                return le * 1000
        return float("inf")

    print(f"{n} {(s1 - s0) / n * 1000:.3f} {pct(0.5):.3f} {pct(0.9):.3f} {pct(0.99):.3f}")


def main():
    if len(sys.argv) >= 4 and sys.argv[1] == "bodies":
        bodies(sys.argv[2], sys.argv[3], *(int(a) for a in sys.argv[4:6]))
    elif len(sys.argv) >= 4 and sys.argv[1] == "latency":
        latency(*sys.argv[2:5])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
