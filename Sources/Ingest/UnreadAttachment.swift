import Foundation

/// An attachment an email carried that is no record of its own, and why.
public struct UnreadAttachment: Codable, Sendable, Equatable {
    public var name: String
    public var type: String
    public var size: Int
    public var reason: String

    public init(name: String, type: String, size: Int, reason: String) {
        self.name = name
        self.type = type
        self.size = size
        self.reason = reason
    }
}
