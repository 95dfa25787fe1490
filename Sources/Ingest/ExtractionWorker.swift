import Foundation

/// The messages between the ingest process and its extraction workers: one JSON
/// object a line each way.
enum WorkerMessage {
    struct Request: Codable {
        enum Operation: String, Codable { case pageTexts, recognize }
        var operation: Operation
        var path: String
        var ocr: OCRMode?
        var page: Int?
    }

    struct Response: Codable {
        var pages: [PageText]?
        var ocr: OCRText?
        var error: String?
    }
}

/// The child side: `corpus worker` runs this loop, reading requests on stdin and
/// answering on stdout, one at a time, until stdin closes.
public enum ExtractionWorker {
    /// Address-space cap, so that a runaway allocation in a library fails this worker
    /// instead of exhausting the machine.
    static let memoryLimitBytes: rlim_t = 4 << 30

    public static func serve() -> Int32 {
        var limit = rlimit(rlim_cur: memoryLimitBytes, rlim_max: memoryLimitBytes)
        setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        var engine: OCREngine?
        let encoder = JSONEncoder()
        while let line = readLine(strippingNewline: true) {
            var response = WorkerMessage.Response()
            do {
                let request = try JSONDecoder().decode(WorkerMessage.Request.self, from: Data(line.utf8))
                switch request.operation {
                case .pageTexts:
                    response.pages = try PageExtractor.pageTexts(of: request.path, ocr: request.ocr ?? .auto)
                case .recognize:
                    if engine == nil { engine = try OCREngine() }
                    response.ocr = try PageExtractor.recognize(path: request.path, page: request.page ?? 0, engine: engine!)
                }
            } catch let error as PDFError {
                response.error = error.reason
            } catch {
                response.error = "\(error)"
            }
            var data = (try? encoder.encode(response)) ?? Data(#"{"error":"unencodable response"}"#.utf8)
            data.append(0x0A)
            FileHandle.standardOutput.write(data)
        }
        return 0
    }
}
