import Foundation

/// Content-Transfer-Encoding decoders, lenient with damaged input.
enum TransferEncoding {
    /// Whether a body said to be base64 is: its lines hold only the base64 alphabet.
    /// (Mailers label plain text base64 now and then; decoding it would turn the
    /// text into noise.)
    static func looksLikeBase64(_ data: Data) -> Bool {
        data.split(separator: 0x0A).prefix(50).allSatisfy { line in
            line.allSatisfy { byte in
                (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
                    || byte == 0x2B || byte == 0x2F || byte == 0x3D || byte == 0x0D || byte == 0x20 && line.allSatisfy { $0 == 0x20 || $0 == 0x0D }
            }
        }
    }

    static func base64(_ data: Data) -> Data {
        // (Gathered in an array: Data grown a byte at a time was a twentieth of reading
        // a message.)
        var cleaned = [UInt8]()
        cleaned.reserveCapacity(data.count + 3)
        for byte in data where (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            || byte == 0x2B || byte == 0x2F {
            cleaned.append(byte)
        }
        if cleaned.count % 4 == 1 { cleaned.removeLast() }
        while cleaned.count % 4 != 0 { cleaned.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(cleaned)) ?? Data()
    }

    static func quotedPrintable(_ data: Data, underscoreIsSpace: Bool = false) -> Data {
        let bytes = [UInt8](data)
        var out = [UInt8]()
        out.reserveCapacity(bytes.count)
        var i = 0
        func hex(_ b: UInt8) -> UInt8? {
            switch b {
            case 0x30...0x39: return b - 0x30
            case 0x41...0x46: return b - 0x37
            case 0x61...0x66: return b - 0x57
            default: return nil
            }
        }
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x3D {
                // A soft line break, or =XX.
                if i + 1 < bytes.count, bytes[i + 1] == 0x0A { i += 2; continue }
                if i + 2 < bytes.count, bytes[i + 1] == 0x0D, bytes[i + 2] == 0x0A { i += 3; continue }
                if i + 2 < bytes.count, let hi = hex(bytes[i + 1]), let lo = hex(bytes[i + 2]) {
                    out.append(hi << 4 | lo); i += 3; continue
                }
                out.append(b)
            } else if underscoreIsSpace, b == 0x5F {
                out.append(0x20)
            } else {
                out.append(b)
            }
            i += 1
        }
        return Data(out)
    }
}
