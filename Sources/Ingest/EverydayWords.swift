import Foundation

/// Everyday English words, from the system's word list (Debian's wamerican, which
/// install-deps installs): a vendor called "Vigilant" must not be found in every text
/// where someone is vigilant. Read when a gazetteer's patterns are made, only at ingest.
enum EverydayWords {
    static let path = "/usr/share/dict/words"
    /// Which of `words` (in lower case) are entries of the list, read in one pass (searching
    /// the whole file again for each name cost 150 ms an ingest; keeping its 100,000 entries
    /// in a set, 90 ms; this, 4 ms). Proper nouns are capitalised there, so a lowercased
    /// name finds only everyday words.
    static func entries(among words: Set<String>) -> Set<String> {
        guard !words.isEmpty, let data = FileManager.default.contents(atPath: path) else { return [] }
        // An entry is looked up only where a word asked for has its first byte and length.
        let shapes = Set(words.map { Int($0.utf8.first ?? 0) << 32 | $0.utf8.count })
        var found = Set<String>()
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                if end > start, shapes.contains(Int(bytes[start]) << 32 | (end - start)) {
                    let entry = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if words.contains(entry) { found.insert(entry) }
                }
                start = end + 1
            }
        }
        return found
    }
}
