import Foundation

/// An earlier email quoted inside a printed one, known by its quoted header: what links
/// a reply to what it answers, and what stands for that email when it was not released.
public struct QuotedCopy: Codable, Sendable, Equatable {
    @NullEncoded public var from: Correspondent?
    @NullEncoded public var date: RecordDate?
    @NullEncoded public var subject: String?

    public init(from: Correspondent?, date: RecordDate?, subject: String?) {
        self.from = from
        self.date = date
        self.subject = subject
    }
}
