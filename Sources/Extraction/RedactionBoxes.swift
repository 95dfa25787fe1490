import Foundation

/// Finds redaction boxes on a rendered page: solid black rectangles. Text never fills
/// its bounding box, rules are too thin, so what is left is what an agency blacked out.
public enum RedactionBoxes {
    /// A box in pixels of the image it was found in.
    public struct Box: Equatable, Sendable {
        public var x: Int, y: Int, width: Int, height: Int
    }

    /// Resolution for finding boxes on text pages: enough to see a box around one line.
    static let dpi = 50.0

    public static func find(in image: GrayImage, dpi: Double) -> [Box] {
        var seen = [Bool](repeating: false, count: image.width * image.height)
        // (Through buffers: this looks at every pixel of every page.)
        return image.pixels.withUnsafeBufferPointer { pixels in
            seen.withUnsafeMutableBufferPointer { seen in
                boxes(in: pixels, seen: seen, width: image.width, height: image.height, minimumHeight: max(3, Int(7 / 72 * dpi)))
            }
        }
    }

    /// - minimumHeight: in pixels; about 7 points at the image's resolution.
    private static func boxes(in pixels: UnsafeBufferPointer<UInt8>, seen: UnsafeMutableBufferPointer<Bool>,
                              width w: Int, height h: Int, minimumHeight: Int) -> [Box] {
        var boxes: [Box] = []
        var stack: [Int] = []
        func visit(_ q: Int) {
            if !seen[q], pixels[q] < 60 {
                seen[q] = true
                stack.append(q)
            }
        }
        for start in 0..<(w * h) where pixels[start] < 60 && !seen[start] {
            var minX = w, minY = h, maxX = 0, maxY = 0, dark = 0
            stack.append(start)
            seen[start] = true
            while let p = stack.popLast() {
                dark += 1
                let x = p % w, y = p / w
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                // Left, right, up, down: written out, as this runs for every dark pixel.
                if x > 0 { visit(p - 1) }
                if x < w - 1 { visit(p + 1) }
                if y > 0 { visit(p - w) }
                if y < h - 1 { visit(p + w) }
            }
            let bw = maxX - minX + 1, bh = maxY - minY + 1
            // At least half as wide as tall: a box over one narrow letter ("I", "a") is
            // narrower than the line; a bold letter's stem is narrower still.
            if bh >= minimumHeight, 2 * bw >= bh, bw >= 3, Double(dark) >= 0.9 * Double(bw * bh) {
                boxes.append(Box(x: minX, y: minY, width: bw, height: bh))
            }
        }
        return boxes
    }
}
