// What a page paints, gathered by an output device that draws nothing: poppler's content
// stream interpreter (Gfx) calls it for every fill, stroke, text run and image, in device
// space at 72 dpi (points).
#include "poppler_paint.h"

#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <goo/GooString.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

namespace {

struct Area {
    double x1, y1, x2, y2;

    double height() const { return y2 - y1; }
    double width() const { return x2 - x1; }
    bool near(const Area &other, double gap) const
    {
        return x1 - gap <= other.x2 && other.x1 - gap <= x2 && y1 - gap <= other.y2 && other.y1 - gap <= y2;
    }
    void unite(const Area &other)
    {
        x1 = std::min(x1, other.x1);
        y1 = std::min(y1, other.y1);
        x2 = std::max(x2, other.x2);
        y2 = std::max(y2, other.y2);
    }
};

// Collects the dark areas a page paints, and whether it paints anything else a box may
// be drawn with. Draws nothing.
class PaintScout final : public OutputDev
{
public:
    explicit PaintScout(const pp_box_size &size) : size(size) { }

    bool upsideDown() override { return true; }
    // Text runs whole (drawString), not glyph by glyph: their size and font are enough.
    bool useDrawChar() override { return false; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }

    void stroke(GfxState *state) override
    {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (isDark(rgb, state)) {
            addPath(state, state->getTransformedLineWidth() / 2);
        }
    }
    void fill(GfxState *state) override { fillPath(state); }
    void eoFill(GfxState *state) override { fillPath(state); }

    void drawString(GfxState *state, const GooString * /*s*/) override
    {
        const auto &font = state->getFont();
        // (Render modes 1, 2, 5 and 6 stroke the glyphs' outlines: any width thickens them.)
        const int render = state->getRender() & 3;
        if ((font && font->getType() == fontType3) || state->getTransformedFontSize() > size.max_text_size || render == 1 || render == 2) {
            found = true;
        }
    }

    // Images are taken as dark where they stand; the base class skips an inline image's data.
    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg) override
    {
        addImage(state);
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override
    {
        addImage(state);
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object * /*ref*/, Stream * /*str*/, int /*width*/, int /*height*/, GfxImageColorMap * /*colorMap*/, bool /*interpolate*/, Stream * /*maskStr*/, int /*maskWidth*/,
                         int /*maskHeight*/, bool /*maskInvert*/, bool /*maskInterpolate*/) override
    {
        addImage(state);
    }
    void drawSoftMaskedImage(GfxState *state, Object * /*ref*/, Stream * /*str*/, int /*width*/, int /*height*/, GfxImageColorMap * /*colorMap*/, bool /*interpolate*/, Stream * /*maskStr*/, int /*maskWidth*/,
                             int /*maskHeight*/, GfxImageColorMap * /*maskColorMap*/, bool /*maskInterpolate*/) override
    {
        addImage(state);
    }

    // Whether anything seen may be a box: an area large enough once neighbours are joined.
    bool mayPaintBox()
    {
        if (found) {
            return true;
        }
        std::vector<Area> joined;
        for (Area area : areas) {
            for (bool grew = true; grew;) {
                grew = false;
                for (size_t i = 0; i < joined.size(); ++i) {
                    if (joined[i].near(area, size.join)) {
                        area.unite(joined[i]);
                        joined.erase(joined.begin() + i);
                        grew = true;
                        break;
                    }
                }
            }
            if (isLarge(area)) {
                return true;
            }
            joined.push_back(area);
        }
        return false;
    }

private:
    // Past this many dark areas the page is drawn rather than the areas joined (a shading
    // Gfx fills strip by strip, a chart).
    static constexpr size_t maxAreas = 2000;

    const pp_box_size size;
    std::vector<Area> areas;
    bool found = false;

    bool isLarge(const Area &area) const { return area.height() >= size.min_height && area.width() >= size.min_width; }

    // Dark as the finder sees a pixel (grey under 60 of 255), with room to spare; a blend
    // mode other than normal may darken what lies below.
    static bool isDark(const GfxRGB &rgb, GfxState *state)
    {
        const double grey = 0.299 * colToDbl(rgb.r) + 0.587 * colToDbl(rgb.g) + 0.114 * colToDbl(rgb.b);
        return grey < 0.35 || state->getBlendMode() != gfxBlendNormal;
    }

    void fillPath(GfxState *state)
    {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (isDark(rgb, state)) {
            addPath(state, 0);
        }
    }

    void addPath(GfxState *state, double halfWidth)
    {
        const GfxPath *path = state->getPath();
        Area area { INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (int i = 0; i < path->getNumSubpaths(); ++i) {
            const GfxSubpath *subpath = path->getSubpath(i);
            for (int j = 0; j < subpath->getNumPoints(); ++j) {
                double x, y;
                state->transform(subpath->getX(j), subpath->getY(j), &x, &y);
                area.unite(Area { x, y, x, y });
            }
        }
        add(state, Area { area.x1 - halfWidth, area.y1 - halfWidth, area.x2 + halfWidth, area.y2 + halfWidth });
    }

    // An image fills the unit square of its transformation.
    void addImage(GfxState *state)
    {
        Area area { INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (const auto &[u, v] : { std::pair { 0.0, 0.0 }, { 1.0, 0.0 }, { 0.0, 1.0 }, { 1.0, 1.0 } }) {
            double x, y;
            state->transform(u, v, &x, &y);
            area.unite(Area { x, y, x, y });
        }
        add(state, area);
    }

    // Kept as far as the clip lets it be seen.
    void add(GfxState *state, Area area)
    {
        double x1, y1, x2, y2;
        state->getClipBBox(&x1, &y1, &x2, &y2);
        area = Area { std::max(area.x1, x1), std::max(area.y1, y1), std::min(area.x2, x2), std::min(area.y2, y2) };
        if (area.x1 > area.x2 || area.y1 > area.y2 || found) {
            return;
        }
        if (isLarge(area) || areas.size() >= maxAreas) {
            found = true;
            return;
        }
        areas.push_back(area);
    }
};

} // namespace

struct pp_document
{
    std::unique_ptr<PDFDoc> pdf;
};

pp_document *pp_document_open(const char *path)
{
    // (poppler-glib made these when it opened the file first; made here if not.)
    if (!globalParams) {
        globalParams = std::make_unique<GlobalParams>();
    }
    auto pdf = std::make_unique<PDFDoc>(std::make_unique<GooString>(path));
    if (!pdf->isOk()) {
        return nullptr;
    }
    return new pp_document { std::move(pdf) };
}

void pp_document_close(pp_document *document)
{
    delete document;
}

int pp_page_may_paint_box(pp_document *document, int index, pp_box_size size)
{
    if (index < 0 || index >= document->pdf->getNumPages() || !document->pdf->getPage(index + 1)) {
        return -1;
    }
    PaintScout scout(size);
    // As poppler-glib draws it: 72 dpi, crop box, not for printing (annotations drawn).
    document->pdf->displayPage(&scout, index + 1, 72, 72, 0, false, true, false);
    return scout.mayPaintBox() ? 1 : 0;
}
