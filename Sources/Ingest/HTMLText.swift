import Foundation

/// Readable text from an HTML email body: blocks become lines, tags go, entities are
/// decoded, scripts and styles are dropped.
enum HTMLText {
    static func text(from html: String) -> String {
        var s = html.replacingOccurrences(of: #"(?is)<(script|style|head)\b.*?</\1\s*>"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"(?i)<br\s*/?>|</(p|div|tr|li|h[1-6]|blockquote|table)\s*>"#, with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression)
        s = decodeEntities(s)
        s = s.replacingOccurrences(of: #"[ \t\x{00A0}]+"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #" *\n *"#, with: "\n", options: .regularExpression)
        s = s.replacingOccurrences(of: #"\n{3,}"#, with: "\n\n", options: .regularExpression)
        return s.trimmed()
    }

    static func decodeEntities(_ s: String) -> String {
        let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "hellip": "…"]
        return s.replacing(#/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/#) { m in
            let body = m.1
            if body.hasPrefix("#x"), let v = UInt32(body.dropFirst(2), radix: 16), let u = Unicode.Scalar(v) { return String(u) }
            if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let u = Unicode.Scalar(v) { return String(u) }
            return named[body.lowercased()] ?? String(m.0)
        }
    }
}
