"""Peers for bench/compare: fastText and scikit-learn on Nhãn's splits, scored exactly as Nhãn scores.

Standard library + numpy + scikit-learn only; run with /usr/bin/python3. Subcommands:

  prep DIR --train F.. --test F.. [--val-fraction 0.2]   fastText files: train.txt, sub.txt + val.txt
                                                          (validation carved from train), test.txt
  sk-train --train F.. --clf svc|lr --model M.pkl        TF-IDF syllable 1-2-grams + one-vs-rest
  sk-predict --model M.pkl --input F.. --output P.jsonl  predictions in `bin/nhan classify` format
  ft-convert --probs OUT --docs F.. --output P.jsonl     fastText predict-prob output -> same format
  ft-threshold --probs OUT --docs F..                    the global threshold with the best micro-F1
  score --gold F.. --pred P.jsonl --mode multi|single    metrics as JSON
  check-nhan --gold F.. --pred P.jsonl --report R.json   Nhãn's metrics recomputed here vs report.json
  record ... / table ... / docs ...                      results.jsonl, the table, docs/benchmarks.md

Prediction files are JSONL, one line per test document in order: {"id", "labels", "scores"}, as
`bin/nhan classify` writes them, so one scoring function serves every system.

Metric conventions (those of vn.nhan.eval.MultiLabelEvaluation):
  micro F1   2TP / (2TP + FP + FN) pooled over all (document, label) cells, 0 if the denominator is 0;
  macro F1   mean of per-label F1 (zero_division 0) over the labels that occur in the gold labels or
             the predictions (labels absent from both are left out);
  samples F1 mean over documents of 2|G∩P| / (|G| + |P|); a document with no gold and no predicted
             label counts as 1;
  P@1        over documents with a gold label: the top-scored label (first in label order on ties)
             is gold.
For single-label data (VNTC) every system's prediction is its top-scored label: accuracy = P@1,
and macro F1 is computed on those top-1 predictions.
"""
import argparse
import json
import math
import os
import pickle
import random
import re
import sys
import time

LABEL = "__label__"
# Vietnamese letters, precomposed (NFC) or with combining marks (NFD), and digits; one-letter
# syllables ("ở", "y", "á") are kept, which the default token_pattern (\w\w+) would drop.
TOKEN_PATTERN = r"(?u)[\w\u0300-\u036f]+"


# ---------------------------------------------------------------- data

def read_docs(paths):
    """Documents of JSONL files or directories of *.jsonl (sorted, as Nhãn's CorpusReader reads them)."""
    docs = []
    for path in paths:
        files = sorted(os.path.join(path, f) for f in os.listdir(path) if f.endswith(".jsonl")) if os.path.isdir(path) else [path]
        for name in files:
            with open(name, encoding="utf-8-sig") as f:
                for line in f:
                    if line.strip():
                        d = json.loads(line)
                        d.setdefault("labels", [])
                        docs.append(d)
    return docs


def full_text(doc):
    title = doc.get("title") or ""
    return (title + "\n" + doc["text"]) if title else doc["text"]


def ft_text(doc):
    """fastText input: lower-cased, tokenised by whitespace, on one line."""
    return " ".join(full_text(doc).lower().split())


def ft_line(doc):
    return " ".join([LABEL + l for l in doc["labels"]] + [ft_text(doc)]) + "\n"


