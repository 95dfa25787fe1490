import Foundation

/// Counts redactions in text: boxes (read as runs of "█"), FOIL exemption citations
/// (§87(2)(b)), FOIA ones ((b)(6), (b)(7)(C)), "[REDACTED]" and "Exemption N" stamps.
enum Redactions {
    static let pattern = try! NSRegularExpression(
        pattern: #"█+|§\s*87\s*\(\s*2\s*\)\s*\(\s*[a-z]\s*\)(?:\s*\(\s*[ivx]+\s*\))?|\(b\)\s*\(\s*\d\s*\)(?:\s*\(\s*[A-F]\s*\))?|\[\s*REDACTED\s*\]|\bExemption\s+\d\b"#,
        options: [.caseInsensitive])

    static func markers(in text: String) -> Int {
        pattern.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text))
    }
}
