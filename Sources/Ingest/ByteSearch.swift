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
}
