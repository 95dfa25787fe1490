import Foundation

/// When to OCR a PDF page: only pages without a usable text layer, every page, or none.
public enum OCRMode: String, Sendable, Codable, CaseIterable {
    case auto, always, never
}

/// A page's text layer, and whether it should be OCR'd instead.
public struct PageText: Codable, Sendable, Equatable {
    public var text: String
    public var needsOCR: Bool
    /// The page cannot be loaded at all (a damaged page tree): it has no text, and the
    /// PDF's other pages are read all the same.
    public var unreadable: Bool

    public init(text: String, needsOCR: Bool, unreadable: Bool = false) {
        self.text = text
        self.needsOCR = needsOCR
        self.unreadable = unreadable
    }

    // (`unreadable` is sent only when true: the replies for every other page stay as they were.)
    private enum CodingKeys: String, CodingKey { case text, needsOCR, unreadable }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        needsOCR = try container.decode(Bool.self, forKey: .needsOCR)
        unreadable = try container.decodeIfPresent(Bool.self, forKey: .unreadable) ?? false
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try container.encode(needsOCR, forKey: .needsOCR)
        if unreadable { try container.encode(true, forKey: .unreadable) }
    }
}

/// Text read from an image, with Tesseract's mean word confidence (0–100).
public struct OCRText: Codable, Sendable, Equatable {
    public var text: String
    public var confidence: Int

    public init(text: String, confidence: Int) {
        self.text = text
        self.confidence = confidence
    }
}

/// Why a PDF could not be read, in words a reporter understands.
public struct PDFError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): \(reason)" }

    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }
}

/// Reads PDFs into page texts. Behind this interface, extraction runs in worker
/// processes (`WorkerPool`, running the `corpus-extract` executable) so that a crash in
/// poppler or Tesseract costs one file, and so that the `corpus` command itself never
/// loads them; or in the calling process (`InProcessExtractor`, in the Extraction
/// module) where neither matters. Pages are numbered from 1, as printed.
public protocol PDFExtracting: Sendable {
    /// Every page's text layer, in order, and whether it needs OCR.
    func pageTexts(of path: String, ocr: OCRMode) async throws -> [PageText]
    /// OCR of page `number` (from 1) in `language`, Tesseract's name for it ("eng",
    /// "spa", "chi_sim"; several joined by "+").
    func recognize(path: String, page number: Int, language: String) async throws -> OCRText
    /// The languages Tesseract has models for on this machine.
    func ocrLanguages() async throws -> [String]
    /// An archive's members, each written to a file of its own in `folder` (an empty
    /// folder) or refused with a reason; `only`: just the member of that name.
    func unpack(archive path: String, into folder: String, only: String?) async throws -> [ArchiveMember]
    /// An Outlook `.msg`, written as the MIME message it stands for.
    func outlookMessage(at path: String) async throws -> Data
}
