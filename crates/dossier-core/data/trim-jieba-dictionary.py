#!/usr/bin/env python3
"""Writes jieba-words.txt: jieba's dictionary (the dict.txt of the jieba-rs
crate, MIT licence, as cargo unpacked it) trimmed to the words it counts
MIN_FREQ times or more, as `word freq` lines, without the part-of-speech
tags ranking does not use. Run from anywhere:

    python3 crates/dossier-core/data/trim-jieba-dictionary.py [MIN_FREQ]
"""
import glob
import os
import sys

MIN_FREQ = int(sys.argv[1]) if len(sys.argv) > 1 else 20
here = os.path.dirname(os.path.abspath(__file__))
found = sorted(glob.glob(os.path.expanduser(
    "~/.cargo/registry/src/*/jieba-rs-0.11.*/src/data/dict.txt")))
if not found:
    sys.exit("jieba-rs 0.11's dict.txt not found under ~/.cargo/registry (run `cargo fetch` first)")
kept = 0
with open(found[-1], encoding="utf-8") as src, \
        open(os.path.join(here, "jieba-words.txt"), "w", encoding="utf-8", newline="\n") as out:
    for line in src:
        parts = line.split()
        if len(parts) >= 2 and int(parts[1]) >= MIN_FREQ:
            out.write(f"{parts[0]} {parts[1]}\n")
            kept += 1
print(f"kept {kept} words of frequency >= {MIN_FREQ} from {found[-1]}")
