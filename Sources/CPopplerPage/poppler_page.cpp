// A page's text layer and what it paints, in one pass of poppler's content stream
// interpreter (Gfx) over it: a text device as poppler-glib's, and a scout that draws
// nothing; both in device space at 72 dpi (points), from the top left.
#include "poppler_page.h"

#include <Annot.h>
#include <Gfx.h>
#include <GfxFont.h>
#include <GfxState.h>
#include <GlobalParams.h>
#include <OutputDev.h>
#include <PDFDoc.h>
#include <Page.h>
#include <TextOutputDev.h>
#include <goo/GooString.h>
#include <goo/gmem.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
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
// be drawn with.
class PaintScout
{
public:
    explicit PaintScout(const pp_box_size &size) : size(size) { }

    void stroke(GfxState *state)
    {
        GfxRGB rgb;
        state->getStrokeRGB(&rgb);
        if (isDark(rgb, state)) {
            addPath(state, state->getTransformedLineWidth() / 2);
        }
    }
    void fill(GfxState *state)
    {
        GfxRGB rgb;
        state->getFillRGB(&rgb);
        if (isDark(rgb, state)) {
            addPath(state, 0);
        }
    }

    // A glyph drawn: its font and size are enough.
    void glyph(GfxState *state)
    {
        const auto &font = state->getFont();
        // (Render modes 1, 2, 5 and 6 stroke the glyphs' outlines: any width thickens them.)
        const int render = state->getRender() & 3;
        if ((font && font->getType() == fontType3) || state->getTransformedFontSize() > size.max_text_size || render == 1 || render == 2) {
            found = true;
        }
    }

