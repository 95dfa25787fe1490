import Foundation
import Ingest
import Search

/// Writes records into a new index at `path`, each group an ingest of its own (a writer
/// opened, committed and closed): what order and how many ingests change, tests compare.
func ingest(_ groups: [[Record]], into path: String) throws {
    try? FileManager.default.removeItem(atPath: path)
    for group in groups {
        let writer = try IndexWriter(path: path)
        try writer.add(group)
        try writer.commit()
        try writer.close()
    }
}
