// Tesseract's C API (the C++ API is not importable without C++ interop).
#include <tesseract/capi.h>
