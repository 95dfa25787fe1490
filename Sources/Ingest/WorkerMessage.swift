import Foundation

/// The messages between `corpus` and its `corpus-extract` workers: one JSON object a
/// line each way, one request at a time. Everything that needs poppler or Tesseract
/// goes through here, so that the `corpus` command never loads them.
public enum WorkerMessage {
    public struct Request: Codable, Sendable {
        public enum Operation: String, Codable, Sendable {
            /// Every page's text layer, and whether it needs OCR.
            case pageTexts
            /// OCR of one page (`page`, 0-based).
            case recognize
            /// The number of pages.
            case pageCount
            /// Pages `page`...`lastPage` (1-based) as a PDF of their own at `output`.
            case writePages
            /// Page `page` (0-based) as a PNG at `output`, rendered at `dpi`.
            case writePNG
        }

        public var operation: Operation
        public var path: String
        public var ocr: OCRMode?
        public var page: Int?
        public var lastPage: Int?
        public var dpi: Double?
        public var output: String?

        public init(operation: Operation, path: String, ocr: OCRMode? = nil, page: Int? = nil,
                    lastPage: Int? = nil, dpi: Double? = nil, output: String? = nil) {
            self.operation = operation
            self.path = path
            self.ocr = ocr
            self.page = page
            self.lastPage = lastPage
            self.dpi = dpi
            self.output = output
        }
    }

    public struct Response: Codable, Sendable {
        public var pages: [PageText]?
        public var ocr: OCRText?
        public var pageCount: Int?
        public var error: String?

        public init() {}
    }
}
