#!/usr/bin/env python3
"""Writes the second location's seed tree (bucket filebridge-logs) and a manifest of key<TAB>path<TAB>content-type.

Small on purpose: application logs in a few folders, one file of every previewable type, and the types that
must never be shown inline (HTML, SVG), some with a misleading stored Content-Type.
"""
import base64
import os
import sys

root, manifest = sys.argv[1], sys.argv[2]

PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==")
GIF = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")
JPEG = base64.b64decode(
    "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////"
    "wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=")
WEBP = base64.b64decode("UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==")
PDF = (b"%PDF-1.1\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
       b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")

files = {
    # key: (bytes, stored content type)
    "preview/photo.png": (PNG, "image/png"),
    "preview/photo.jpg": (JPEG, "image/jpeg"),
    "preview/anim.gif": (GIF, "image/gif"),
    "preview/image.webp": (WEBP, "image/webp"),
    "preview/manual.pdf": (PDF, "application/pdf"),
    "preview/notes.txt": (b"Plain notes\nsecond line\n", "text/plain"),
    "preview/table.csv": (b"name,count\nalpha,1\nbeta,2\n", "text/csv"),
    "preview/server.log": (b"2025-01-01T00:00:00Z INFO started\n", "text/plain"),
    "preview/data.json": (b'{"ok": true}\n', "application/json"),
    "preview/readme.md": (b"# Read me\n\nSome *markdown*.\n", "text/markdown"),
    "preview/page.html": (b"<!doctype html><script>alert(document.domain)</script>", "text/html"),
    "preview/drawing.svg": (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "image/svg+xml"),
    # A text file whose uploader claims it is HTML: previewed, it must still be plain text.
    "preview/claims-html.txt": (b"<script>alert(document.cookie)</script>\n", "text/html"),
    "reports/2025/monthly-report-01.csv": (b"month,total\n01,100\n", "text/csv"),
    "reports/2025/monthly-report-02.csv": (b"month,total\n02,120\n", "text/csv"),
}
for day in range(1, 31):
    files[f"app/2025/01/app-{day:02d}.log"] = (f"day {day} ok\n".encode(), "text/plain")
files["app/2025/01/errors/app-errors.log"] = (b"nothing failed\n", "text/plain")

with open(manifest, "w", encoding="utf-8") as out:
    for i, (key, (data, content_type)) in enumerate(sorted(files.items())):
        path = os.path.join(root, f"{i:04d}")
        with open(path, "wb") as f:
            f.write(data)
        out.write(f"{key}\t{path}\t{content_type}\n")