def cmd_prep(a):
    os.makedirs(a.dir, exist_ok=True)
    train = read_docs(a.train)
    test = read_docs(a.test)
    # fastText's SGD reads the file in order with a decaying learning rate: lines grouped by label
    # (as the VNTC split and the default corpus's batch files are) must be shuffled, once, fixed
    shuffled = list(range(len(train)))
    random.Random(7).shuffle(shuffled)
    with open(os.path.join(a.dir, "train.txt"), "w", encoding="utf-8") as f:
        f.writelines(ft_line(train[i]) for i in shuffled)
    with open(os.path.join(a.dir, "test.txt"), "w", encoding="utf-8") as f:
        f.writelines(ft_text(d) + "\n" for d in test)
    # validation split carved from the training split (fixed seed), for autotune and thresholds
    order = list(range(len(train)))
    random.Random(11).shuffle(order)
    cut = int(round(len(train) * a.val_fraction))
    val = order[:cut]
    val_set = set(val)
    with open(os.path.join(a.dir, "val.txt"), "w", encoding="utf-8") as f:
        f.writelines(ft_line(train[i]) for i in val)
    with open(os.path.join(a.dir, "val-text.txt"), "w", encoding="utf-8") as f:
        f.writelines(ft_text(train[i]) + "\n" for i in val)
    with open(os.path.join(a.dir, "val.jsonl"), "w", encoding="utf-8") as f:
        f.writelines(json.dumps({"id": train[i].get("id"), "labels": train[i]["labels"]}, ensure_ascii=False) + "\n" for i in val)
    with open(os.path.join(a.dir, "sub.txt"), "w", encoding="utf-8") as f:
        f.writelines(ft_line(train[i]) for i in shuffled if i not in val_set)
    print(f"fastText files in {a.dir}: {len(train)} training ({len(train) - cut} + {cut} validation), {len(test)} test")


# ---------------------------------------------------------------- scikit-learn

def cmd_sk_train(a):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.preprocessing import MultiLabelBinarizer
    from sklearn.svm import LinearSVC
    from sklearn.linear_model import LogisticRegression
    from sklearn.utils import parallel_backend

    docs = read_docs(a.train)
    vectorizer = TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, lowercase=True,
                                 token_pattern=TOKEN_PATTERN)
    x = vectorizer.fit_transform([full_text(d) for d in docs])
    x.sort_indices()  # float64 and canonical already: the threads below only read it
    mlb = MultiLabelBinarizer()
    y = mlb.fit_transform([d["labels"] for d in docs])
    if a.clf == "svc":
        base = LinearSVC(C=1.0)
    else:
        base = LogisticRegression(C=1.0, solver="liblinear")
    clf = OneVsRestClassifier(base, n_jobs=2)
    with parallel_backend("threading", n_jobs=2):  # liblinear releases the GIL: both cores, one process
        clf.fit(x, y)
    vectorizer.stop_words_ = None  # not needed to predict
    with open(a.model, "wb") as f:
        pickle.dump({"vectorizer": vectorizer, "clf": clf, "labels": list(mlb.classes_), "kind": a.clf}, f,
                    protocol=pickle.HIGHEST_PROTOCOL)
    print(f"{a.clf}: {x.shape[0]} documents, {x.shape[1]} features, {len(mlb.classes_)} labels -> {a.model}", file=sys.stderr)


def cmd_sk_predict(a):
    import numpy as np
    with open(a.model, "rb") as f:
        m = pickle.load(f)
    docs = read_docs(a.input)
    x = m["vectorizer"].transform([full_text(d) for d in docs])
    clf, labels = m["clf"], m["labels"]
    if m["kind"] == "svc":
        scores = clf.decision_function(x)
        chosen = scores > 0
    else:
        scores = clf.predict_proba(x)
        chosen = scores >= 0.5
    scores = np.asarray(scores).reshape(len(docs), len(labels))
    with open(a.output, "w", encoding="utf-8") as out:
        for i, d in enumerate(docs):
            out.write(json.dumps({"id": d.get("id"), "labels": [labels[j] for j in np.flatnonzero(chosen[i])],
                                  "scores": {labels[j]: round(float(scores[i, j]), 6) for j in range(len(labels))}},
                                 ensure_ascii=False) + "\n")


# ---------------------------------------------------------------- fastText

def read_ft_probs(path):
    """predict-prob output: one line per input line, '__label__a 0.9 __label__b 0.3 ...' (possibly empty)."""
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            rows.append({parts[i][len(LABEL):]: float(parts[i + 1]) for i in range(0, len(parts) - 1, 2)})
    return rows


