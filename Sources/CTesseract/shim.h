// Tesseract's C API (the C++ API is not importable without C++ interop), and
// Leptonica, the image library Tesseract is built on (page deskewing).
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>
