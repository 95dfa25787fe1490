import Foundation

/// Splits an mbox into messages: a message starts at a "From sender date" line at the
/// top of the file or after an empty line. (A body line that only begins with "From ",
/// left unescaped by a careless exporter, has no time of day and does not split.) ">From " lines (mboxrd and mboxo escapes) lose
/// one ">". A message whose headers never end (a file cut off in the middle of it) is
/// left out.
enum Mbox {
    static func messages(in data: Data) -> [Data] {
        var messages: [Data] = []
        var current = Data()
        var previousBlank = true
        var started = false
        var lineStart = data.startIndex
        while lineStart < data.endIndex {
            let lineEnd = data[lineStart...].firstIndex(of: 0x0A).map { $0 + 1 } ?? data.endIndex
            var line = data[lineStart..<lineEnd]
            lineStart = lineEnd
            if previousBlank, line.starts(with: Array("From ".utf8)), isSeparator(line) {
                if started, !current.isEmpty { messages.append(withoutSeparator(current)) }
                current = Data()
                started = true
                previousBlank = false
                continue
            }
            if line.first == 0x3E {
                let body = line.drop(while: { $0 == 0x3E })
                if body.starts(with: Array("From ".utf8)) { line = line.dropFirst() }
            }
            let content = line.filter { $0 != 0x0A && $0 != 0x0D }
            previousBlank = content.isEmpty
            if started { current.append(contentsOf: line) }
        }
        if started, !current.isEmpty { messages.append(current) }
        return messages.filter(hasCompleteHeaders)
    }

    static let separator = try! NSRegularExpression(pattern: #"^From \S+\s.*\b\d{1,2}:\d{2}"#)

    static func isSeparator(_ line: Data) -> Bool {
        let text = String(decoding: line.prefix(200), as: UTF8.self)
        return separator.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// The empty line before a "From " line belongs to the mbox, not to the message.
    static func withoutSeparator(_ message: Data) -> Data {
        if message.suffix(4) == Data("\r\n\r\n".utf8) { return message.dropLast(2) }
        if message.suffix(2) == Data("\n\n".utf8) { return message.dropLast(1) }
        return message
    }

    /// The headers end with an empty line.
    static func hasCompleteHeaders(_ message: Data) -> Bool {
        message.range(of: Data("\n\n".utf8)) != nil || message.range(of: Data("\r\n\r\n".utf8)) != nil
    }
}
