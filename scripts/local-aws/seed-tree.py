"""Writes the demo bucket's object tree to a folder and a manifest for the uploader.

Usage: seed-tree.py OUT_DIR MANIFEST

Every byte is deterministic so tests can assert on content. The manifest has one line per object:
"<url-encoded key>\t<file path>". Runs on Debian's /usr/bin/python3, standard library only.
"""
import os
import struct
import sys
import urllib.parse
import zlib

ARCHIVE_COUNT = 1200


def tiny_png(width=2, height=2):
    """A valid PNG (red/green/blue/white pixels), so the file is what its name says."""

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    rows = b"\x00\xff\x00\x00\x00\xff\x00" + b"\x00\x00\x00\xff\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n"
            + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(rows))
            + chunk(b"IEND", b""))


def objects():
    yield "README.txt", b"FileBridge demo bucket.\nEverything here is sample data for local runs and tests.\n"
    yield "quarterly-report.csv", (
        b"quarter,region,revenue,costs\n"
        b"2024-Q1,emea,120500,80210\n2024-Q2,emea,131900,84002\n"
        b"2024-Q3,amer,150250,90110\n2024-Q4,apac,99870,70015\n")
    yield "sample-data.bin", bytes(range(256)) * 16  # 4 KiB, every byte value
    yield "projects/alpha/specs/design.md", b"# Alpha design\n\nComponents, interfaces and open questions.\n"
    yield "projects/alpha/notes.txt", b"Alpha kick-off notes.\n- scope agreed\n- next review in two weeks\n"
    yield "projects/beta/plan.md", b"# Beta plan\n\n1. Prototype\n2. Pilot\n3. Roll-out\n"
    yield "projects/beta/assets/logo.png", tiny_png()
    yield "shared/handbook/onboarding.md", b"# Onboarding\n\nWelcome! Start with the README at the root.\n"
    yield "shared/R\u00e9sum\u00e9 draft.txt", "R\u00e9sum\u00e9 draft \u2014 key with a space and non-ASCII letters.\n".encode()
    # Keys holding characters IAM reads as wildcards or variables: inside a granted folder they are plain names.
    yield "shared/odd names/proj*/plan?.md", b"# A plan whose folder and name look like wildcards\n"
    yield "shared/odd names/${aws:username}/notes.txt", b"Notes in a folder that looks like an IAM variable.\n"
    yield "shared/odd names/a*b?c ${x}.txt", b"A file name with '*', '?' and '${'.\n"
    for name in ("alice", "bob"):
        yield f"home/{name}/todo.txt", f"{name}'s to-do list\n- read the handbook\n".encode()
        yield f"home/{name}/notes/2024-06-01.md", f"# Notes of {name}, 2024-06-01\n".encode()
        yield f"home/{name}/notes/2024-06-02.md", f"# Notes of {name}, 2024-06-02\n".encode()
        yield f"home/{name}/expenses.csv", f"date,amount\n2024-06-01,12.50\n2024-06-02,{len(name)}.00\n".encode()
    for i in range(1, ARCHIVE_COUNT + 1):
        key = f"archive/2024/log-{i:04d}.txt"
        yield key, key.encode() + b"\n"


def main(out_dir, manifest_path):
    with open(manifest_path, "w", encoding="utf-8") as manifest:
        for n, (key, body) in enumerate(objects()):
            # Files are numbered, not named by key: keys may hold characters a curl config line
            # or a shell would need to quote.
            path = os.path.join(out_dir, f"{n:05d}")
            with open(path, "wb") as f:
                f.write(body)
            manifest.write(f"{urllib.parse.quote(key, safe='/')}\t{path}\n")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
