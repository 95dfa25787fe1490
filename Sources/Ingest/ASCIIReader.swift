/// Reads ASCII digits and marks off the front of a string, byte by byte: the ISO dates
/// records store and the date ranges queries give. (By hand: a compiled pattern's first
/// use cost a one-process search more than all its reading.) Another script's digits,
/// or a mark combining with a digit, are neither digits nor marks here.
public struct ASCIIReader {
    private var bytes: Substring.UTF8View

    public init(_ text: Substring) { bytes = text.utf8 }

    /// Whether everything has been read.
    public var atEnd: Bool { bytes.isEmpty }

    /// The number the next digits make, as many as there are up to `widths`' most; nil,
    /// reading nothing, when there are fewer than its least.
    public mutating func number(_ widths: ClosedRange<Int>) -> Int? {
        let digits = bytes.prefix(widths.upperBound).prefix { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
        guard widths.contains(digits.count) else { return nil }
        bytes = bytes.dropFirst(digits.count)
        return digits.reduce(0) { $0 * 10 + Int($1 - UInt8(ascii: "0")) }
    }

    /// Reads `mark` when it comes next.
    public mutating func skip(_ mark: Unicode.Scalar) -> Bool {
        guard bytes.first == UInt8(ascii: mark) else { return false }
        bytes = bytes.dropFirst()
        return true
    }
}
