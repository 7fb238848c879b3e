import Foundation

/// Builds the bytes of test files the way county offices' tools write them.
enum CSVTestData {
    static let gb18030 = String.Encoding(rawValue: 0x8000_0632)

    /// The text as Excel on Chinese Windows saves it: GB18030 (GBK for common characters).
    static func gb(_ text: String) -> Data {
        text.data(using: gb18030)!
    }

    /// The text as UTF-8, optionally with the BOM Excel's "CSV UTF-8" writes.
    static func utf8(_ text: String, bom: Bool = false) -> Data {
        (bom ? Data([0xEF, 0xBB, 0xBF]) : Data()) + Data(text.utf8)
    }

    /// The required student columns, in roster order.
    static let studentHeader = "姓名,性别,出生日期,身份证件号,学校标识码,年级"
}
