import Ingest
import XCTest

/// The text of RTF bodies as Outlook writes them: plain RTF, and HTML wrapped in RTF.
final class RTFTextTests: XCTestCase {
    func text(_ rtf: String) -> String { RTFText.text(from: Data(rtf.utf8)) }

    func testPlainRTFLosesItsTablesAndKeepsItsCharacters() {
        let rtf = #"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss Arial;}}{\colortbl;\red0\green0\blue0;}"#
            + #"{\*\generator Riched20;}\pard\f0\fs20 Caf\'e9 meeting moved\par Cost: \u8364?40 \endash{} see \ldblquote budget\rdblquote\par"#
            + #"{\pict\wmetafile8 0a0b0c0d}Thanks\line Ana}"#
        XCTAssertEqual(text(rtf), "Café meeting moved\nCost: €40 – see “budget”\nThanks\nAna")
    }

    func testACodePageOtherThanWestern() {
        XCTAssertEqual(text(#"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2}"#), "Привет")
    }

    /// Outlook's HTML mail in RTF: the HTML comes back out (tags in \*\htmltag groups,
    /// RTF-only renderings between \htmlrtf and \htmlrtf0 dropped) and is read as HTML.
    func testHTMLWrappedInRTF() {
        let rtf = #"{\rtf1\ansi\ansicpg1252\fromhtml1 \deff0{\fonttbl{\f0\fswiss Arial;}}"#
            + #"{\*\htmltag19 <html>}{\*\htmltag34 <head><style>p{color:red}</style></head>}{\*\htmltag50 <body>}"#
            + #"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 The pilot ends Friday.{\*\htmltag72 </p>}\htmlrtf }\htmlrtf0"#
            + #"{\*\htmltag64 <p>}\htmlrtf {\htmlrtf0 Send the &amp; invoice.{\*\htmltag72 </p>}\htmlrtf\par}\htmlrtf0"#
            + #"{\*\htmltag58 </body></html>}}"#
        let result = text(rtf)
        XCTAssertTrue(result.contains("The pilot ends Friday."), result)
        XCTAssertTrue(result.contains("Send the & invoice."), result)
        XCTAssertFalse(result.contains("color"), "a style sheet is no text: \(result)")
        XCTAssertFalse(result.contains("<"), result)
    }

    func testBrokenRTFNeverCrashes() {
        for rtf in [#"{\rtf1\u98888888894 a}"#, #"{\rtf1 \'"#, #"{\rtf1 \'z9 x}"#, "}}}{{{", #"\u-"#, #"{\rtf1\u99999999999999999999 a}"#, "\\"] {
            _ = text(rtf)
        }
    }
}
