import CGsf
import Foundation

/// Writes Outlook .msg files ([MS-OXMSG]) through libgsf's OLE2 writer, for tests that need
/// messages of their own: MAPI properties as streams `__substg1.0_IIIITTTT` and a
/// `__properties_version1.0` table; recipients, attachments and embedded messages as
/// storages of their own.
public struct GeneratedOutlookMessage {
    public enum Value {
        case text(String)
        /// An 8-bit string (PT_STRING8), in the message's code page.
        case text8(Data)
        case binary(Data)
        case time(Date)
        case integer(UInt32)
    }

    public struct Recipient {
        public var name: String, address: String, type: UInt32, addressType: String
        /// `type`: 1 To, 2 Cc, 3 Bcc. `addressType` "SMTP", or "EX" for an Exchange address.
        public init(name: String, address: String, type: UInt32 = 1, addressType: String = "SMTP") {
            self.name = name
            self.address = address
            self.type = type
            self.addressType = addressType
        }
    }

    public enum Attachment {
        case file(name: String, mimeType: String, data: Data)
        case message(name: String, GeneratedOutlookMessage)
    }

    public var properties: [UInt16: Value]
    public var recipients: [Recipient]
    public var attachments: [Attachment]

    public init(properties: [UInt16: Value], recipients: [Recipient] = [], attachments: [Attachment] = []) {
        self.properties = properties
        self.recipients = recipients
        self.attachments = attachments
    }

    public func write(to path: String) {
        gsf_init()
        let sink = gsf_output_stdio_new(path, nil)!
        let root = gsf_outfile_msole_new(sink)!
        write(into: root, headerSize: 32)
        Self.closed(UnsafeMutablePointer<GsfOutput>(root))
        g_object_unref(sink)
    }

    private func write(into storage: OpaquePointer, headerSize: Int) {
        // (A child storage is written through as the outfile it is.)
        func outfile(_ output: UnsafeMutablePointer<GsfOutput>) -> OpaquePointer { OpaquePointer(output) }
        var header = Data(count: headerSize)
        if headerSize >= 24 {
            // Next recipient and attachment ids, then their counts.
            for (offset, value) in [(8, recipients.count), (12, attachments.count), (16, recipients.count), (20, attachments.count)] {
                header.replaceSubrange(offset..<(offset + 4), with: Self.le(UInt32(value)))
            }
        }
        Self.writeProperties(properties, header: header, into: storage)
        if headerSize == 32 { Self.closed(gsf_outfile_new_child(storage, "__nameid_version1.0", 1)) }
        for (index, recipient) in recipients.enumerated() {
            let child = gsf_outfile_new_child(storage, String(format: "__recip_version1.0_#%08X", index), 1)!
            Self.writeProperties([0x3001: .text(recipient.name), 0x3003: .text(recipient.address), 0x3002: .text(recipient.addressType),
                                  0x0C15: .integer(recipient.type)], header: Data(count: 8), into: outfile(child))
            Self.closed(child)
        }
        for (index, attachment) in attachments.enumerated() {
            let child = gsf_outfile_new_child(storage, String(format: "__attach_version1.0_#%08X", index), 1)!
            switch attachment {
            case .file(let name, let mimeType, let data):
                Self.writeProperties([0x3707: .text(name), 0x370E: .text(mimeType), 0x3701: .binary(data), 0x3705: .integer(1)],
                                     header: Data(count: 8), into: outfile(child))
            case .message(let name, let message):
                Self.writeProperties([0x3707: .text(name), 0x3705: .integer(5)], header: Data(count: 8), into: outfile(child))
                let embedded = gsf_outfile_new_child(outfile(child), "__substg1.0_3701000D", 1)!
                message.write(into: outfile(embedded), headerSize: 24)
                Self.closed(embedded)
            }
            Self.closed(child)
        }
    }

    private static func closed(_ output: UnsafeMutablePointer<GsfOutput>?) {
        guard let output else { return }
        gsf_output_close(output)
        g_object_unref(output)
    }

    private static func writeProperties(_ properties: [UInt16: Value], header: Data, into storage: OpaquePointer) {
        var table = header
        for (id, value) in properties.sorted(by: { $0.key < $1.key }) {
            let type: UInt16
            var inline = Data(count: 8)
            switch value {
            case .text(let text):
                type = 0x001F
                let bytes = Data(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
                stream(String(format: "__substg1.0_%04X001F", id), bytes, into: storage)
                inline.replaceSubrange(0..<4, with: le(UInt32(bytes.count + 2)))
            case .text8(let bytes):
                type = 0x001E
                stream(String(format: "__substg1.0_%04X001E", id), bytes, into: storage)
                inline.replaceSubrange(0..<4, with: le(UInt32(bytes.count + 1)))
            case .binary(let data):
                type = 0x0102
                stream(String(format: "__substg1.0_%04X0102", id), data, into: storage)
                inline.replaceSubrange(0..<4, with: le(UInt32(data.count)))
            case .time(let date):
                type = 0x0040
                let ticks = UInt64((date.timeIntervalSince1970 + 11_644_473_600) * 10_000_000)
                inline = Data((0..<8).map { UInt8(truncatingIfNeeded: ticks >> (8 * $0)) })
            case .integer(let number):
                type = 0x0003
                inline.replaceSubrange(0..<4, with: le(number))
            }
            table += le(UInt32(id) << 16 | UInt32(type)) + le(UInt32(6)) + inline
        }
        stream("__properties_version1.0", table, into: storage)
    }

    private static func stream(_ name: String, _ data: Data, into storage: OpaquePointer) {
        let child = gsf_outfile_new_child(storage, name, 0)!
        data.withUnsafeBytes { _ = gsf_output_write(child, data.count, $0.baseAddress?.assumingMemoryBound(to: guint8.self)) }
        closed(child)
    }

    private static func le(_ value: UInt32) -> Data { Data((0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }) }
}
