import Foundation

/// Whether bytes hold other bytes: memchr to each candidate first byte, memcmp for the
/// rest. For checks that run on every record (entity names, quote markers), where
/// Foundation's `contains` on Linux goes through NSString, character by character.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        needle.isEmpty || firstOffset(of: needle, in: haystack) != nil
    }

    /// Where a non-empty `needle` first starts in `haystack`, as a byte offset.
    public static func firstOffset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let head = needle.first, let start = haystack.baseAddress, needle.count <= haystack.count else { return nil }
        let end = start + (haystack.count - needle.count + 1)
        var at = start
        while at < end, let found = memchr(at, Int32(head), end - at) {
            let candidate = found.assumingMemoryBound(to: UInt8.self)
            if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return UnsafePointer(candidate) - start }
            at = UnsafePointer(candidate) + 1
        }
        return nil
    }

    /// A text's UTF-8 with its ASCII letters lower-cased: where a word a caseless pattern
    /// needs is missing from it, the pattern cannot match (ICU's caseless matching also takes
    /// "ſ" for "s" and "K" for "k": words to look for are chosen without those letters).
    public struct ASCIILowered {
        public let bytes: [UInt8]

        public init(_ text: String) {
            bytes = text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }
        }

        /// Whether it holds `word` (given in lower case).
        public func holds(_ word: String) -> Bool {
            ByteSearch.contains(bytes, Array(word.utf8))
        }
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { text in needle.withUnsafeBufferPointer { contains(text, $0) } }
    }

    /// The runs of three bytes a text holds, hashed into a 64-kilobit set: a word with a run
    /// the set lacks is not in the text, known without searching it (most of the
    /// gazetteer's few hundred names, on every record).
    public struct Trigrams {
        private var bits = [UInt64](repeating: 0, count: 1024)

        public init(_ bytes: [UInt8]) {
            guard bytes.count >= 3 else { return }
            for i in 0..<(bytes.count - 2) {
                let slot = Self.slot(bytes[i], bytes[i + 1], bytes[i + 2])
                bits[slot >> 6] |= 1 << UInt64(slot & 63)
            }
        }

        /// False only when `word` cannot be in the text.
        public func mayHold(_ word: [UInt8]) -> Bool {
            guard word.count >= 3 else { return true }
            for i in 0..<(word.count - 2) {
                let slot = Self.slot(word[i], word[i + 1], word[i + 2])
                if bits[slot >> 6] & (1 << UInt64(slot & 63)) == 0 { return false }
            }
            return true
        }

        private static func slot(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> Int {
            Int((UInt32(a) &* 0x9E37 ^ UInt32(b) &* 0x3C6E ^ UInt32(c) &* 0x1F1D) & 0xFFFF)
        }
    }

    /// `text` with every `target` replaced, found left to right as bytes: for the literal
    /// replacements run on every message ("\r\n", "@ "), which Foundation's
    /// `replacingOccurrences` made through NSString (a tenth of reading a message). A text
    /// without `target` comes back as it is.
    public static func replacing(_ target: String, with replacement: String, in text: String) -> String {
        let bytes = Array(text.utf8), needle = Array(target.utf8)
        guard !needle.isEmpty, contains(bytes, needle) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == needle[0], bytes[i...].starts(with: needle) {
                out.append(contentsOf: replacement.utf8)
                i += needle.count
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension StringProtocol {
    /// Whether it holds `needle`, byte for byte: for the checks run on every header and
    /// address, where Foundation's `contains` went through NSString (a thirtieth of reading
    /// a message, for a "=?" or a " ").
    public func holds(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { wanted in
            utf8.withContiguousStorageIfAvailable { ByteSearch.contains($0, wanted) }
                ?? ByteSearch.contains(Array(utf8), Array(wanted))
        }
    }

    /// Whether a character of it is a number (`Character.isNumber`): by its bytes when all
    /// are ASCII, as most lines are (Characters were a tenth of stripping pages' furniture).
    public var holdsNumber: Bool {
        holds(byte: { $0 &- 0x30 < 10 }, character: \.isNumber)
    }

    /// Whether a character of it is a colon or a number, as `contains { $0 == ":" ||
    /// $0.isNumber }` answers: by its bytes when all are ASCII.
    public var holdsColonOrNumber: Bool {
        holds(byte: { $0 == UInt8(ascii: ":") || $0 &- 0x30 < 10 }, character: { $0 == ":" || $0.isNumber })
    }

    /// Whether a character of it is one `character` wants, asked of its bytes (`byte`, which
    /// must answer as `character` for ASCII) when all are ASCII, and of its Characters when
    /// not: a mark may join an ASCII character to another.
    private func holds(byte: (UInt8) -> Bool, character: (Character) -> Bool) -> Bool {
        var found = false
        for unit in utf8 {
            if unit >= 0x80 { return contains(where: character) }
            if byte(unit) { found = true }
        }
        return found
    }
}

extension String {
    /// Its pieces between "\n" characters, as `split(separator: "\n", omittingEmptySubsequences:
    /// false)` gives them, found as bytes: a line feed after a carriage return is part of
    /// the "\r\n" character, and parts nothing. (Splitting by Characters was a fiftieth of
    /// reading a text PDF.)
    func splitAtLineFeeds() -> [Substring] {
        var pieces: [Substring] = []
        var start = utf8.startIndex, previous: UInt8 = 0
        for index in utf8.indices {
            let byte = utf8[index]
            if byte == 0x0A, previous != 0x0D {
                pieces.append(self[start..<index])
                start = utf8.index(after: index)
            }
            previous = byte
        }
        pieces.append(self[start...])
        return pieces
    }

    /// Where ASCII `needle` first stands, found byte for byte (Foundation's `range(of:)` went
    /// through NSString, for the two spaces sought on every line). Foundation compares
    /// composed characters: where a non-ASCII byte follows the bytes found (a combining mark
    /// may make the last of them another character), it answers instead.
    func firstRange(ofASCII needle: StaticString) -> Range<String.Index>? {
        var text = self
        let wanted = UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount)
        guard let offset = text.withUTF8({ ByteSearch.firstOffset(of: wanted, in: $0) }) else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: offset), upper = utf8.index(lower, offsetBy: wanted.count)
        if upper < utf8.endIndex, utf8[upper] >= 0x80 { return range(of: String(describing: needle)) }
        return lower..<upper
    }
}