    // An image is taken as dark where it stands: the unit square of its transformation.
    void image(GfxState *state)
    {
        Area area { INFINITY, INFINITY, -INFINITY, -INFINITY };
        for (const auto &[u, v] : { std::pair { 0.0, 0.0 }, { 1.0, 0.0 }, { 0.0, 1.0 }, { 1.0, 1.0 } }) {
            double x, y;
            state->transform(u, v, &x, &y);
            area.unite(Area { x, y, x, y });
        }
        add(state, area);
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


// The one device Gfx draws to: the page's content goes to a text device made as
// poppler-glib makes it and to the scout; annotations, which poppler-glib's text leaves
// out, to the scout alone.
class PageReader final : public OutputDev
{
public:
    explicit PageReader(const pp_box_size &size) : text(nullptr, true, 0, false, false), scout(size) { }

    // What each device asks of Gfx, together: the text device's glyph by glyph and
    // hidden layers counted; the scout's paths and images.
    bool upsideDown() override { return true; }
    bool useDrawChar() override { return true; }
    bool interpretType3Chars() override { return false; }
    bool needNonText() override { return true; }
    bool needCharCount() override { return true; }

    // The text so far, laid out; from here on the scout alone is told.
    TextPage *takeText()
    {
        text.endPage();
        reading = false;
        return text.takeText();
    }
    bool mayPaintBox() { return scout.mayPaintBox(); }

    void setDefaultCTM(const double *ctm) override
    {
        OutputDev::setDefaultCTM(ctm);
        text.setDefaultCTM(ctm);
    }
    void startPage(int pageNum, GfxState *state, XRef *xref) override
    {
        if (reading) {
            text.startPage(pageNum, state, xref);
        }
    }
    void endPage() override
    {
        if (reading) {
            text.endPage();
        }
    }
    void restoreState(GfxState *state) override
    {
        if (reading) {
            text.restoreState(state);
        }
    }
    void updateFont(GfxState *state) override
    {
        if (reading) {
            text.updateFont(state);
        }
    }

    void beginString(GfxState *state, const GooString *s) override
    {
        if (readingText()) {
            text.beginString(state, s);
        }
    }
    void endString(GfxState *state) override
    {
        if (readingText()) {
            text.endString(state);
        }
    }
    void drawChar(GfxState *state, double x, double y, double dx, double dy, double originX, double originY, CharCode c, int nBytes, const Unicode *u, int uLen) override
    {
        scout.glyph(state);
        if (readingText()) {
            text.drawChar(state, x, y, dx, dy, originX, originY, c, nBytes, u, uLen);
        }
    }
    void incCharCount(int nChars) override
    {
        if (readingText()) {
            text.incCharCount(nChars);
        }
    }
    void beginActualText(GfxState *state, const GooString *actual) override
    {
        if (readingText()) {
            text.beginActualText(state, actual);
        }
    }
    void endActualText(GfxState *state) override
    {
        if (readingText()) {
            text.endActualText(state);
        }
    }
    void processLink(AnnotLink *link) override
    {
        if (reading) {
            text.processLink(link);
        }
    }

    // (The text device reads paths for HTML alone.)
    void stroke(GfxState *state) override { scout.stroke(state); }
    void fill(GfxState *state) override { scout.fill(state); }
    void eoFill(GfxState *state) override { scout.fill(state); }

    // The base class skips an inline image's data.
    void drawImageMask(GfxState *state, Object *ref, Stream *str, int width, int height, bool invert, bool interpolate, bool inlineImg) override
    {
        scout.image(state);
        OutputDev::drawImageMask(state, ref, str, width, height, invert, interpolate, inlineImg);
    }
    void drawImage(GfxState *state, Object *ref, Stream *str, int width, int height, GfxImageColorMap *colorMap, bool interpolate, const int *maskColors, bool inlineImg) override
    {
        scout.image(state);
        OutputDev::drawImage(state, ref, str, width, height, colorMap, interpolate, maskColors, inlineImg);
    }
    void drawMaskedImage(GfxState *state, Object * /*ref*/, Stream * /*str*/, int /*width*/, int /*height*/, GfxImageColorMap * /*colorMap*/, bool /*interpolate*/, Stream * /*maskStr*/, int /*maskWidth*/,
                         int /*maskHeight*/, bool /*maskInvert*/, bool /*maskInterpolate*/) override
    {
        scout.image(state);
    }
    void drawSoftMaskedImage(GfxState *state, Object * /*ref*/, Stream * /*str*/, int /*width*/, int /*height*/, GfxImageColorMap * /*colorMap*/, bool /*interpolate*/, Stream * /*maskStr*/, int /*maskWidth*/,
                             int /*maskHeight*/, GfxImageColorMap * /*maskColorMap*/, bool /*maskInterpolate*/) override
    {
        scout.image(state);
    }

    // A tiling pattern's cells, drawn between these two: Gfx draws them only for a device
    // that needs more than text, so the text device never saw what they hold.
    void updatePatternOpacity(GfxState * /*state*/) override { ++patternDepth; }
    void clearPatternOpacity(GfxState * /*state*/) override { --patternDepth; }

private:
    TextOutputDev text;
    PaintScout scout;
    bool reading = true;
    int patternDepth = 0;

    bool readingText() const { return reading && patternDepth == 0; }
};

// The page's size as poppler-glib gives it: the crop box, turned with the page.
PDFRectangle wholePage(Page *page)
{
    const bool turned = page->getRotate() == 90 || page->getRotate() == 270;
    return PDFRectangle(0, 0, turned ? page->getCropHeight() : page->getCropWidth(), turned ? page->getCropWidth() : page->getCropHeight());
}

// The boxes of a laid-out text page's characters in poppler-glib's order: each line's
// words, a space after a word that has one (but the line's last), a line end after each
// line but the last.
std::vector<pp_box> characterBoxes(TextPage *page, const PDFRectangle &selection)
{
    std::vector<pp_box> boxes;
    int lineCount = 0;
    std::vector<TextWordSelection *> **lines = page->getSelectionWords(&selection, selectionStyleGlyph, &lineCount);
    if (!lines) {
        return boxes;
    }
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    for (int i = 0; i < lineCount; ++i) {
        const std::vector<TextWordSelection *> &words = *lines[i];
        for (size_t j = 0; j < words.size(); ++j) {
            const TextWord *word = words[j]->getWord();
            for (int k = words[j]->getBegin(); k < words[j]->getEnd(); ++k) {
                pp_box box;
                word->getCharBBox(k, &box.x1, &box.y1, &box.x2, &box.y2);
                boxes.push_back(box);
            }
            word->getBBox(&x1, &y1, &x2, &y2);
            if (word->hasSpaceAfter() && j + 1 < words.size()) {
                double nextX1, nextY1, nextX2, nextY2;
                words[j + 1]->getWord()->getBBox(&nextX1, &nextY1, &nextX2, &nextY2);
                boxes.push_back(pp_box { x2, y1, nextX1, y2 });
            }
        }
        if (i + 1 < lineCount && !boxes.empty()) {
            boxes.push_back(pp_box { x2, y2, x2, y2 });
        }
    }
    for (int i = 0; i < lineCount; ++i) {
        for (TextWordSelection *word : *lines[i]) {
            delete word;
        }
        delete lines[i];
    }
    gfree(lines);
    return boxes;
}

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

int pp_page_read(pp_document *document, int index, pp_box_size size, pp_page *out)
{
    *out = pp_page { nullptr, nullptr, 0, 0 };
    Page *page = index >= 0 && index < document->pdf->getNumPages() ? document->pdf->getPage(index + 1) : nullptr;
    if (!page) {
        return -1;
    }
    PageReader reader(size);
    std::vector<pp_box> boxes;
    {
        // As poppler-glib reads the text (72 dpi, crop box, not for printing), the
        // content alone; then, as it draws the page, the annotations over it.
        std::unique_ptr<Gfx> gfx(page->createGfx(&reader, 72, 72, 0, false, true, -1, -1, -1, -1, false, nullptr, nullptr));
        page->display(gfx.get());
        TextPage *text = reader.takeText();
        const PDFRectangle selection = wholePage(page);
        std::unique_ptr<GooString> selected(text->getSelectionText(&selection, selectionStyleGlyph));
        out->text = strdup(selected ? selected->c_str() : "");
        boxes = characterBoxes(text, selection);
        text->decRefCnt();
        for (Annot *annot : page->getAnnots()->getAnnots()) {
            annot->draw(gfx.get(), false);
        }
    }
    out->may_paint_box = reader.mayPaintBox() ? 1 : 0;
    out->box_count = boxes.size();
    if (!boxes.empty()) {
        out->boxes = static_cast<pp_box *>(std::malloc(boxes.size() * sizeof(pp_box)));
        std::copy(boxes.begin(), boxes.end(), out->boxes);
    }
    return 0;
}

void pp_page_free(pp_page *page)
{
    std::free(page->text);
    std::free(page->boxes);
    *page = pp_page { nullptr, nullptr, 0, 0 };
}
