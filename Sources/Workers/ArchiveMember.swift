import Foundation

/// One member of an archive as a worker unpacked it: the file it was written to, or why
/// it was not (an encrypted member, a name that climbs out of the archive, a zip bomb).
public struct ArchiveMember: Codable, Sendable, Equatable {
    /// The member's path inside the archive, as stored ("part2/release.pdf").
    public var name: String
    /// Where the worker wrote its bytes; nil when it was refused.
    public var file: String?
    /// Why it was not unpacked, in a reporter's words.
    public var refusal: String?

    public init(name: String, file: String? = nil, refusal: String? = nil) {
        self.name = name
        self.file = file
        self.refusal = refusal
    }
}
