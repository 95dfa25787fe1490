import Foundation
import Ingest

/// The sample release in corpus-sample/ and what its truth file says about it.
public enum Sample {
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    public static let root = packageRoot.appendingPathComponent("corpus-sample")

    public static func path(_ relative: String) -> String { root.appendingPathComponent(relative).path }

    /// The folders holding the release's files (generate/ holds the generator).
    public static let folders = ["releases", "email", "documents", "bad"].map(path)

    public static let truth: Truth = {
        let data = try! Data(contentsOf: root.appendingPathComponent("truth.json"))
        return try! JSONDecoder().decode(Truth.self, from: data)
    }()
}

public struct Truth: Decodable, Sendable {
    public var records: [TruthRecord]
    public var quoted: [Quoted]
    public var scanSources: [String: [String]]
    public var bad: [Bad]

    enum CodingKeys: String, CodingKey {
        case records, quoted, bad
        case scanSources = "scan_sources"
    }

    public struct Quoted: Decodable, Sendable {
        public var quotedIn: String
        public var text: String
        enum CodingKeys: String, CodingKey { case text, quotedIn = "quoted_in" }
    }

    public struct Bad: Decodable, Sendable {
        public var path: String
        public var reason: String
    }

    public var emails: [TruthRecord] { records.filter { $0.kind == "email" } }

    /// The records the truth file says come from these files (paths relative to the sample).
    public func records(from files: [String]) -> [TruthRecord] { records.filter { files.contains($0.source.path) } }

    /// The sample's files that hold records, under these folders.
    public func recordFiles(under folders: [String]) -> Set<String> {
        Set(records.map(\.source.path).filter { path in folders.contains { path.hasPrefix($0 + "/") } })
    }
}

public struct TruthRecord: Decodable, Sendable {
    public var phrase: String
    public var kind: String
    public var subject: String?
    public var from: Correspondent?
    public var to: [Correspondent]
    public var cc: [Correspondent]
    public var date: String?
    public var agencies: [String]
    public var vendors: [String]
    public var source: TruthSource
    public var ocr: Bool
    public var redactions: Int
    public var attachmentOf: String?

    enum CodingKeys: String, CodingKey {
        case phrase, kind, subject, from, to, cc, date, agencies, vendors, source, ocr, redactions
        case attachmentOf = "attachment_of"
    }

    public struct TruthSource: Decodable, Sendable {
        public var path: String
        public var pages: ClosedRange<Int>?
        public var attachment: String?
    }
}

/// Lowercased words, so phrases compare across line breaks and punctuation.
public func normalizedWords(_ text: String) -> String {
    text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).joined(separator: " ")
}
