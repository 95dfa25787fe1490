import Foundation

/// What `corpus` asks of a `corpus-extract` worker: one JSON line each way, one request
/// at a time. Everything that needs poppler or Tesseract goes through here, so that the
/// `corpus` command never loads them. Pages are numbered from 1, as printed.
public enum WorkerRequest: Codable, Sendable, Equatable {
    /// Every page's text layer, and whether it needs OCR.
    case pageTexts(path: String, ocr: OCRMode)
    /// OCR of one page, in Tesseract's language (or languages: "eng+spa").
    case recognize(path: String, page: Int, language: String)
    /// The languages Tesseract has models for here.
    case ocrLanguages
    /// The number of pages.
    case pageCount(path: String)
    /// Pages `first`...`last` as a PDF of their own at `output`.
    case writePages(path: String, first: Int, last: Int, output: String)
    /// One page as a PNG at `output`, rendered at `dpi`.
    case writePNG(path: String, page: Int, dpi: Double, output: String)
    /// Every member of an archive written into `folder` (which exists and is empty), or
    /// only the member named `only`.
    case unpack(path: String, folder: String, only: String?)
    /// An Outlook `.msg` as the MIME message it stands for.
    case outlookMessage(path: String)

    /// The file the request reads (a failure names it).
    public var path: String {
        switch self {
        case .pageTexts(let path, _), .recognize(let path, _, _), .pageCount(let path), .writePages(let path, _, _, _),
             .writePNG(let path, _, _, _), .unpack(let path, _, _),
             .outlookMessage(let path):
            path
        case .ocrLanguages: "Tesseract"
        }
    }
}

/// A worker's answer to one request.
public enum WorkerReply: Codable, Sendable, Equatable {
    case pages([PageText])
    case text(OCRText)
    case pageCount(Int)
    case languages([String])
    case members([ArchiveMember])
    case mime(Data)
    /// The output file of `writePages` or `writePNG` is written.
    case written
    /// The file could not be read: why, in a reporter's words.
    case refused(reason: String)
}

/// How requests and replies travel: a JSON object and a newline.
public enum WorkerLine {
    public static func encode(_ value: some Encodable) throws -> Data {
        var line = try JSONEncoder().encode(value)
        line.append(0x0A)
        return line
    }

    public static func decode<Value: Decodable>(_ type: Value.Type, from line: Data) throws -> Value {
        try JSONDecoder().decode(type, from: line)
    }
}
