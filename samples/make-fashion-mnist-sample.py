#!/usr/bin/env python3
"""Writes samples/fashion-mnist-sample/: a small, class-balanced Fashion-MNIST subset bundled with Mitosis.

The subset is the first PER_CLASS images of each class in file order (1,000 per class from the training
set, 200 per class from the test set), so it is deterministic and keeps the original relative order.
Mitosis' Dataset.firstPerClass(n) selects the same images, and a test checks the two agree.

Input: the Debian package dataset-fashion-mnist (/usr/share/datasets/fashion-mnist), or any directory
with the four original files, raw or gzipped. Output: gzipped IDX files with the original names, written
with a zero gzip timestamp so that re-running the script gives byte-identical files.

Usage: python3 samples/make-fashion-mnist-sample.py [SOURCE_DIR] [OUTPUT_DIR]
Standard library only.
"""

import gzip
import os
import struct
import sys

IMAGES_MAGIC = 2051
LABELS_MAGIC = 2049
CLASSES = 10
SPLITS = (("train", 1000), ("t10k", 200))


def read_idx(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def find(source, base):
    for name in (base, base + ".gz"):
        path = os.path.join(source, name)
        if os.path.exists(path):
            return path
    sys.exit(f"{source}: no {base} or {base}.gz")


def select(labels, per_class):
    """Indices of the first per_class images of every class, in file order."""
    taken = [0] * CLASSES
    chosen = []
    for i, label in enumerate(labels):
        if taken[label] < per_class:
            taken[label] += 1
            chosen.append(i)
    if min(taken) < per_class:
        sys.exit(f"only {min(taken)} images in some class, need {per_class}")
    return chosen


def write_gz(path, payload):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)


def make_split(source, output, prefix, per_class):
    images_path = find(source, f"{prefix}-images-idx3-ubyte")
    labels_path = find(source, f"{prefix}-labels-idx1-ubyte")
    images = read_idx(images_path)
    labels = read_idx(labels_path)
    magic, count, rows, cols = struct.unpack(">IIII", images[:16])
    if magic != IMAGES_MAGIC:
        sys.exit(f"{images_path}: wrong magic number {magic}, expected {IMAGES_MAGIC}")
    label_magic, label_count = struct.unpack(">II", labels[:8])
    if label_magic != LABELS_MAGIC or label_count != count:
        sys.exit(f"{labels_path}: magic {label_magic}, {label_count} labels; expected {LABELS_MAGIC}, {count}")
    pixels = rows * cols
    chosen = select(labels[8:8 + count], per_class)
    body = b"".join(images[16 + i * pixels:16 + (i + 1) * pixels] for i in chosen)
    write_gz(os.path.join(output, f"{prefix}-images-idx3-ubyte.gz"),
             struct.pack(">IIII", IMAGES_MAGIC, len(chosen), rows, cols) + body)
    write_gz(os.path.join(output, f"{prefix}-labels-idx1-ubyte.gz"),
             struct.pack(">II", LABELS_MAGIC, len(chosen)) + bytes(labels[8 + i] for i in chosen))
    print(f"{prefix}: {len(chosen)} images ({per_class} per class) of {rows}x{cols}")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    source = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    output = sys.argv[2] if len(sys.argv) > 2 else os.path.join(here, "fashion-mnist-sample")
    os.makedirs(output, exist_ok=True)
    for prefix, per_class in SPLITS:
        make_split(source, output, prefix, per_class)


if __name__ == "__main__":
    main()
