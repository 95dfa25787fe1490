import Foundation

/// An 8-bit grayscale raster, row-major, one byte a pixel (0 black, 255 white).
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
}
