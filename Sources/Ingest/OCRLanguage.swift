import Foundation

/// The languages OCR reads in, by Tesseract's names: "eng", "spa", "chi_sim", several
/// joined by "+" ("eng+spa" reads a page in either). Each is a Debian package of its own.
public enum OCRLanguage {
    public static let english = "eng"

    /// Why OCR cannot read in the languages asked for: a name Tesseract does not use, or a
    /// model not installed (with the package that brings it).
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String
    }

    /// Whether Tesseract, which has models for `available`, can read in `language`.
    public static func check(_ language: String, available: [String]) throws {
        let wanted = language.split(separator: "+", omittingEmptySubsequences: false).map(String.init)
        guard wanted.allSatisfy({ $0.range(of: #"^[a-z]{3}(_[a-z]+)?$"#, options: .regularExpression) != nil }) else {
            throw Unavailable(description: "--ocr-lang \(language): give Tesseract's language names joined by '+', such as eng+spa")
        }
        let missing = wanted.filter { !available.contains($0) }
        guard missing.isEmpty else {
            let packages = missing.map(debianPackage).joined(separator: " ")
            throw Unavailable(description: "Tesseract has no model for \(missing.joined(separator: ", ")) on this machine: "
                + "install the Debian package\(missing.count > 1 ? "s" : "") (apt-get install \(packages))")
        }
    }

    /// The Debian package of a language's model: tesseract-ocr-chi-sim for chi_sim.
    public static func debianPackage(_ language: String) -> String {
        "tesseract-ocr-" + language.replacingOccurrences(of: "_", with: "-")
    }
}
