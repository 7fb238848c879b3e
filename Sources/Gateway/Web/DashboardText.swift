import BaoxueContracts

/// Every label the dashboard's templates print, in Chinese and English: the templates hold no
/// words of their own, so a page is one language throughout.
enum DashboardText {
    static func labels(_ language: Language) -> [String: String] {
        var labels: [String: String] = [:]
        for (key, zh, en) in entries { labels[key] = language.pick(zh, en) }
        return labels
    }

    static let entries: [(String, String, String)] = [
        ("site", "保学 · 控辍保学", "Baoxue · every child in school"),
        ("skip", "跳到正文", "Skip to content"),
        ("account", "账户", "Account"),
        ("signIn", "登录", "Sign in"),
        ("signOut", "退出", "Sign out"),
        ("signInHelp", "请输入县级管理员发给您的令牌（以 bx_ 开头）。登录后，您只能看到自己权限范围内的数据。", "Enter the token a county admin gave you (it starts with bx_). Once signed in you see only the data of your own scope."),
        ("token", "令牌", "Token"),
        ("maskedBadge", "脱敏查看", "masked view"),
        ("breadcrumbs", "位置", "Where you are"),
        ("kpis", "关键指标", "Key figures"),
        ("liveAlerts", "实时预警", "Live alerts"),
        ("streamConnecting", "正在连接预警推送…", "Connecting to the alert stream…"),
        ("acknowledge", "确认", "Acknowledge"),
        ("acknowledged", "已确认", "Acknowledged"),
        ("ackFailed", "确认失败，点此重试", "Failed: click to retry"),
        ("noAlerts", "目前没有待处理的预警。", "No open alerts."),
        ("trend", "在办案件与劝返复学（按月）", "Open cases and returns by month"),
        ("openCasesBy", "在办案件排名", "Open cases, ranked"),
        ("name", "名称", "Name"),
        ("inSchoolRate", "在校率", "In school"),
        ("consolidation", "巩固率", "Consolidation"),
        ("dropouts", "在册辍学", "Dropouts"),
        ("openCases", "在办案件", "Open cases"),
        ("returned", "劝返复学", "Returned"),
        ("suspects", "待核查疑似辍学", "Suspects to verify"),
        ("aid", "资助覆盖", "Aid coverage"),
        ("surrogates", "代理家长覆盖", "Surrogate coverage"),
        ("teaching", "送教课时/应送", "Lessons / due"),
        ("targets", "目标考核", "Targets"),
        ("openCaseList", "在办劝返案件", "Open cases"),
        ("noCases", "没有在办案件。", "No open cases."),
        ("child", "学生", "Child"),
        ("studentNumber", "学籍号（脱敏）", "Student number (masked)"),
        ("school", "学校", "School"),
        ("openedOn", "立案日期", "Opened"),
        ("causes", "原因", "Causes"),
        ("visits", "上门次数", "Visits"),
        ("responsible", "双线责任人", "Responsible"),
        ("downloads", "下载", "Downloads"),
        ("visitLog", "上门劝返记录", "Home visits"),
        ("noVisits", "尚无上门记录。", "No visits yet."),
        ("date", "日期", "Date"),
        ("visitors", "走访人", "Visitors"),
        ("outcome", "结果", "Outcome"),
        ("campaign", "活动", "Campaign"),
        ("footer", "本页数据含未成年人个人信息，仅限工作使用；证件号码一律脱敏显示，查看完整档案请使用经审计的命令行或接口。", "These pages hold minors' personal data, for work use only; ID numbers are always masked here; full records are read through the audited CLI or API."),
    ]
}
