import Foundation

/// Everyday English words, from the system's word list (Debian's wamerican, which
/// install-deps installs): a vendor called "Vigilant" must not be found in every text
/// where someone is vigilant. Read once, on first use, and only at ingest.
enum EverydayWords {
    static let path = "/usr/share/dict/words"
    /// The list's entries, read in one pass (searching the whole file again for each
    /// name cost 150 ms an ingest); proper nouns are capitalised there, so a lowercased
    /// name finds only everyday words.
    static let words: Set<String> = {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var words = Set<String>()
        for line in data.split(separator: 0x0A) {
            words.insert(String(decoding: line, as: UTF8.self))
        }
        return words
    }()

    /// True when the word, lowercased, is a lowercase entry of the list.
    static func contains(_ word: String) -> Bool {
        words.contains(word.lowercased())
    }
}