def cmd_ft_convert(a):
    docs = read_docs(a.docs)
    rows = read_ft_probs(a.probs)
    if len(rows) != len(docs):
        sys.exit(f"ft-convert: {len(rows)} prediction lines for {len(docs)} documents")
    with open(a.output, "w", encoding="utf-8") as out:
        for d, scores in zip(docs, rows):
            labels = [l for l, s in scores.items() if s >= a.threshold]
            out.write(json.dumps({"id": d.get("id"), "labels": labels, "scores": scores}, ensure_ascii=False) + "\n")


def cmd_ft_threshold(a):
    docs = read_docs(a.docs)
    rows = read_ft_probs(a.probs)
    gold = [set(d["labels"]) for d in docs]
    best = (-1.0, 0.5)
    for step in range(1, 20):
        t = step / 20
        pred = [{l for l, s in r.items() if s >= t} for r in rows]
        f1 = metrics(gold, pred, [{}] * len(pred))["micro_f1"]
        if f1 > best[0] + 1e-12:
            best = (f1, t)
    print(f"{best[1]:.2f}")
    print(f"threshold {best[1]:.2f}: validation micro-F1 {best[0]:.4f}", file=sys.stderr)


# ---------------------------------------------------------------- metrics

def label_order(gold, pred, scores):
    order = []
    seen = set()
    for s in scores:
        for l in s:
            if l not in seen:
                seen.add(l)
                order.append(l)
    for sets in (gold, pred):
        for g in sets:
            for l in sorted(g):
                if l not in seen:
                    seen.add(l)
                    order.append(l)
    return order


def top1(score_map, order_index):
    """The highest-scored label; the first in label order on ties; None without scores."""
    best = None
    for label, s in sorted(score_map.items(), key=lambda kv: order_index[kv[0]]):
        if best is None or s > score_map[best]:
            best = label
    return best


def tied_top(score_map):
    """Whether two or more labels share the highest (rounded) score."""
    values = sorted(score_map.values(), reverse=True)
    return len(values) > 1 and values[0] == values[1]


def ratio(n, d):
    return n / d if d else 0.0


def metrics(gold, pred, scores):
    """Multi-label metrics with Nhãn's conventions; gold and pred are lists of sets of label ids."""
    order = label_order(gold, pred, scores)
    index = {l: i for i, l in enumerate(order)}
    tp = dict.fromkeys(order, 0)
    fp = dict.fromkeys(order, 0)
    fn = dict.fromkeys(order, 0)
    samples = 0.0
    labelled = top_ok = 0
    for g, p, s in zip(gold, pred, scores):
        for l in g & p:
            tp[l] += 1
        for l in p - g:
            fp[l] += 1
        for l in g - p:
            fn[l] += 1
        d_tp, d_fp, d_fn = len(g & p), len(p - g), len(g - p)
        samples += 1.0 if not g and not p else ratio(2 * d_tp, 2 * d_tp + d_fp + d_fn)
        if g:
            labelled += 1
            best = top1(s, index) if s else None
            top_ok += 1 if best in g else 0
    TP, FP, FN = sum(tp.values()), sum(fp.values()), sum(fn.values())
    per_label = {}
    for l in order:
        if tp[l] + fn[l] == 0 and tp[l] + fp[l] == 0:
            continue  # absent from gold and predictions: left out of the macro average
        per_label[l] = {"precision": ratio(tp[l], tp[l] + fp[l]), "recall": ratio(tp[l], tp[l] + fn[l]),
                        "f1": ratio(2 * tp[l], 2 * tp[l] + fp[l] + fn[l]), "support": tp[l] + fn[l],
                        "predicted": tp[l] + fp[l]}
    n = len(gold)
    return {"n_documents": n,
            "micro_precision": ratio(TP, TP + FP), "micro_recall": ratio(TP, TP + FN),
            "micro_f1": ratio(2 * TP, 2 * TP + FP + FN),
            "macro_f1": ratio(sum(v["f1"] for v in per_label.values()), len(per_label)),
            "samples_f1": samples / n if n else 0.0,
            "precision_at_1": ratio(top_ok, labelled),
            "per_label": per_label}


