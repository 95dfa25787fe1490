import Foundation
import Workers

/// The readable text of an RTF body (an Outlook message's, most often). Outlook wraps
/// HTML mail in RTF (`\fromhtml1`): then the HTML is taken back out of it and read as
/// HTML. Pictures, fonts, colours, styles and other destinations are skipped.
public enum RTFText {
    public static func text(from data: Data) -> String {
        var reader = Reader(bytes: [UInt8](data))
        reader.run()
        let text = reader.output()
        return reader.fromHTML ? HTMLText.text(from: text) : text
    }

    /// Destinations that hold no text of the message.
    private static let skipped: Set<String> = [
        "fonttbl", "colortbl", "stylesheet", "info", "pict", "object", "header", "footer", "headerl", "headerr", "footerl",
        "footerr", "listtable", "listoverridetable", "rsidtbl", "generator", "xmlnstbl", "themedata", "colorschememapping",
        "latentstyles", "datastore", "fldinst", "filetbl", "revtbl", "pgdsctbl", "bkmkstart", "bkmkend",
    ]

    private struct Group {
        var skipping = false
        var htmlRTF = false
        /// Characters to drop after a \uN (its ANSI stand-ins), `\ucN`.
        var unicodeSkip = 1
    }

    private struct Reader {
        let bytes: [UInt8]
        var position = 0
        var groups = [Group()]
        var text = ""
        /// Bytes of \'hh escapes in a row, decoded together (a multi-byte code page's
        /// character is two of them).
        var pending: [UInt8] = []
        var codePage = 1252
        var fromHTML = false
        var pendingSkip = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func output() -> String {
            flush()
            return text
        }

        var current: Group {
            get { groups[groups.count - 1] }
            set { groups[groups.count - 1] = newValue }
        }

        var emitting: Bool { !current.skipping && !(fromHTML && current.htmlRTF) }

        mutating func run() {
            while position < bytes.count {
                let byte = bytes[position]
                position += 1
                switch byte {
                case UInt8(ascii: "{"):
                    groups.append(current)
                case UInt8(ascii: "}"):
                    if groups.count > 1 { groups.removeLast() }
                case UInt8(ascii: "\\"):
                    control()
                case 0x0D, 0x0A:
                    continue
                default:
                    if pendingSkip > 0 {
                        pendingSkip -= 1
                        continue
                    }
                    if emitting { append(byte) }
                }
            }
        }

        mutating func append(_ byte: UInt8) {
            pending.append(byte)
        }

        mutating func append(_ string: String) {
            flush()
            text += string
        }

        mutating func flush() {
            guard !pending.isEmpty else { return }
            text += RTFText.decode(pending, codePage: codePage)
            pending.removeAll()
        }

        mutating func control() {
            guard position < bytes.count else { return }
            let first = bytes[position]
            if !Self.isLetter(first) {
                position += 1
                switch first {
                case UInt8(ascii: "'"):
                    guard position + 2 <= bytes.count, let value = UInt8(String(decoding: bytes[position..<(position + 2)], as: UTF8.self), radix: 16) else { return }
                    position += 2
                    if pendingSkip > 0 {
                        pendingSkip -= 1
                    } else if emitting {
                        append(value)
                    }
                case UInt8(ascii: "*"):
                    // An optional destination: skipped unless it is one read here (the
                    // HTML tags of encapsulated HTML).
                    if !Self.startsWord("htmltag", in: bytes, at: position + 1) { current.skipping = true }
                case UInt8(ascii: "~"):
                    if emitting { append("\u{00A0}") }
                case UInt8(ascii: "_"):
                    if emitting { append("-") }
                case UInt8(ascii: "\\"), UInt8(ascii: "{"), UInt8(ascii: "}"):
                    if emitting { append(first) }
                case 0x0A, 0x0D:
                    if emitting { append("\n") }
                default:
                    break
                }
                return
            }
            let wordStart = position
            while position < bytes.count, Self.isLetter(bytes[position]) { position += 1 }
            let word = String(decoding: bytes[wordStart..<position], as: UTF8.self)
            var parameter: Int?
            let numberStart = position
            if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            if position > numberStart { parameter = Int(String(decoding: bytes[numberStart..<position], as: UTF8.self)) }
            if position < bytes.count, bytes[position] == UInt8(ascii: " ") { position += 1 }
            apply(word, parameter)
        }

        mutating func apply(_ word: String, _ parameter: Int?) {
            if RTFText.skipped.contains(word) {
                current.skipping = true
                return
            }
            switch word {
            case "ansicpg": codePage = parameter ?? 1252
            case "fromhtml": fromHTML = true
            case "htmlrtf": current.htmlRTF = parameter != 0
            case "htmltag": break
            // (A stand-in is a character or two; a larger count is damage, not a reason to
            // drop the rest of the text.)
            case "uc": current.unicodeSkip = min(max(0, parameter ?? 1), 4)
            case "u":
                guard var value = parameter else { return }
                // RTF writes characters past U+7FFF as negative 16-bit numbers.
                if value < 0 { value += 65536 }
                if emitting, let code = UInt32(exactly: value), let scalar = Unicode.Scalar(code) { append(String(Character(scalar))) }
                pendingSkip = current.unicodeSkip
            case "par", "line", "sect", "page":
                if emitting { append("\n") }
            case "tab": if emitting { append("\t") }
            case "cell": if emitting { append("\t") }
            case "row": if emitting { append("\n") }
            case "emdash": if emitting { append("—") }
            case "endash": if emitting { append("–") }
            case "lquote": if emitting { append("‘") }
            case "rquote": if emitting { append("’") }
            case "ldblquote": if emitting { append("“") }
            case "rdblquote": if emitting { append("”") }
            case "bullet": if emitting { append("•") }
            default: break
            }
        }

        static func isLetter(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
        }

        static func startsWord(_ word: String, in bytes: [UInt8], at index: Int) -> Bool {
            let expected = Array(word.utf8)
            guard index >= 0, index + expected.count <= bytes.count, bytes[index - 1] == UInt8(ascii: "\\") else { return false }
            return Array(bytes[index..<(index + expected.count)]) == expected
        }
    }

    static func decode(_ bytes: [UInt8], codePage: Int) -> String {
        TextDecoding.decode(Data(bytes), charset: codePage == 65001 ? "utf-8" : "windows-\(codePage)")
    }
}
