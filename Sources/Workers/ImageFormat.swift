import Foundation

/// The scanned-image formats `corpus` reads, told by their first bytes: one list for the
/// ingest's file kinds and the workers' image reader.
public enum ImageFormat: Sendable {
    case tiff, jpeg, png

    public init?(head: Data) {
        if head.starts(with: Array("II*\0".utf8)) || head.starts(with: Array("MM\0*".utf8)) {
            self = .tiff
        } else if head.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else if head.starts(with: [0x89, 0x50, 0x4E, 0x47]) {
            self = .png
        } else {
            return nil
        }
    }
}
