import Extraction
import Foundation
import Ingest
import Search
import Workers

/// Every parser of bytes a release or a worker hands corpus, as a fuzzer drives it: one
/// input in, whatever the parser makes of it out. `corpus-fuzz` (built by `make fuzz`
/// with libFuzzer and AddressSanitizer) runs one of these per process; the regression
/// tests run the seeds and every crash the fuzzer found through the same functions.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A MIME message (.eml): headers, encoded words, multipart, charsets, into a record.
    case mime
    /// An mbox file, split into messages, each into a record.
    case mbox
    /// An address list as a From:, To: or Cc: line holds it.
    case addresses
    /// A date as a printed header (OCR's misreadings undone) or a Date: header states it.
    case dates
    /// The text of a printed release, pages separated by form feeds: split into emails,
    /// their headers, quoted copies and fields.
    case printed
    /// A query in the query language.
    case query
    /// A line of the worker protocol, as `corpus` reads a reply and a worker a request.
    case worker
    /// The facet columns file beside an index (facets.columns), as a search loads it and
    /// counts a query's facets from it.
    case facets
    /// A page's glyphs and their boxes, as a PDF's text layer or OCR gives them: built into
    /// lines with their indentation and gaps, then split into emails.
    case layout
    /// An Outlook message's body in compressed RTF, decompressed and read to text (and the
    /// input read as RTF itself).
    case rtf
    /// An Outlook .msg (an OLE2 file) through libgsf and the MAPI properties, written as
    /// MIME and read into a record.
    case msg

    /// Runs the parser on `data`; returns how many things it found (records, addresses,
    /// dates, decoded lines, facet values; 1 for a query that ran), so that tests can tell
    /// a parser that read its seeds from one that read nothing.
    @discardableResult
    public func run(_ data: Data) -> Int {
        let text = String(decoding: data, as: UTF8.self)
        let file = SourceFile(path: "/fuzz/input", sha256: String(repeating: "0", count: 64))
        switch self {
        case .mime:
            return Self.builder.record(fromEmail: EmailMessage(data), file: file).text.isEmpty ? 0 : 1
        case .mbox:
            return Self.mboxRecords(data, file: file)
        case .addresses:
            return AddressList.parse(text).count
        case .dates:
            return [DateParser.parsePrinted(text), DateParser.parseHeader(text)].compactMap { $0 }.count
        case .printed:
            let pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).enumerated().map { n, page in
                // (Every other page as OCR read it: some rules apply to scans only.)
                Page(number: n + 1, text: String(page), ocrConfidence: n % 2 == 1 ? 80 : nil)
            }
            return Self.builder.records(fromPages: pages, file: file).count + Self.builder.records(fromText: text, file: file).count
        case .query:
            // (Parsed, compiled and run over a small index: the compiler's ranges and
            // fields, and Xapian under them, see every query the parser lets through.)
            guard (try? QueryParser.parse(text)) != nil else { return 0 }
            return (try? Self.queryIndex?.search(SearchRequest(query: text, limit: 3))).map { _ in 1 } ?? 0
        case .worker:
            return [(try? WorkerLine.decode(WorkerReply.self, from: data)) != nil,
                    (try? WorkerLine.decode(WorkerRequest.self, from: data)) != nil].filter { $0 }.count
        case .layout:
            let glyphs = Self.glyphs(data)
            let pages = [PhysicalLines.assemble(glyphs), PhysicalLines.assemble(glyphs, words: true)].enumerated().map { n, text in
                Page(number: n + 1, text: text, ocrConfidence: n == 1 ? 80 : nil)
            }
            return Self.builder.records(fromPages: pages, file: file).count
        case .rtf:
            let decompressed = OutlookMessageFile.decompressRTF(data)
            let texts = [RTFText.text(from: data), decompressed.map(RTFText.text(from:)) ?? ""]
            return (decompressed == nil ? 0 : 1) + texts.filter { !$0.isEmpty }.count
        case .msg:
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-fuzz-\(getpid()).msg").path
            guard FileManager.default.createFile(atPath: path, contents: data) else { return 0 }
            defer { try? FileManager.default.removeItem(atPath: path) }
            guard let mime = try? OutlookMessageFile.mime(of: path) else { return 0 }
            return Self.builder.record(fromEmail: EmailMessage(mime), file: file).text.isEmpty ? 0 : 1
        case .facets:
            guard let path = Self.smallIndex, FileManager.default.createFile(atPath: Schema.facetColumnsPath(in: path), contents: data),
                  let response = try? SearchIndex(path: path).search(SearchRequest(query: "", limit: 0))
            else { return 0 }
            return response.facets.values.reduce(0) { $0 + $1.count }
        }
    }

    /// Seeds no test file holds, written in front of the files' (scripts/fuzz.sh): the query
    /// language's own examples, the worker protocol's lines, dates and address lists in the
    /// forms the parsers document.
    public var builtInSeeds: [Data] {
        switch self {
        case .mime, .mbox, .printed, .msg:
            return []
        case .rtf:
            // [MS-OXRTFCP]'s example, and HTML wrapped in RTF as Outlook writes it.
            let compressed: [UInt8] = [0x2d, 0, 0, 0, 0x2b, 0, 0, 0, 0x4c, 0x5a, 0x46, 0x75, 0xf1, 0xc5, 0xc7, 0xa7, 0x03, 0x00, 0x0a, 0x00,
                                       0x72, 0x63, 0x70, 0x67, 0x31, 0x32, 0x35, 0x42, 0x32, 0x0a, 0xf3, 0x20, 0x68, 0x65, 0x6c, 0x09, 0x00,
                                       0x20, 0x62, 0x77, 0x05, 0xb0, 0x6c, 0x64, 0x7d, 0x0a, 0x80, 0x0f, 0xa0]
            let html = #"{\rtf1\ansi\fromhtml1 {\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Camera pilot{\*\htmltag72 </p>}\htmlrtf }\htmlrtf0}"#
            return [Data(compressed), Data(html.utf8)]
        case .layout:
            // A printed email laid out a character to a box, its quoted copy indented.
            let lines = ["From: Karen O'Neill <karen.oneill@nypd.org>", "Sent: Thursday, October 18, 2018 4:40 PM",
                         "To: David Kaplan <david.kaplan@nypd.org>", "Subject: RE: Clearview demo today", "", "Thanks.", "",
                         "    From: David Kaplan", "    Sent: Thursday, October 18, 2018 3:05 PM", "    Subject: Clearview demo today"]
            var bytes = Data()
            for (row, line) in lines.enumerated() {
                for (column, character) in line.enumerated() where character != " " {
                    guard let code = Self.glyphAlphabet.firstIndex(of: character) else { continue }
                    bytes.append(UInt8(code))
                    for value in [72 + column * 6, 72 + row * 14, 5, 10] { bytes.append(contentsOf: [UInt8(value >> 8), UInt8(value & 0xFF)]) }
                }
            }
            return [bytes]
        case .facets:
            // (The file the small index's ingest wrote: read before any input replaces it.)
            return Self.pristineFacetColumns.map { [$0] } ?? []
        case .addresses:
            return ["Karen O'Neill <karen.oneill@nypd.org>, \"Kaplan, David\" <david.kaplan@nypd.org>",
                    "O'Neill, Karen; Kaplan, David (NYPD) <dkaplan@nypd.org>", "=?UTF-8?Q?S=C3=B8ren?= <s@x.org>",
                    "undisclosed-recipients:;", "Gabriela Taylor/FIS/NYPD@NYPD", "mreyes.nyc@gmail.com"].map { Data($0.utf8) }
        case .dates:
            return ["Tue, 4 Dec 2018 10:32:00 -0500", "Tuesday, December 4, 2018 10:32 AM", "Tue, Dec 4, 2018 at 10:32 AM",
                    "12/4/2018 10:32 AM", "2018-12-04 10:32", "7 Apr 94 13:01 CST", "Sun. lO Mar 2019 19:27 40-0700"].map { Data($0.utf8) }
        case .query:
            return (QueryField.all.map(\.example) + [#"vendor:"Clearview AI" agency:NYPD date:2018-10..2019-02"#,
                                                      "(from:gmail.com OR from:yahoo.com) -agency:ICE"])
                .map { Data($0.utf8) }
        case .worker:
            let replies: [WorkerReply] = [.pages([PageText(text: "From: a@b.org\nSubject: x", needsOCR: false), PageText(text: "", needsOCR: true)]),
                                          .text(OCRText(text: "Date: Mon, 1 Jan 2019", confidence: 71)), .pageCount(12), .written,
                                          .languages(["eng", "spa"]), .refused(reason: "not a PDF")]
            let requests: [WorkerRequest] = [.pageTexts(path: "/r/a.pdf", ocr: .auto), .recognize(path: "/r/a.pdf", page: 3, language: "eng+spa"), .ocrLanguages,
                                             .writePNG(path: "/r/a.pdf", page: 1, dpi: 100, output: "/tmp/p.png")]
            return replies.compactMap { try? WorkerLine.encode($0) } + requests.compactMap { try? WorkerLine.encode($0) }
        }
    }

    static let builder = RecordBuilder()

    /// What a glyph of the layout target may be: the characters printed headers are made of,
    /// OCR's specks, a redaction box and line breaks.
    static let glyphAlphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789:@<>.,;'-_/()[]|!?*\"\u{2018}\u{2019}\u{00B0}\u{2588}\n\r ")

    /// Glyphs from bytes, nine to a glyph: which character, then its box's left, top, width
    /// and height as 16-bit numbers (in tenths of a point: a page is a few thousand).
    static func glyphs(_ data: Data) -> [PhysicalLines.Glyph] {
        let bytes = [UInt8](data)
        return stride(from: 0, to: bytes.count - 8, by: 9).map { at in
            func number(_ k: Int) -> Double { Double(Int(bytes[at + 1 + 2 * k]) << 8 | Int(bytes[at + 2 + 2 * k])) / 10 }
            let (x, y) = (number(0), number(1))
            return PhysicalLines.Glyph(text: String(glyphAlphabet[Int(bytes[at]) % glyphAlphabet.count]), x1: x, y1: y, x2: x + number(2), y2: y + number(3))
        }
    }

    /// A small index, made once per process, that queries run over and whose facet
    /// columns the facets target replaces.
    static let smallIndex: String? = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-fuzz-index-\(getpid())").path
        guard let writer = try? IndexWriter(path: path) else { return nil }
        let records = [("aa", "NYPD", "Clearview AI"), ("bb", "ICE", "Clearview AI"), ("cc", "NYPD", "Cognitec")].enumerated().map { n, item in
            Record(id: String(repeating: "0", count: 14) + item.0, kind: .email, subject: "Clearview demo today",
                   from: Correspondent(name: "Karen O'Neill", address: "karen.oneill@nypd.org"),
                   date: RecordDate(iso: "2018-10-1\(n)T16:40:00"), agencies: [item.1], vendors: [item.2],
                   source: Source(path: "/fuzz/a.pdf", sha256: String(repeating: "a", count: 64), pages: (n + 1)...(n + 1)),
                   text: "The vendor matched two of our cold case photos.")
        }
        guard (try? writer.add(records)) != nil, (try? writer.commit()) != nil, (try? writer.close()) != nil else { return nil }
        // (Gone with the process: a fuzzer, or the regression tests.)
        atexit { if let path = FuzzTarget.smallIndex { try? FileManager.default.removeItem(atPath: path) } }
        return path
    }()
    static let queryIndex: SearchIndex? = smallIndex.flatMap { try? SearchIndex(path: $0) }
    static let pristineFacetColumns: Data? = smallIndex.flatMap { FileManager.default.contents(atPath: Schema.facetColumnsPath(in: $0)) }

    /// The mbox is read from a file, as ingest reads it (a megabyte at a time).
    static func mboxRecords(_ data: Data, file: SourceFile) -> Int {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-fuzz-\(getpid()).mbox").path
        guard FileManager.default.createFile(atPath: path, contents: data), let messages = try? MboxReader(path: path) else { return 0 }
        defer { try? FileManager.default.removeItem(atPath: path) }
        return messages.reduce(0) { count, message in
            _ = builder.record(fromEmail: EmailMessage(message.data), file: file)
            return count + 1
        }
    }
}
