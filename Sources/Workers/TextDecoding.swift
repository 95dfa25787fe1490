import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Bytes to text by the charset mail declares, through iconv (glibc knows every IANA
/// name and alias: KOI8-R, GB2312/GBK/GB18030, Big5, Shift_JIS, ISO-2022-JP, EUC-KR,
/// windows-125x, ISO-8859-x, UTF-7, …). An invalid byte costs that byte (U+FFFD), never
/// the rest of the text; valid UTF-8 under another label is read as UTF-8. Text that declares nothing, or a charset nobody knows, is
/// UTF-8 when it is valid UTF-8, else Windows-1252 (the commonest 8-bit mail), so no
/// message is lost to a bad label.
public enum TextDecoding {
    public static func decode(_ data: Data, charset: String?) -> String {
        guard let name = canonical(charset) else { return undeclared(data) }
        if name == "UTF-8" { return String(decoding: data, as: UTF8.self) }
        // UTF-8 under another label (a mailer's default charset): text in a legacy
        // charset almost never happens to be valid UTF-8 with non-ASCII in it.
        if data.contains(where: { $0 >= 0x80 }), let text = String(validating: data, as: UTF8.self) { return text }
        return convert(data, from: name) ?? undeclared(data)
    }

    /// Undeclared text: UTF-8 if valid, else Windows-1252.
    static func undeclared(_ data: Data) -> String {
        if let text = String(validating: data, as: UTF8.self) { return text }
        return convert(data, from: "WINDOWS-1252") ?? String(decoding: data, as: UTF8.self)
    }

    /// The name iconv is asked for; nil when nothing usable is declared. Labels are read
    /// as mail clients read them: ISO-8859-1 and US-ASCII mail is written on Windows
    /// (its curly quotes and euro sign come as Windows-1252 bytes), GB2312 mail in GBK.
    static func canonical(_ charset: String?) -> String? {
        guard var name = charset?.trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'“”")).lowercased(), !name.isEmpty else { return nil }
        if name.hasPrefix("charset=") { name.removeFirst("charset=".count) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "us-ascii", "ascii", "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso_8859-1", "windows-1252", "cp1252":
            return "WINDOWS-1252"
        case "gb2312", "gbk", "x-gbk", "euc-cn", "cn-gb": return "GB18030"
        case "ks_c_5601-1987", "euc-kr": return "CP949"
        case "x-sjis", "shift-jis", "sjis": return "SHIFT_JIS"
        default: return name.uppercased()
        }
    }

    /// Converts with iconv; nil when iconv does not know the charset. Bytes it cannot
    /// convert become U+FFFD one at a time.
    static func convert(_ data: Data, from charset: String) -> String? {
        let converter = iconv_open("UTF-8", charset)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = [UInt8](data)
        var output = [UInt8]()
        output.reserveCapacity(input.count * 2)
        var buffer = [UInt8](repeating: 0, count: 4096)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        input.withUnsafeMutableBufferPointer { source in
            var inPointer = source.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
            var inLeft = source.count
            while true {
                // Once the input is used up, one call with no input ends a stateful
                // charset's shift sequence (ISO-2022-JP).
                let flushing = inLeft == 0
                let (status, produced, failure) = buffer.withUnsafeMutableBufferPointer { target -> (Int, Int, Int32) in
                    var outPointer = target.baseAddress.map { UnsafeMutableRawPointer($0).assumingMemoryBound(to: CChar.self) }
                    var outLeft = target.count
                    let status = flushing ? iconv(converter, nil, nil, &outPointer, &outLeft)
                                          : iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (status, target.count - outLeft, errno)
                }
                output.append(contentsOf: buffer[0..<produced])
                if status != -1 {
                    if flushing { break }
                    continue
                }
                if failure == E2BIG { continue }
                guard !flushing, failure == EILSEQ || failure == EINVAL else { break }
                // An invalid or cut-off sequence costs one byte.
                output.append(contentsOf: replacement)
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
