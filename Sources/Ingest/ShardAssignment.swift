import Foundation

/// Which part of a release one machine ingests (`corpus ingest --shard K/N`), by a hash
/// that is the same on every machine and every run: a file by its SHA-256, and mail by the
/// conversation it belongs to — the first message its References name, else the one it
/// answers, else its own Message-ID — so that a conversation, and every copy of a message,
/// land in one shard, joined there as in one index.
public struct ShardAssignment: Sendable, Equatable, CustomStringConvertible {
    /// 1-based, as written.
    public let number: Int
    public let count: Int

    public struct FormatError: Error, CustomStringConvertible {
        public var description: String
    }

    /// "K/N", 1 ≤ K ≤ N.
    public init(_ text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = Int(parts[0]), let count = Int(parts[1]), count >= 1, (1...count).contains(number) else {
            throw FormatError(description: "a shard is K/N with 1 ≤ K ≤ N (--shard 2/4), not '\(text)'")
        }
        (self.number, self.count) = (number, count)
    }

    public var description: String { "\(number)/\(count)" }

    /// Whether the file with this SHA-256 is this shard's.
    public func holds(sha256: String) -> Bool {
        holds(key: "file:" + sha256)
    }

    /// Whether this message (its bytes: only its headers are read) is this shard's;
    /// `fallback` names a message without a Message-ID (its file and place in it).
    public func holds(message data: Data, fallback: String) -> Bool {
        let headers = MIMEPart.rawHeaders(of: data)
        func ids(_ name: String) -> [String] {
            headers.filter { MIMEPart.sameName($0.name, name) }.flatMap { EmailMessage.messageIDs($0.value) ?? [] }
        }
        let root = ids("References").first ?? ids("In-Reply-To").last ?? ids("Message-ID").first
        return holds(key: root.map { "message:" + Self.normalised($0) } ?? "file:" + fallback)
    }

    private func holds(key: String) -> Bool {
        Int(Self.fnv1a(key) % UInt64(count)) == number - 1
    }

    /// A Message-ID as mailers compare them.
    private static func normalised(_ id: String) -> String {
        id.trimmingCharacters(in: CharacterSet(charactersIn: "<> \t\r\n")).lowercased()
    }

    /// FNV-1a, 64 bits: small, and fixed forever (Swift's own hash changes every run).
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

extension FileKind {
    /// Kinds whose parts go to shards one by one (messages, an archive's files), not whole.
    var routedByPart: Bool {
        switch self {
        case .email, .mbox, .archive, .outlookMessage, .outlookMailbox: true
        case .pdf, .image, .text: false
        }
    }
}
