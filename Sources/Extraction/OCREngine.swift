import CTesseract
import Foundation
import Ingest

/// One Tesseract engine. Loading the model is slow, so a worker keeps one for its
/// life; engines are not thread-safe. Tesseract's OpenMP threading must be off
/// (OMP_THREAD_LIMIT=1 in the environment before the library loads): parallelism
/// comes from one worker process per core.
public final class OCREngine {
    private let handle: OpaquePointer

    public struct InitError: Error, CustomStringConvertible {
        public var description: String
    }

    public init(language: String = "eng") throws {
        guard let api = TessBaseAPICreate() else { throw InitError(description: "Tesseract could not start") }
        if TessBaseAPIInit3(api, nil, language) != 0 {
            TessBaseAPIDelete(api)
            throw InitError(description: "Tesseract has no '\(language)' model (install tesseract-ocr-\(language))")
        }
        TessBaseAPISetPageSegMode(api, PSM_AUTO)
        handle = api
    }

    deinit {
        TessBaseAPIEnd(handle)
        TessBaseAPIDelete(handle)
    }

    public func recognize(_ image: GrayImage, dpi: Int) -> OCRText {
        image.pixels.withUnsafeBufferPointer { buffer in
            TessBaseAPISetImage(handle, buffer.baseAddress, Int32(image.width), Int32(image.height), 1, Int32(image.width))
            TessBaseAPISetSourceResolution(handle, Int32(dpi))
            var text = ""
            if let raw = TessBaseAPIGetUTF8Text(handle) {
                text = String(cString: raw)
                TessDeleteText(raw)
            }
            let confidence = Int(TessBaseAPIMeanTextConf(handle))
            TessBaseAPIClear(handle)
            return OCRText(text: text, confidence: confidence)
        }
    }
}
