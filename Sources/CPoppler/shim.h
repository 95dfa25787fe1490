// poppler-glib for PDF text and rendering, cairo for the pixels and PDF output.
#include <poppler.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <glib.h>
