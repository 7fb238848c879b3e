/// The character between cells. Excel's "CSV" uses commas; its "文本文件(制表符分隔)" export and
/// copies pasted out of a spreadsheet use tabs.
public enum FieldSeparator: UInt8, Sendable, CaseIterable {
    /// `,`: CSV.
    case comma = 0x2C
    /// A tab: tab-separated text.
    case tab = 0x09

    /// Tab when the first non-empty line has tabs and no commas, comma otherwise: a header of
    /// Chinese column names never contains either, so the header line decides reliably.
    static func detect(in bytes: UnsafeBufferPointer<UInt8>) -> FieldSeparator {
        var index = 0
        while index < bytes.count, bytes[index] == 0x0A || bytes[index] == 0x0D { index += 1 }
        var tabs = 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x0A, 0x0D: return tabs > 0 ? .tab : .comma
            case 0x2C: return .comma
            case 0x09: tabs += 1
            default: break
            }
            index += 1
        }
        return tabs > 0 ? .tab : .comma
    }
}
