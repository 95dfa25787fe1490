import Ingest

extension SearchResponse {
    /// The contract's JSON of a search (`search --json`, `/api/search`): byte for byte what
    /// `RecordCoding.encoder` writes of this response (keys in byte order, `/` unescaped),
    /// which the tests hold it to. (Written directly: JSONEncoder's generic walk took 3 ms
    /// for 20 hits, a seventh of a one-process search, and as much of the reading room's answer.)
    public var json: [UInt8] {
        var out = JSONBytes()
        out.bytes.reserveCapacity(2048 * (hits.count + 1))
        out.write(self)
        return out.bytes
    }
}

/// JSON written into bytes, one value after another; a key or an element after a value
/// is preceded by a comma.
struct JSONBytes {
    var bytes: [UInt8] = []

    mutating func key(_ name: String) {
        if bytes.last != UInt8(ascii: "{") { bytes.append(UInt8(ascii: ",")) }
        string(name)
        bytes.append(UInt8(ascii: ":"))
    }

    mutating func object(_ body: (inout JSONBytes) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        body(&self)
        bytes.append(UInt8(ascii: "}"))
    }

    mutating func array<Element>(_ elements: [Element], _ write: (inout JSONBytes, Element) -> Void) {
        bytes.append(UInt8(ascii: "["))
        for (i, element) in elements.enumerated() {
            if i > 0 { bytes.append(UInt8(ascii: ",")) }
            write(&self, element)
        }
        bytes.append(UInt8(ascii: "]"))
    }

    mutating func null() { bytes.append(contentsOf: "null".utf8) }
    mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }
    mutating func int(_ value: Int) { bytes.append(contentsOf: String(value).utf8) }

    /// Escaped as JSONEncoder escapes: the quote, the backslash and control characters
    /// (short forms where JSON has them, else `\u00xx`); everything else as its UTF-8,
    /// copied a run at a time.
    mutating func string(_ value: String) {
        bytes.append(UInt8(ascii: "\""))
        var value = value
        value.withUTF8 { utf8 in
            var run = 0
            for (i, byte) in utf8.enumerated() where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
                bytes.append(contentsOf: utf8[run..<i])
                run = i + 1
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: #"\""#.utf8)
                case UInt8(ascii: "\\"): bytes.append(contentsOf: #"\\"#.utf8)
                case 0x08: bytes.append(contentsOf: #"\b"#.utf8)
                case 0x09: bytes.append(contentsOf: #"\t"#.utf8)
                case 0x0A: bytes.append(contentsOf: #"\n"#.utf8)
                case 0x0C: bytes.append(contentsOf: #"\f"#.utf8)
                case 0x0D: bytes.append(contentsOf: #"\r"#.utf8)
                default:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: #"\u00"#.utf8)
                    bytes.append(hex[Int(byte >> 4)])
                    bytes.append(hex[Int(byte & 0xF)])
                }
            }
            bytes.append(contentsOf: utf8[run...])
        }
        bytes.append(UInt8(ascii: "\""))
    }

    mutating func string(orNull value: String?) {
        if let value { string(value) } else { null() }
    }

    // The contract's types, each object's keys in byte order.

    mutating func write(_ response: SearchResponse) {
        object { out in
            out.key("facets")
            out.object { out in
                for (name, counts) in response.facets.sorted(by: { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }) {
                    out.key(name)
                    out.array(counts) { out, count in
                        out.object { out in
                            out.key("count"); out.int(count.count)
                            out.key("value"); out.string(count.value)
                        }
                    }
                }
            }
            out.key("hits"); out.array(response.hits) { $0.write($1) }
            if let missing = response.missingShards {
                out.key("missing_shards"); out.array(missing) { $0.string($1) }
            }
            out.key("total"); out.int(response.total)
        }
    }

    mutating func write(_ hit: SearchHit) {
        object { out in
            out.key("agencies"); out.array(hit.agencies) { $0.string($1) }
            out.key("cc"); out.array(hit.cc) { $0.write($1) }
            out.key("date"); out.string(orNull: hit.date?.description)
            out.key("duplicates"); out.int(hit.duplicates)
            out.key("from")
            if let from = hit.from { out.write(from) } else { out.null() }
            out.key("id"); out.string(hit.id)
            out.key("inclusive"); out.bool(hit.inclusive)
            out.key("kind"); out.string(hit.kind.rawValue)
            out.key("ocr"); out.bool(hit.ocr)
            out.key("redactions"); out.int(hit.redactions)
            out.key("snippet"); out.string(hit.snippet)
            out.key("source"); out.write(hit.source)
            out.key("subject"); out.string(orNull: hit.subject)
            out.key("thread"); out.string(orNull: hit.thread)
            out.key("to"); out.array(hit.to) { $0.write($1) }
            out.key("vendors"); out.array(hit.vendors) { $0.string($1) }
        }
    }

    mutating func write(_ correspondent: Correspondent) {
        object { out in
            out.key("address"); out.string(orNull: correspondent.address)
            out.key("name"); out.string(orNull: correspondent.name)
            if Gazetteer.isPersonal(correspondent) { out.key("personal_account"); out.bool(true) }
        }
    }

    mutating func write(_ source: Source) {
        func range(_ range: ClosedRange<Int>) -> [Int] { [range.lowerBound, range.upperBound] }
        object { out in
            if let attachment = source.attachment { out.key("attachment"); out.string(attachment) }
            if let lines = source.lines { out.key("lines"); out.array(range(lines)) { $0.int($1) } }
            if let member = source.member { out.key("member"); out.string(member) }
            out.key("pages")
            if let pages = source.pages { out.array(range(pages)) { $0.int($1) } } else { out.null() }
            out.key("path"); out.string(source.path)
            out.key("sha256"); out.string(source.sha256)
        }
    }
}
