// corpus-extract: the extraction worker `corpus` starts, one per core, and talks to
// over a pipe each way (the Workers module's WorkerRequest and WorkerReply). Poppler and
// Tesseract are linked into this executable only: a crash in them costs one file, and
// `corpus` starts fast.
import Extraction
import Foundation

exit(ExtractionWorker.serve())
