"""Fixed stratified 80/20 split of a single-label JSONL corpus: python3 split_vntc.py IN TRAIN TEST"""
import json, random, sys, collections
source, train_path, test_path = sys.argv[1:4]
by_label = collections.defaultdict(list)
with open(source, encoding="utf-8") as f:
    for line in f:
        by_label[json.loads(line)["labels"][0]].append(line)
rng = random.Random(7)
with open(train_path, "w", encoding="utf-8") as train, open(test_path, "w", encoding="utf-8") as test:
    for label in sorted(by_label):
        lines = by_label[label]
        rng.shuffle(lines)
        cut = len(lines) // 5
        test.writelines(lines[:cut])
        train.writelines(lines[cut:])
