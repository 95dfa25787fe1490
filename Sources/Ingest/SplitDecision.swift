import Foundation

/// Why a header block did or did not open an email: what `corpus explain` prints, so
/// that a reporter can check a split before quoting it.
public struct SplitDecision: Sendable, Codable {
    public var page: Int
    public var line: Int?
    /// The block's first line, as printed.
    public var text: String
    public var startsEmail: Bool
    public var reason: String

    enum CodingKeys: String, CodingKey {
        case page, line, text, reason
        case startsEmail = "starts_email"
    }
}
