// A PDF page's text layer and what it paints, read in one pass over its content.
//
// The extraction worker rebuilds printed lines from each character's position, and finds
// redaction boxes by drawing a page and looking for solid black rectangles. Drawing is
// needed only where the content paints something dark and large enough to be a box; and
// poppler-glib can say neither what a page paints nor read the text without a pass of its
// own. So this reads both through poppler's own classes, through one C interface: the
// text and text layout as poppler-glib gives them, and whether the page paints anything
// that may be a box (a dark fill or stroke, an image, large or Type 3 text).
#ifndef POPPLER_PAGE_H
#define POPPLER_PAGE_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// A PDF opened for reading its pages. Not thread-safe: one per worker.
typedef struct pp_document pp_document;

/// Opens the PDF at `path`; NULL when poppler cannot.
pp_document *pp_document_open(const char *path);

void pp_document_close(pp_document *document);

/// The least box worth drawing a page for, in points: what the finder needs to see.
typedef struct {
    /// Dark areas (fills, strokes, images) closer than this are taken as one.
    double join;
    /// A dark area at least this tall and this wide may be a box.
    double min_height;
    double min_width;
    /// Text drawn larger than this (points) may draw a box-like glyph.
    double max_text_size;
} pp_box_size;

/// A box in points from the page's top left corner.
typedef struct {
    double x1, y1, x2, y2;
} pp_box;

/// A page as read: its text and text layout as poppler-glib gives them, and whether it
/// may show a box.
typedef struct {
    /// UTF-8: each line's words, a space after a word that has one, lines joined by "\n";
    /// right-to-left words marked as poppler-glib marks them (U+202B … U+202C).
    char *text;
    /// One for each character of the text, as laid out (no marks): a glyph's box; a
    /// space's, from the word before to the word after, as tall as the first; a line
    /// end's, no area. None when the page has no text.
    pp_box *boxes;
    size_t box_count;
    /// 1 when the page paints something that may be a box of the size asked — a dark
    /// area as large (areas `join` apart or closer taken as one), an image, a Type 3
    /// glyph, text larger than `max_text_size` or stroked; 0 when it paints nothing of
    /// the kind.
    int may_paint_box;
} pp_page;

/// Reads page `index` (from 0) into `out`, whose text and boxes `pp_page_free` frees.
/// Returns 0, or -1 when there is no such page (then `out` is empty).
int pp_page_read(pp_document *document, int index, pp_box_size size, pp_page *out);

void pp_page_free(pp_page *page);

#ifdef __cplusplus
}
#endif

#endif
