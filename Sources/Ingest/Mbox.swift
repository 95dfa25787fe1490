import Foundation

/// Splits an mbox into messages: a message starts at a "From sender date" line at the
/// top of the file or after an empty line. (A body line that only begins with "From ",
/// left unescaped by a careless exporter, has no time of day and does not split.)
/// ">From " lines (mboxrd and mboxo escapes) lose one ">". Every message is handed on,
/// a message cut off in its headers too, marked so: the reader says what it drops.
public struct MboxSplitter {
    /// A message's bytes, and whether its headers end (a file cut off in the middle of
    /// a message's headers leaves one that does not).
    public struct Message: Sendable {
        public var data: Data
        public var complete: Bool
    }

    private var current = Data()
    private var previousBlank = true
    private var started = false

    static let separator = try! NSRegularExpression(pattern: #"^From \S+\s.*\b\d{1,2}:\d{2}"#)

    /// Takes the next line (with its line break); returns a message it completes.
    mutating func feed(_ raw: Data) -> Message? {
        var line = raw
        if previousBlank, line.starts(with: Array("From ".utf8)), Self.isSeparator(line) {
            let finished = started ? Self.message(Self.withoutSeparator(current)) : nil
            current = Data()
            started = true
            previousBlank = false
            return finished
        }
        if line.first == 0x3E, line.drop(while: { $0 == 0x3E }).starts(with: Array("From ".utf8)) {
            line = line.dropFirst()
        }
        previousBlank = !line.contains { $0 != 0x0A && $0 != 0x0D }
        if started { current.append(line) }
        return nil
    }

    /// The last message, once the input has ended.
    mutating func finish() -> Message? {
        defer { current = Data() }
        return started ? Self.message(current) : nil
    }

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

    /// The message (nil for nothing but blank lines), complete if its headers end with
    /// an empty line.
    static func message(_ data: Data) -> Message? {
        guard data.contains(where: { $0 != 0x0A && $0 != 0x0D && $0 != 0x20 }) else { return nil }
        let complete = data.range(of: Data("\n\n".utf8)) != nil || data.range(of: Data("\r\n\r\n".utf8)) != nil
        return Message(data: data, complete: complete)
    }
}

/// Messages of an mbox file, one at a time, read from disk a megabyte at a time: a
/// mail export of any size passes through in constant memory.
public struct MboxReader: IteratorProtocol, Sequence {
    public typealias Element = MboxSplitter.Message

    private let handle: FileHandle
    private var buffer = Data()
    private var position = 0
    private var atEnd = false
    private var splitter = MboxSplitter()

    public init(path: String) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileKind.Unsupported(description: "cannot be opened (permissions?)")
        }
        self.handle = handle
    }

    public mutating func next() -> MboxSplitter.Message? {
        while let line = nextLine() {
            if let message = splitter.feed(line) { return message }
        }
        return splitter.finish()
    }

    private mutating func nextLine() -> Data? {
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                defer { position = newline + 1 }
                return Data(buffer[position...newline])
            }
            if atEnd {
                defer { buffer = Data(); position = 0 }
                return position < buffer.count ? Data(buffer[position...]) : nil
            }
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            if let chunk, !chunk.isEmpty {
                // Keep the unread tail only, so the buffer stays about a megabyte.
                buffer = Data(buffer[position...]) + chunk
                position = 0
            } else {
                atEnd = true
                try? handle.close()
            }
        }
    }
}
