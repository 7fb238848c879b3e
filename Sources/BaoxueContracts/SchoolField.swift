/// A column of the schools file.
public enum SchoolField: String, CaseIterable, Sendable, ImportColumn {
    case code, name, type, township
    /// 乡镇名称, optional: the township's name, which lists and ledgers show beside its code. The
    /// registry keeps one name per township code (decision 102).
    case townshipName

    public var header: String {
        switch self {
        case .code: "学校标识码"
        case .name: "学校名称"
        case .type: "学校类型"
        case .township: "乡镇区划代码"
        case .townshipName: "乡镇名称"
        }
    }

    public var aliases: [String] {
        switch self {
        case .code: ["code", "schoolcode", "school_code"]
        case .name: ["name", "schoolname", "school_name"]
        case .type: ["type", "schooltype", "school_type"]
        case .township: ["township", "townshipcode", "township_code"]
        case .townshipName: ["townshipname", "township_name", "乡镇", "乡镇（街道）名称", "乡镇(街道)名称"]
        }
    }

    public var stems: [String] {
        switch self {
        case .code: ["标识码", "学校代码"]
        case .name: ["校名", "学校名"]
        case .type: ["类型", "类别"]
        case .township: ["乡镇", "区划"]
        case .townshipName: []
        }
    }

    /// What a school list commonly carries besides: listed as not kept, never refused.
    public static let unusedHeaders: Set<String> = Set(["序号", "备注", "学校地址", "地址", "邮政编码", "联系电话", "校长", "校长姓名", "举办者", "城乡分类", "学段"].map(headerKey))

    public init?(header: String) {
        let key = Self.headerKey(header)
        guard let field = SchoolField.allCases.first(where: { $0.header == key || $0.aliases.contains(key) }) else {
            return nil
        }
        self = field
    }
}

extension SchoolField {
    public var isRequiredColumn: Bool { self != .townshipName }
}
