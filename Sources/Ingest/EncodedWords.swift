import Foundation
import Workers

/// RFC 2047 encoded words in headers: `=?charset?Q?...?=` and `=?charset?B?...?=`.
enum EncodedWords {
    static func decode(_ value: String) -> String {
        guard value.holds("=?") else { return value }
        let pattern = #/=\?([^?\s]+)\?([QqBb])\?([^?\s]*)\?=/#
        var result = ""
        var rest = value[...]
        var previousWasEncoded = false
        while let match = rest.firstMatch(of: pattern) {
            let between = rest[rest.startIndex..<match.range.lowerBound]
            // Whitespace between two encoded words is not part of the text.
            if !(previousWasEncoded && between.allSatisfy(\.isWhitespace)) { result += between }
            let bytes = Data(match.3.utf8)
            let decoded = match.2.lowercased() == "b"
                ? TransferEncoding.base64(bytes)
                : TransferEncoding.quotedPrintable(bytes, underscoreIsSpace: true)
            let charset = match.1.split(separator: "*").first.map(String.init)
            result += TextDecoding.decode(decoded, charset: charset)
            rest = rest[match.range.upperBound...]
            previousWasEncoded = true
        }
        return result + rest
    }
}
