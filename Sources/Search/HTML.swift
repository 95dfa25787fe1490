/// The one place text becomes HTML: a release can contain markup, so every piece of
/// document text shown in a page goes through `escape`.
public enum HTML {
    /// What a page of corpus's may load and run: no script at all, nothing from elsewhere
    /// (a file written to disk carries it as a meta tag; the reading room sends it as a header).
    public static let contentSecurityPolicy = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"

    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // A direction override or isolate would turn the text after it around
                // ("invoice\u{202E}fdp.exe" reads "invoiceexe.pdf"): shown, not obeyed.
                if let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1, bidiControls.contains(scalar.value) {
                    out += "[U+\(String(scalar.value, radix: 16, uppercase: true))]"
                } else {
                    out.append(ch)
                }
            }
        }
        return out
    }

    static let bidiControls: Set<UInt32> = [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069]
}
