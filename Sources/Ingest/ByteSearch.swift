import Foundation

/// Whether bytes hold other bytes: memchr to each candidate first byte, memcmp for the
/// rest. For checks that run on every record (entity names, quote markers), where
/// Foundation's `contains` on Linux goes through NSString, character by character.
public enum ByteSearch {
    public static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let head = needle.first else { return true }
        guard let start = haystack.baseAddress, needle.count <= haystack.count else { return false }
        let end = start + (haystack.count - needle.count + 1)
        var at = start
        while at < end, let found = memchr(at, Int32(head), end - at) {
            let candidate = found.assumingMemoryBound(to: UInt8.self)
            if memcmp(candidate, needle.baseAddress!, needle.count) == 0 { return true }
            at = UnsafePointer(candidate) + 1
        }
        return false
    }

    public static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { text in needle.withUnsafeBufferPointer { contains(text, $0) } }
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
