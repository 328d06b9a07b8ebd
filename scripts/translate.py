#!/usr/bin/env python3
"""Adds or changes phrases in app/translations/{en,nl}.json, keeping the
files sorted and formatted as they are. Safe to run from several shells at
once (it takes a lock). Usage:

    scripts/translate.py set KEY ENGLISH DUTCH [KEY ENGLISH DUTCH ...]
    scripts/translate.py get KEY
    scripts/translate.py del KEY
"""
import fcntl
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DIR = os.path.join(HERE, "..", "app", "translations")
FILES = {"en": os.path.join(DIR, "en.json"), "nl": os.path.join(DIR, "nl.json")}


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def save(path, data):
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        f.write(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False))
    os.replace(tmp, path)


def main(argv):
    if len(argv) < 2 or argv[0] not in ("set", "get", "del"):
        sys.exit(__doc__)
    with open(os.path.join(DIR, ".lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        en, nl = load(FILES["en"]), load(FILES["nl"])
        cmd, rest = argv[0], argv[1:]
        if cmd == "get":
            for k in rest:
                print(f"{k!r}: en={en.get(k)!r} nl={nl.get(k)!r}")
            return
        if cmd == "del":
            for k in rest:
                en.pop(k, None)
                nl.pop(k, None)
        else:
            if len(rest) % 3:
                sys.exit("set takes KEY ENGLISH DUTCH triples")
            for i in range(0, len(rest), 3):
                k, e, n = rest[i : i + 3]
                en[k], nl[k] = e, n
        save(FILES["en"], en)
        save(FILES["nl"], nl)


if __name__ == "__main__":
    main(sys.argv[1:])
