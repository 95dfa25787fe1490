import Foundation

/// A PDF page as the rest of the pipeline sees it: text from the text layer or OCR.
public struct Page: Sendable {
    public var number: Int
    public var text: String
    /// Mean OCR confidence (0–100) when the text came from OCR.
    public var ocrConfidence: Int?

    public init(number: Int, text: String, ocrConfidence: Int?) {
        self.number = number
        self.text = text
        self.ocrConfidence = ocrConfidence
    }
}