def read_pred(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(gold_docs, pred_rows, mode):
    if len(gold_docs) != len(pred_rows):
        sys.exit(f"score: {len(pred_rows)} predictions for {len(gold_docs)} documents")
    for d, p in zip(gold_docs, pred_rows):
        if d.get("id") is not None and p.get("id") is not None and str(d["id"]) != str(p["id"]):
            sys.exit(f"score: prediction for {p['id']} where {d['id']} was expected")
    gold = [set(d["labels"]) for d in gold_docs]
    scores = [p.get("scores") or {} for p in pred_rows]
    if mode == "multi":
        pred = [set(p["labels"]) for p in pred_rows]
        return metrics(gold, pred, scores)
    # single-label: the prediction is the top-scored label
    order = label_order(gold, [set(p["labels"]) for p in pred_rows], scores)
    index = {l: i for i, l in enumerate(order)}
    pred = [{top1(s, index)} - {None} for s in scores]
    m = metrics(gold, pred, scores)
    m["accuracy"] = m["precision_at_1"]
    return m


def cmd_score(a):
    m = score(read_docs(a.gold), read_pred(a.pred), a.mode)
    if not a.per_label:
        m.pop("per_label")
    print(json.dumps(m, indent=1))


def cmd_check_nhan(a):
    """Recomputes Nhãn's figures from `bin/nhan classify` output and compares them with report.json."""
    with open(a.report, encoding="utf-8") as f:
        report = json.load(f)
    mine = score(read_docs(a.gold), read_pred(a.pred), "multi")
    problems = []
    # classify rounds scores to 4 decimals: P@1 may differ only where that rounding creates a tie
    gold_labels = [d["labels"] for d in read_docs(a.gold)]
    tied = sum(1 for g, p in zip(gold_labels, read_pred(a.pred)) if g and tied_top(p.get("scores") or {}))
    labelled = sum(1 for g in gold_labels if g)
    for key in ("micro_f1", "macro_f1", "samples_f1", "precision_at_1", "micro_precision", "micro_recall"):
        allowed = tied / labelled if key == "precision_at_1" and labelled else 0.0
        if abs(mine[key] - report[key]) > allowed + 1e-9:
            problems.append(f"{key}: here {mine[key]:.6f}, report.json {report[key]:.6f}")
    for label, r in report["per_label"].items():
        m = mine["per_label"].get(label)
        rf1 = r.get("f1", 0.0)
        if m is None:
            if r.get("support", 0) or r.get("predicted", 0):
                problems.append(f"{label}: missing here")
        elif abs(m["f1"] - rf1) > 1e-9 or m["support"] != r.get("support") or m["predicted"] != r.get("predicted"):
            problems.append(f"{label}: here f1 {m['f1']:.6f} support {m['support']} predicted {m['predicted']}, "
                            f"report.json f1 {rf1:.6f} support {r.get('support')} predicted {r.get('predicted')}")
    name = a.name or a.pred
    if problems:
        print(f"check {name}: DISAGREE with report.json:\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"check {name}: micro-F1 {mine['micro_f1']:.4f} macro-F1 {mine['macro_f1']:.4f} samples-F1 {mine['samples_f1']:.4f} "
          f"P@1 {mine['precision_at_1']:.4f} (within {tied} rounding ties) and {len(mine['per_label'])} labels' F1, support and predicted counts "
          f"agree with report.json")


# ---------------------------------------------------------------- results and table

def read_time(path):
    """/usr/bin/time -f '%e %M' output: elapsed seconds, peak RSS in KB (last line; earlier lines may be warnings)."""
    with open(path, encoding="utf-8") as f:
        last = [l for l in f.read().split("\n") if l.strip()][-1].split()
    return float(last[0]), int(last[1])


def cmd_record(a):
    row = {"workload": a.workload, "system": a.system, "note": a.note}
    m = score(read_docs(a.gold), read_pred(a.pred), a.mode)
    m.pop("per_label")
    row["metrics"] = m
    if a.report:  # Nhãn: the quality figures are report.json's
        with open(a.report, encoding="utf-8") as f:
            report = json.load(f)
        row["report"] = {k: report[k] for k in ("micro_f1", "macro_f1", "samples_f1", "precision_at_1")}
    row["train_s"], row["train_rss_kb"] = read_time(a.train_time)
    row["predict_s"], row["predict_rss_kb"] = read_time(a.predict_time)
    row["predict_docs_per_s"] = m["n_documents"] / row["predict_s"] if row["predict_s"] > 0 else None
    row["model_bytes"] = int(a.model_bytes)
    row["inprocess_docs_per_s"] = float(a.inprocess) if a.inprocess else None
    row["one_thread_docs_per_s"] = float(a.one_thread) if a.one_thread else None
    with open(a.out, "a", encoding="utf-8") as f:
        f.write(json.dumps(row, ensure_ascii=False) + "\n")


def quality(row):
    """(first, macro, samples) quality figures: multi-label micro/macro/samples F1, single-label accuracy/macro F1."""
    m, r = row["metrics"], row.get("report")
    if row["workload"] == "vntc":
        acc = r["precision_at_1"] if r else m["accuracy"]
        return acc, m["macro_f1"], None
    src = r if r else m
    return src["micro_f1"], src["macro_f1"], src["samples_f1"]


def fmt_ratio(value, base, digits=2):
    if value is None or base in (None, 0):
        return ""
    return f" (×{value / base:.{digits}f})"


def cmd_table(a):
    rows = [json.loads(l) for l in open(a.results, encoding="utf-8") if l.strip()]
    workload_names = {"default": "default corpus (428 train / 110 test, 15 labels, multi-label)",
                      "vntc": "VNTC 80/20 (27,012 train / 6,747 test, 10 topics, single-label)"}
    head = ("| workload | system | micro-F1 / accuracy | macro-F1 | samples-F1 | training | docs/s | whole-program docs/s "
            "| peak RSS training | peak RSS classifying | model size |")
    lines = [head, "|" + "---|" * 2 + "---:|" * 9]
    for workload in ("default", "vntc"):
        group = [r for r in rows if r["workload"] == workload]
        if not group:
            continue
        base = next((r for r in group if r["system"].startswith("Nhãn ensemble")), group[0])
        bq = quality(base)
        b_rate = base["inprocess_docs_per_s"] or base["predict_docs_per_s"]
        for r in group:
            q = quality(r)
            rate = r["inprocess_docs_per_s"] or r["predict_docs_per_s"]
            cells = [workload_names[workload].split(" (")[0], r["system"]]
            cells.append(f"{q[0]:.3f}" + fmt_ratio(q[0], bq[0], 3))
            cells.append(f"{q[1]:.3f}" + fmt_ratio(q[1], bq[1], 3))
            cells.append("—" if q[2] is None else f"{q[2]:.3f}" + fmt_ratio(q[2], bq[2], 3))
            cells.append(f"{r['train_s']:.1f} s" + fmt_ratio(r["train_s"], base["train_s"]))
            one = r.get("one_thread_docs_per_s")
            cells.append(f"{rate:,.0f}" + (" in-process" if r["inprocess_docs_per_s"] else "") + fmt_ratio(rate, b_rate)
                         + (f"; {one:,.0f} on one thread" if one else ""))
            cells.append(f"{r['predict_docs_per_s']:,.0f}" + fmt_ratio(r["predict_docs_per_s"], base["predict_docs_per_s"]))
            cells.append(f"{r['train_rss_kb'] / 1024:,.0f} MB" + fmt_ratio(r["train_rss_kb"], base["train_rss_kb"]))
            cells.append(f"{r['predict_rss_kb'] / 1024:,.0f} MB" + fmt_ratio(r["predict_rss_kb"], base["predict_rss_kb"]))
            cells.append(f"{r['model_bytes'] / 1e6:,.1f} MB" + fmt_ratio(r["model_bytes"], base["model_bytes"]))
            lines.append("| " + " | ".join(cells) + " |")
    notes = [r for r in rows if r.get("note")]
    out = "\n".join(lines) + "\n"
    if notes:
        out += "\n" + "\n".join(f"- {r['system']} ({r['workload']}): {r['note']}" for r in notes) + "\n"
    if a.output:
        with open(a.output, "w", encoding="utf-8") as f:
            f.write(out)
    print(out, end="")


def cmd_docs(a):
    """Replaces (or appends) the section headed a.heading in a.doc with a.heading + a.body's contents."""
    with open(a.doc, encoding="utf-8") as f:
        text = f.read()
    with open(a.body, encoding="utf-8") as f:
        body = f.read().strip("\n")
    section = a.heading + "\n\n" + body + "\n"
    start = text.find(a.heading + "\n")
    if start < 0:
        text = text.rstrip("\n") + "\n\n" + section
    else:
        nxt = re.search(r"^## ", text[start + len(a.heading):], re.M)
        end = start + len(a.heading) + nxt.start() if nxt else len(text)
        text = text[:start] + section + ("\n" + text[end:] if nxt else "")
    tmp = a.doc + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(text)
    os.replace(tmp, a.doc)


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("prep")
    s.add_argument("dir")
    s.add_argument("--train", nargs="+", required=True)
    s.add_argument("--test", nargs="+", required=True)
    s.add_argument("--val-fraction", type=float, default=0.2)
    s.set_defaults(fn=cmd_prep)
    s = sub.add_parser("sk-train")
    s.add_argument("--train", nargs="+", required=True)
    s.add_argument("--clf", choices=("svc", "lr"), required=True)
    s.add_argument("--model", required=True)
    s.set_defaults(fn=cmd_sk_train)
    s = sub.add_parser("sk-predict")
    s.add_argument("--model", required=True)
    s.add_argument("--input", nargs="+", required=True)
    s.add_argument("--output", required=True)
    s.set_defaults(fn=cmd_sk_predict)
    s = sub.add_parser("ft-convert")
    s.add_argument("--probs", required=True)
    s.add_argument("--docs", nargs="+", required=True)
    s.add_argument("--output", required=True)
    s.add_argument("--threshold", type=float, default=0.0)
    s.set_defaults(fn=cmd_ft_convert)
    s = sub.add_parser("ft-threshold")
    s.add_argument("--probs", required=True)
    s.add_argument("--docs", nargs="+", required=True)
    s.set_defaults(fn=cmd_ft_threshold)
    s = sub.add_parser("score")
    s.add_argument("--gold", nargs="+", required=True)
    s.add_argument("--pred", required=True)
    s.add_argument("--mode", choices=("multi", "single"), default="multi")
    s.add_argument("--per-label", action="store_true")
    s.set_defaults(fn=cmd_score)
    s = sub.add_parser("check-nhan")
    s.add_argument("--gold", nargs="+", required=True)
    s.add_argument("--pred", required=True)
    s.add_argument("--report", required=True)
    s.add_argument("--name")
    s.set_defaults(fn=cmd_check_nhan)
    s = sub.add_parser("record")
    s.add_argument("--out", required=True)
    s.add_argument("--workload", choices=("default", "vntc"), required=True)
    s.add_argument("--system", required=True)
    s.add_argument("--gold", nargs="+", required=True)
    s.add_argument("--pred", required=True)
    s.add_argument("--mode", choices=("multi", "single"), default="multi")
    s.add_argument("--report")
    s.add_argument("--train-time", required=True)
    s.add_argument("--predict-time", required=True)
    s.add_argument("--model-bytes", required=True)
    s.add_argument("--inprocess")
    s.add_argument("--one-thread")
    s.add_argument("--note", default="")
    s.set_defaults(fn=cmd_record)
    s = sub.add_parser("table")
    s.add_argument("--results", required=True)
    s.add_argument("--output")
    s.set_defaults(fn=cmd_table)
    s = sub.add_parser("docs")
    s.add_argument("--doc", required=True)
    s.add_argument("--heading", required=True)
    s.add_argument("--body", required=True)
    s.set_defaults(fn=cmd_docs)
    a = p.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
