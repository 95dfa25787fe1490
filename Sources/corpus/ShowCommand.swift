import ArgumentParser
import Foundation
import Ingest
import Search

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Print one whole record, with its text.")

    @OptionGroup var index: ReadIndexOptions

    @Argument(help: "The record id (from search).")
    var id: String

    @Flag(help: "Print the record as JSON.")
    var json = false

    func run() async throws {
        let record = try await reportingErrors { () -> Record in
            do {
                return try index.open().latest { try $0.record(id: id) }
            } catch let error as IndexError where error.kind == .notFound {
                throw fail("no record with id \(id)")
            }
        }
        if json {
            try printJSON(record)
            return
        }
        print("Id:       \(record.id) (\(record.kind.rawValue))")
        if record.kind == .email {
            print("From:     \(record.from?.description ?? "?")")
            if let sender = record.sender { print("Sender:   \(sender) (sent for the From mailbox)") }
            if !record.to.isEmpty { print("To:       \(record.to.map(\.description).joined(separator: "; "))") }
            if !record.cc.isEmpty { print("Cc:       \(record.cc.map(\.description).joined(separator: "; "))") }
        }
        print("Date:     \(record.date?.description ?? "unknown")")
        print("Subject:  \(record.subject ?? "")")
        if !record.agencies.isEmpty { print("Agencies: \(record.agencies.joined(separator: ", "))") }
        if !record.vendors.isEmpty { print("Vendors:  \(record.vendors.joined(separator: ", "))") }
        print("Source:   \(record.source.citation())\n          sha256 \(record.source.sha256)")
        for other in record.otherSources { print("Also in:  \(other.citation())") }
        if let head = record.copyOf { print("Copy of:  \(head) (the same message, found again: that record stands for it)") }
        if let parent = record.parent { print("Parent:   \(parent)") }
        if !record.attachments.isEmpty { print("Attached: \(record.attachments.joined(separator: ", "))") }
        for file in record.unreadAttachments {
            print("Not read: \(file.name) (\(file.type), \(file.size) bytes): \(file.reason)")
        }
        if record.ocr { print("OCR:      yes" + (record.ocrConfidence.map { ", confidence \($0)%" } ?? "")) }
        if record.redactions > 0 { print("Redacted: \(record.redactions) marker(s)") }
        print("")
        print(record.text)
    }
}
