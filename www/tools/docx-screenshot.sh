#!/usr/bin/env bash
# Renders the README's screenshot of an annotated copy: annotate the Word
# fixture, let LibreOffice make a PDF, crop the top of page 1 to a PNG.
# Needs soffice (make tools-office), pdftoppm (poppler-utils) and a CJK
# font (Debian: fonts-wqy-microhei).
set -euo pipefail
cd "$(dirname "$0")/../.."
tmp=$(mktemp -d)
cargo run --quiet --release -- annotate tests/fixtures/docx/word-report.docx -o "$tmp/annotated.docx"
soffice --headless -env:UserInstallation=file://$tmp/profile --convert-to pdf --outdir "$tmp" "$tmp/annotated.docx" >/dev/null
pdftoppm -png -r 110 -f 1 -l 1 -x 60 -y 120 -W 800 -H 560 "$tmp/annotated.pdf" "$tmp/page"
cp "$tmp/page-1.png" www/screenshots/annotated-docx-libreoffice.png
rm -rf "$tmp"
