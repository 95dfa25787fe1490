#!/usr/bin/env bash
# Installs the Debian packages corpus needs to build, run and test — only those missing.
# Idempotent; runs apt-get as root, or through sudo when not root.
set -euo pipefail

packages=(
  pkg-config
  libpoppler-glib-dev libcairo2-dev    # PDF text and page rendering
  libpoppler-private-dev               #   and what a page paints, without drawing it (poppler's own classes)
  libxapian-dev                        # the index
  xapian-tools                         #   xapian-tcpsrv and xapian-replicate: remote shards and read replicas
  libxxhash-dev                        # XXH3: the facet columns file's checksums
  libjemalloc-dev                      # jemalloc: corpus's malloc
  zlib1g-dev                           # zlib: ZIPFoundation (export zips) and SwiftNIO's compression
  libtesseract-dev tesseract-ocr-eng   # OCR of scanned pages
  libarchive-dev                       # archives: zip, 7z, tar[.gz|.bz2|.xz], rar
  libarchive-tools zip                 #   bsdtar and zip: tests make 7z, tar.gz and encrypted zip members
  libgsf-1-dev                         # Outlook .msg: the OLE2 container
  pst-utils                            # Outlook .pst/.ost: readpst
  tesseract-ocr-spa                    #   and a second language: tests read a Spanish scan (--ocr-lang spa)
  poppler-utils                        # pdfinfo/pdftotext: used by tests to check exported PDFs
  libtiff-tools                        # tiffcp: tests make multi-page CCITT TIFF scans
  wamerican                            # everyday words: a vendor named "Vigilant" is not every vigilant officer
  python3-reportlab python3-pil        # accuracy/generate.py: the layout-randomised releases the tests score
  fonts-dejavu-core fonts-liberation   #   and the fonts it prints them in
)
case "${1:-}" in
  --bench) packages+=(tesseract-ocr time bc ocrmypdf notmuch recoll linux-perf) ;;
  --browser) packages+=(chromium) ;;
  --test) packages+=(chromium) ;;          # a test drives the reading room in headless Chromium
  --load) packages+=(wrk) ;;
  --realmail) packages+=(python3-pip) ;;   # pip download: PyPI source distributions holding test mail
  --realmsg) packages+=(libemail-outlook-message-perl libemail-address-perl python3-pip) ;;  # msgconvert, the .msg reference; pip download
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

sudo=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
# apt's own output goes to a log: one line here, and the log's end only if it fails.
log="${TMPDIR:-/tmp}/corpus-install-deps.log"
echo "install-deps: installing ${#missing[@]} Debian package(s): ${missing[*]} (log: $log)" >&2
if ! { $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; } > "$log" 2>&1; then
  tail -n 20 "$log" >&2
  echo "install-deps: apt-get could not install ${missing[*]} (whole log: $log)" >&2
  exit 1
fi
