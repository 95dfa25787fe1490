import Foundation

/// Outlook's compressed RTF ([MS-OXRTFCP]): LZ77 over a 4 KB ring that starts out holding
/// a fixed preamble of RTF words. An Outlook message whose only body is RTF keeps it so.
enum CompressedRTF {
    private static let preamble = Array(("{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript "
        + "\\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par "
        + "\\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx").utf8)
    private static let compressed: UInt32 = 0x7546_5A4C // "LZFu"
    private static let uncompressed: UInt32 = 0x414C_454D // "MELA"

    /// The RTF, or nil when the header is not one of the two forms or the sizes lie.
    static func decompress(_ data: Data) -> Data? {
        let bytes = [UInt8](data)
        guard bytes.count >= 16 else { return nil }
        let compressedSize = Int(data.littleEndian(UInt32.self, at: data.startIndex))
        let rawSize = Int(data.littleEndian(UInt32.self, at: data.startIndex + 4))
        let type = data.littleEndian(UInt32.self, at: data.startIndex + 8)
        // (The compressed size counts the header's last 12 bytes.)
        let end = min(bytes.count, compressedSize + 4)
        guard end >= 16, rawSize <= 256 << 20 else { return nil }
        if type == uncompressed { return Data(bytes[16..<min(end, 16 + rawSize)]) }
        guard type == compressed else { return nil }
        var ring = [UInt8](repeating: 0, count: 4096)
        ring.replaceSubrange(0..<preamble.count, with: preamble)
        var write = preamble.count
        var output: [UInt8] = []
        output.reserveCapacity(rawSize)
        var input = 16
        while input < end {
            let control = bytes[input]
            input += 1
            for bit in 0..<8 where input < end {
                if control & (1 << bit) == 0 {
                    output.append(bytes[input])
                    ring[write] = bytes[input]
                    write = (write + 1) & 0xFFF
                    input += 1
                    continue
                }
                guard input + 1 < end else { return Data(output) }
                let token = Int(bytes[input]) << 8 | Int(bytes[input + 1])
                input += 2
                let offset = token >> 4
                // A reference to where the next byte goes ends the stream.
                if offset == write { return Data(output) }
                for step in 0..<((token & 0xF) + 2) {
                    let byte = ring[(offset + step) & 0xFFF]
                    output.append(byte)
                    ring[write] = byte
                    write = (write + 1) & 0xFFF
                }
                if output.count > rawSize + 4096 { return Data(output.prefix(rawSize)) }
            }
        }
        return Data(output)
    }
}
