/// Trimming without Foundation: `trimmingCharacters(in:)` goes through NSString on
/// Linux, and on a mail archive it was a tenth of the parsing time.
extension StringProtocol {
    /// Without leading and trailing white space, line breaks included.
    public func trimmed() -> String {
        trimmed(where: Self.isWhitespace)
    }

    /// Without leading and trailing characters that satisfy isTrimmed.
    public func trimmed(where isTrimmed: (Unicode.Scalar) -> Bool) -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmed($0) }) else { return "" }
        let end = scalars.index(after: scalars.lastIndex(where: { !isTrimmed($0) })!)
        // (The bytes between, copied at once: rebuilt a scalar at a time, trimming was
        // three percent of reading a release.)
        return String(decoding: utf8[first..<end], as: UTF8.self)
    }

    /// Without leading and trailing spaces and tabs, line breaks kept: what Foundation's
    /// `trimmingCharacters(in: .whitespaces)` trims (a tab and Unicode's space separators).
    public func trimmedOfSpaces() -> String {
        trimmed { $0 == "\t" || $0.properties.generalCategory == .spaceSeparator }
    }

    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09...0x0D: return true
        case 0..<0x80: return false
        default: return scalar.properties.isWhitespace
        }
    }
}
