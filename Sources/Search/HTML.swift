import Foundation
import Ingest

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

    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// A date as a reporter writes it ("Sep 30, 2019, 12:05 PM"), in the zone the source
    /// gave; the ISO form and the offset (or that none was given) when the pointer rests on it.
    /// - withTime: false for the day alone (a table's first and last dates).
    public static func date(_ date: RecordDate?, missing: String = "undated", withTime: Bool = true) -> String {
        guard let date else { return HTML.escape(missing) }
        var text = "\(monthNames[date.month - 1]) \(date.day), \(date.year)"
        if withTime, let time = date.time {
            let hour = time.hour % 12 == 0 ? 12 : time.hour % 12
            text += String(format: ", %d:%02d %@", hour, time.minute, time.hour < 12 ? "AM" : "PM")
        }
        let zone = date.time == nil ? "" : date.offsetMinutes.map { minutes in
            String(format: " (UTC%@%02d:%02d)", minutes < 0 ? "−" : "+", abs(minutes) / 60, abs(minutes) % 60)
        } ?? " (no time zone given)"
        return "<time datetime=\"\(HTML.escape(date.description))\" title=\"\(HTML.escape(date.description + zone))\">\(text)</time>"
    }
}
