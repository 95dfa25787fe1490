/// A file of pages a worker counts, cuts out and draws: a PDF or a scan delivered as
/// images, told apart by the file's first bytes.
protocol PagedFile {
    var pageCount: Int { get }
    /// Pages `first`...`last` (from 1) as a PDF of their own at `output`.
    func writePages(_ first: Int, _ last: Int, to output: String) throws
    /// Page `number` (from 1) as a PNG at `output`, at `dpi`.
    func writePNG(page number: Int, dpi: Double, to output: String) throws
}

extension PDFDocument: PagedFile {}
extension ScannedImage: PagedFile {}

/// The PDF or scanned image at `path`.
func pagedFile(at path: String) throws -> any PagedFile {
    ScannedImage.isImage(path: path) ? try ScannedImage(path: path) : try PDFDocument(path: path)
}
