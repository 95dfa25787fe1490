// What a PDF page paints, read from its content without drawing it.
//
// The extraction worker finds redaction boxes by drawing each text page and looking for
// solid black rectangles; drawing was a quarter of what reading a born-digital page cost.
// poppler-glib cannot say what a page paints, so this asks poppler's own classes, through
// one C interface: a page whose content has nothing dark and large enough to be a box
// (no dark fill or stroke, no image, no large or Type 3 text) need not be drawn.
#ifndef POPPLER_PAINT_H
#define POPPLER_PAINT_H

#ifdef __cplusplus
extern "C" {
#endif

/// A PDF opened for reading what its pages paint. Not thread-safe: one per worker.
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

/// 1 when page `index` (from 0) paints something that may be a box of `size` — a dark
/// area as large (areas `size.join` apart or closer joined), an image, a Type 3 glyph,
/// text larger than `size.max_text_size` or stroked; 0 when it paints nothing of the kind;
/// -1 when the page cannot be read (draw it, to be sure).
int pp_page_may_paint_box(pp_document *document, int index, pp_box_size size);

#ifdef __cplusplus
}
#endif

#endif
