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
        var members: [Int] = []  // the shape's pixels, should it need cutting
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
            members.removeAll(keepingCapacity: true)
            while let p = stack.popLast() {
                dark += 1
                members.append(p)
                let x = p % w, y = p / w
                minX = min(minX, x); maxX = max(maxX, x); minY = min(minY, y); maxY = max(maxY, y)
                // Left, right, up, down: written out, as this runs for every dark pixel.
                if x > 0 { visit(p - 1) }
                if x < w - 1 { visit(p + 1) }
                if y > 0 { visit(p - w) }
                if y < h - 1 { visit(p + w) }
            }
            let shape = Box(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
            if isBox(shape, dark: dark, minimumHeight: minimumHeight) {
                boxes.append(shape)
            } else if shape.height > minimumHeight {
                boxes += bands(of: members, in: shape, width: w, minimumHeight: minimumHeight)
            }
        }
        return boxes
    }

    /// Solid enough and shaped like a box. At least half as wide as tall: a box over one
    /// narrow letter ("I", "a") is narrower than the line; a bold letter's stem is narrower still.
    private static func isBox(_ box: Box, dark: Int, minimumHeight: Int) -> Bool {
        box.height >= minimumHeight && 2 * box.width >= box.height && box.width >= 3
            && Double(dark) >= 0.9 * Double(box.width * box.height)
    }

    /// Boxes on consecutive lines touch when a release blacks out the end of one line and the
    /// start of the next, and together they fill too little of their rectangle to pass for
    /// one box. The shape is cut into bands of solid rows that keep the same left and right
    /// edge (a pixel either way); the bands that are boxes on their own count, when they
    /// hold nine tenths of the shape. (A scan's dark page edge, broken by specks into
    /// short bands, holds most of its pixels in a band far taller than wide: no boxes.)
    private static func bands(of members: [Int], in shape: Box, width w: Int, minimumHeight: Int) -> [Box] {
        var left = [Int](repeating: Int.max, count: shape.height), right = [Int](repeating: -1, count: shape.height)
        var count = [Int](repeating: 0, count: shape.height)
        for p in members {
            let row = p / w - shape.y, x = p % w
            left[row] = min(left[row], x)
            right[row] = max(right[row], x)
            count[row] += 1
        }
        var found: [Box] = []
        var foundDark = 0
        var band: (first: Int, left: Int, right: Int, dark: Int)?
        func close(before row: Int) {
            guard let open = band else { return }
            let box = Box(x: open.left, y: shape.y + open.first, width: open.right - open.left + 1, height: row - open.first)
            if isBox(box, dark: open.dark, minimumHeight: minimumHeight) {
                found.append(box)
                foundDark += open.dark
            }
            band = nil
        }
        for row in 0..<shape.height {
            let solid = count[row] > 0 && 10 * count[row] >= 9 * (right[row] - left[row] + 1)
            if let open = band, solid, abs(left[row] - open.left) <= 1, abs(right[row] - open.right) <= 1 {
                band = (open.first, min(open.left, left[row]), max(open.right, right[row]), open.dark + count[row])
                continue
            }
            close(before: row)
            if solid { band = (row, left[row], right[row], count[row]) }
        }
        close(before: shape.height)
        return 10 * foundDark >= 9 * members.count ? found : []
    }
}
