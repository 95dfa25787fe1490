import Foundation

/// An agency or vendor with the names and email domains that identify it.
public struct Entity: Sendable, Hashable {
    public enum Kind: String, Sendable { case agency, vendor }
    public var kind: Kind
    public var name: String
    public var aliases: [String]
    public var domains: [String]
}
