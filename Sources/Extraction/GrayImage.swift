import CTesseract
import Foundation

/// An 8-bit grayscale raster, row-major, one byte a pixel (0 black, 255 white).
public struct GrayImage: Sendable {
    public var width: Int
    public var height: Int
    public var pixels: [UInt8]
}

// Leptonica packs 8-bit pixels into 32-bit words most significant byte first: on a
// little-endian machine byte x of a row sits at x ^ 3.
extension GrayImage {
    /// The pixels of an 8-bit Leptonica image.
    init(pix: UnsafeMutablePointer<PIX>) {
        let (width, height) = (Int(pixGetWidth(pix)), Int(pixGetHeight(pix)))
        let wordsPerLine = Int(pixGetWpl(pix))
        let data = UnsafeMutableRawPointer(pixGetData(pix)!).assumingMemoryBound(to: UInt8.self)
        var pixels = [UInt8](repeating: 255, count: width * height)
        pixels.withUnsafeMutableBufferPointer { out in
            for y in 0..<height {
                let row = data + y * wordsPerLine * 4
                for x in 0..<width { out[y * width + x] = row[x ^ 3] }
            }
        }
        self.init(width: width, height: height, pixels: pixels)
    }

    /// An 8-bit Leptonica image of these pixels, for the caller to destroy (nil when
    /// Leptonica cannot make one).
    func makePix() -> UnsafeMutablePointer<PIX>? {
        guard let pix = pixCreate(Int32(width), Int32(height), 8) else { return nil }
        let wordsPerLine = Int(pixGetWpl(pix))
        let data = UnsafeMutableRawPointer(pixGetData(pix)!).assumingMemoryBound(to: UInt8.self)
        pixels.withUnsafeBufferPointer { pixels in
            for y in 0..<height {
                let row = data + y * wordsPerLine * 4
                for x in 0..<width { row[x ^ 3] = pixels[y * width + x] }
            }
        }
        return pix
    }
}
